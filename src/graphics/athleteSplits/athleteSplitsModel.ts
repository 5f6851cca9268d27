import { describeRecordDelta, formatPaceClock, formatTime, isSegmentPoint, segmentSplits, type SegmentSplit } from '../../core';
import { countryOf } from '../../protocol/country';
import { shownName } from '../../protocol/entrant';
import type { AthleteSplitsProps } from '../../protocol/kinds/athleteSplits';
import { entrantOf } from '../../state/passingTable';
import type { ShowState } from '../../state/showState';

/** One 5 km segment's line, keyed by its timing point so a row stays put and rolls only what changed. */
export type SplitsRow = {
  key: string;
  /** "10K", or "10K–20K" when the split covers a point with no time. */
  point: string;
  split: string;
  time: string;
  perKm: string;
  perMile: string;
  /** Against the record's even pace ("9 S UNDER"); null without a record, or without a time here. */
  vsRecord: { text: string; direction: 'under' | 'over' | 'level' } | null;
};

/**
 * What the athlete splits graphic shows, every string formatted: the athlete (name, flag by alpha-2) and race,
 * the comparison's heading (null when the race has no record: no column is invented), the rows, and a caption
 * in place of rows when there are none (AWAITING TIMES...).
 */
export type AthleteSplitsModel = { raceName: string; name: string; country: string | null; comparison: string | null; rows: SplitsRow[]; status: string | null };

/** Shown for a value there is no time for (a chip not read at that point). */
export const NO_TIME = '–';

/** The athlete's 5 km splits from the race's passings, against the race's record at an even pace. */
export function resolveAthleteSplits(props: AthleteSplitsProps, show: ShowState): AthleteSplitsModel {
  const race = show.races.find((r) => r.id === props.raceId);
  if (!race) return { raceName: '', name: '', country: null, comparison: null, rows: [], status: null };
  const comparison = race.record ? `VS ${race.record.label} PACE` : null;
  const entrant = entrantOf(race, props.bib);
  // The hub refuses an unknown bib on take and update, and a start list that drops one on air; a show file read as it is may still name one.
  if (!entrant) return { raceName: race.name, name: `#${props.bib}`, country: null, comparison, rows: [], status: `BIB ${props.bib} IS NOT ON THE START LIST` };
  const athlete = { raceName: race.name, name: shownName(entrant), country: entrant.country ? (countryOf(entrant.country)?.alpha2 ?? null) : null, comparison };
  const points = race.timingPoints ?? [];
  const times = new Map<number, number>();
  for (const [bib, point, elapsedMs] of race.passings ?? []) if (bib === props.bib) times.set(point, elapsedMs);
  const segments = segmentSplits(points, times, race.distanceM, race.record?.ms ?? null);
  if (segments.length === 0) {
    const hasPoints = points.some((p) => isSegmentPoint(p.metres, race.distanceM));
    return { ...athlete, rows: [], status: hasPoints ? 'AWAITING TIMES' : 'NO 5 KM TIMING POINTS' };
  }
  return { ...athlete, rows: segments.map((segment) => row(segment, segments)), status: null };
}

function row(segment: SegmentSplit, all: readonly SegmentSplit[]): SplitsRow {
  const { elapsedMs, splitMs, msPerKm, msPerMile, vsRecordMs } = segment;
  const from = segment.spansMissing ? all.find((s) => s.metres === segment.fromMetres) : undefined;
  const comparison = vsRecordMs !== null ? describeRecordDelta(vsRecordMs) : null;
  return {
    key: String(segment.point),
    point: from ? `${from.label}–${segment.label}` : segment.label,
    split: splitMs === null ? NO_TIME : formatTime(splitMs),
    time: elapsedMs === null ? NO_TIME : formatTime(elapsedMs),
    perKm: msPerKm === null ? NO_TIME : formatPaceClock(msPerKm),
    perMile: msPerMile === null ? NO_TIME : formatPaceClock(msPerMile),
    vsRecord: comparison ? { text: comparison.text, direction: comparison.direction } : null,
  };
}
