import { standingsAt } from '../core';
import type { Race } from '../protocol/race';
import { timedPassings } from './passingTable';

/** A group at a timing point: how many athletes run in it, the first GROUP_NAMED of them (fastest first) and its first time. */
export type RaceGroup = { count: number; bibs: string[]; elapsedMs: number };

/** The gap graphic names a group of up to this many athletes (and counts a bigger one). */
export const GROUP_NAMED = 3;

/**
 * The leading group at a timing point and the chasing group (null when the leaders are everyone there) and how many
 * athletes were timed there, or null before anyone has passed it. From the race's rows, or, for a mass race trimmed for pages (state/pageView.ts),
 * from the sizes counted over the whole set (`groups`) and the first rows of each group, which the view keeps.
 */
export function groupsAt(race: Race, point: number): { leaders: RaceGroup; chasers: RaceGroup | null; timed: number } | null {
  const standings = standingsAt(timedPassings(race, [point]), point);
  if (standings.length === 0) return null;
  const counted = race.groups?.find(([p]) => p === point);
  const leaders = counted ? counted[1] : standings.filter((s) => s.group === 1).length;
  const chasers = counted ? counted[2] : standings.filter((s) => s.group === 2).length;
  // The chasing group's first rows are kept whole, in standings order: the first at or after its first time.
  const chasersAt = counted ? standings.findIndex((s) => s.elapsedMs >= counted[3]) : leaders;
  const group = (at: number, count: number): RaceGroup => ({ count, bibs: standings.slice(at, at + Math.min(count, GROUP_NAMED)).map((s) => s.bib), elapsedMs: standings[at]!.elapsedMs });
  return { leaders: group(0, leaders), chasers: chasers === 0 ? null : group(chasersAt, chasers), timed: counted ? counted[4] : standings.length };
}
