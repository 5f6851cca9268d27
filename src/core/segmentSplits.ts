import { pacePerKm, pacePerMile } from './pace';
import { shownMs } from './time';

/**
 * One athlete's race in 5 km segments: at each 5 km timing point (and the finish) the time there, the split
 * since the point before, its pace per km and per mile, and where that stands against a record run at an even
 * pace. Pure: the athlete's times by timing point come in, numbers come out (graphics format them).
 */

/** Splits are taken every 5 km (5K, 10K … 40K), then at the finish. */
export const SEGMENT_M = 5000;

// Same tolerance as timing points: mile points are not whole metres, a typed distance carries float noise.
const SNAP_M = 1;

/** A timing point as the race lists it: metres from the start and its caption. */
export type SplitPoint = { metres: number; label: string };

/** Whether a timing point ends a segment: a whole multiple of 5 km before the finish, or the finish itself. */
export function isSegmentPoint(metres: number, raceM: number): boolean {
  if (Math.abs(metres - raceM) <= SNAP_M) return true;
  const segments = Math.round(metres / SEGMENT_M);
  return segments >= 1 && Math.abs(metres - segments * SEGMENT_M) <= SNAP_M && metres < raceM;
}

/** One segment's line. Times are ms from the gun; every number is null where there is no time to give one. */
export type SegmentSplit = {
  /** The timing point's index in the list given (the race's timing points). */
  point: number;
  label: string;
  metres: number;
  /** The athlete's time at this point; null when no chip was read here though a later point has a time. */
  elapsedMs: number | null;
  /** Where the split starts: the last point before with a time, or the start line (0). */
  fromMetres: number | null;
  /**
   * Time since `fromMetres`, between the two times as shown (whole seconds, cut down), so it agrees with them and its
   * pace with it: 14:33.6 to 29:10.2 is 14:33 to 29:10, 14:37. Null without a time here, or when it is not after the
   * time there as shown (a correction pending).
   */
  splitMs: number | null;
  msPerKm: number | null;
  msPerMile: number | null;
  /** True when the split covers a point with no time, so it is longer than one segment. */
  spansMissing: boolean;
  /**
   * The time here minus the record's at an even pace (record × metres / race distance), from the time and the record
   * as shown (whole seconds, cut down), as a viewer would work it out: negative is ahead of it. Unrounded.
   */
  vsRecordMs: number | null;
};

/**
 * The segments an athlete has run: every segment point up to the furthest one with a time (so a missed chip
 * read shows as a gap, and nothing is shown for points not reached yet). `times` maps a timing point's index in
 * `points` to the athlete's time there; `recordMs` null gives no comparison.
 */
export function segmentSplits(points: readonly SplitPoint[], times: ReadonlyMap<number, number>, raceM: number, recordMs: number | null): SegmentSplit[] {
  const segmentPoints = points.flatMap((p, index) => (isSegmentPoint(p.metres, raceM) ? [{ ...p, index }] : []));
  let last = -1;
  segmentPoints.forEach((p, i) => times.has(p.index) && (last = i));
  const rows: SegmentSplit[] = [];
  let from = { metres: 0, elapsedMs: 0 };
  let skipped = false;
  for (const p of segmentPoints.slice(0, last + 1)) {
    const elapsedMs = times.get(p.index) ?? null;
    const base = { point: p.index, label: p.label, metres: p.metres };
    if (elapsedMs === null) {
      rows.push({ ...base, elapsedMs, fromMetres: null, splitMs: null, msPerKm: null, msPerMile: null, spansMissing: false, vsRecordMs: null });
      skipped = true;
      continue;
    }
    const shownSplitMs = shownMs(elapsedMs) - shownMs(from.elapsedMs);
    const splitMs = shownSplitMs > 0 ? shownSplitMs : null;
    const metres = p.metres - from.metres;
    rows.push({
      ...base,
      elapsedMs,
      fromMetres: from.metres,
      splitMs,
      msPerKm: splitMs === null ? null : pacePerKm(splitMs, metres),
      msPerMile: splitMs === null ? null : pacePerMile(splitMs, metres),
      spansMissing: skipped,
      vsRecordMs: recordMs === null ? null : shownMs(elapsedMs) - (shownMs(recordMs) * p.metres) / raceM,
    });
    from = { metres: p.metres, elapsedMs };
    skipped = false;
  }
  return rows;
}
