/**
 * Standings derived from passings: who is where at each timing point. Pure: the show's compact passing rows
 * come in, places, gaps, groups and the race's leader split come out. Timing points are numbered in course
 * order (0 = the first point after the start).
 */

import { shownMs } from './time';

/** One athlete reaching one timing point: the bib, the point's index in course order, the time from the gun. */
export type TimedPassing = { bib: string; point: number; elapsedMs: number };

/** One athlete's line at a timing point. */
export type Standing = {
  bib: string;
  /** 1 for the leader; athletes with the same time share a place. */
  place: number;
  elapsedMs: number;
  /**
   * Behind the leader at this point (0 for the leader), between the two times as shown (whole seconds, cut down), so
   * it agrees with them: 29:11.0 behind 29:10.2 is 29:11 against 29:10, 1 s (not +0:00 beside times 1 s apart).
   */
  gapMs: number;
  /** Places gained (positive) or lost (negative) since the previous point; null without a previous place. */
  placeChange: number | null;
  /** 1 for the leading group; a new group starts where `joinsGroup` says the athlete is not in the one in front. */
  group: number;
};

/** Athletes within this of the one in front run together: a few seconds, as commentators count a group. */
export const DEFAULT_GROUP_GAP_MS = 3000;

/**
 * A group spans at most this from its first athlete. Chaining gaps alone made a steady stream of runners a second
 * apart one group 41 minutes long; bounded, a group is what a commentator sees together on the road.
 */
export const GROUP_SPAN_MS = 10_000;

/** Whether an athlete timed at `ms` runs in the group whose first was timed at `firstMs`, with the athlete in front at `previousMs`. */
export function joinsGroup(firstMs: number, previousMs: number, ms: number, groupGapMs = DEFAULT_GROUP_GAP_MS): boolean {
  return ms - previousMs <= groupGapMs && ms - firstMs <= GROUP_SPAN_MS;
}

/** The order at one timing point: every athlete who has passed it, fastest first (ties by bib, for a stable order). */
export function standingsAt(passings: readonly TimedPassing[], point: number, groupGapMs = DEFAULT_GROUP_GAP_MS): Standing[] {
  const here = ordered(passings, point);
  const before = point > 0 ? placesAt(ordered(passings, point - 1)) : new Map<string, number>();
  const places = placesAt(here);
  const leaderMs = here[0]?.elapsedMs ?? 0;
  let group = 1;
  let groupFirstMs = leaderMs;
  return here.map((passing, i) => {
    if (i > 0 && !joinsGroup(groupFirstMs, here[i - 1]!.elapsedMs, passing.elapsedMs, groupGapMs)) {
      group++;
      groupFirstMs = passing.elapsedMs;
    }
    const place = places.get(passing.bib)!;
    const previous = before.get(passing.bib);
    return {
      bib: passing.bib,
      place,
      elapsedMs: passing.elapsedMs,
      gapMs: shownMs(passing.elapsedMs) - shownMs(leaderMs),
      placeChange: previous === undefined ? null : previous - place,
      group,
    };
  });
}

/** The furthest timing point anyone has reached, or null before the first passing. */
export function latestPoint(passings: readonly TimedPassing[]): number | null {
  let latest: number | null = null;
  for (const p of passings) if (latest === null || p.point > latest) latest = p.point;
  return latest;
}

/** Each athlete's furthest timing point reached and the time there. */
export function latestSplits(passings: readonly TimedPassing[]): Map<string, TimedPassing> {
  const latest = new Map<string, TimedPassing>();
  for (const p of passings) {
    const known = latest.get(p.bib);
    if (!known || p.point > known.point) latest.set(p.bib, p);
  }
  return latest;
}

/** The race's split at each point reached: the leader's time there and the leading group's bibs (at most `maxLeaders`). */
export function leaderSplits(passings: readonly TimedPassing[], groupGapMs = DEFAULT_GROUP_GAP_MS, maxLeaders = 8): { point: number; elapsedMs: number; leaders: string[] }[] {
  const points = [...new Set(passings.map((p) => p.point))].sort((a, b) => a - b);
  return points.map((point) => {
    const rows = standingsAt(passings, point, groupGapMs);
    return { point, elapsedMs: rows[0]!.elapsedMs, leaders: rows.filter((r) => r.group === 1).slice(0, maxLeaders).map((r) => r.bib) };
  });
}

function ordered(passings: readonly TimedPassing[], point: number): TimedPassing[] {
  return passings.filter((p) => p.point === point).sort((a, b) => a.elapsedMs - b.elapsedMs || (a.bib < b.bib ? -1 : a.bib > b.bib ? 1 : 0));
}

function placesAt(rows: readonly TimedPassing[]): Map<string, number> {
  const places = new Map<string, number>();
  rows.forEach((row, i) => places.set(row.bib, i > 0 && row.elapsedMs === rows[i - 1]!.elapsedMs ? places.get(rows[i - 1]!.bib)! : i + 1));
  return places;
}
