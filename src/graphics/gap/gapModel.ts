import { formatTime, shownMs } from '../../core';
import { shownName } from '../../protocol/entrant';
import type { GapProps } from '../../protocol/kinds/gapGraphic';
import type { Race } from '../../protocol/race';
import { entrantOf, furthestPoint } from '../../state/passingTable';
import { rowAt } from '../../state/passingIndex';
import { GROUP_NAMED, groupsAt, type RaceGroup } from '../../state/raceGroups';
import type { ShowState } from '../../state/showState';

/** What the gap graphic shows: the leading group and the chasers (names, or a count when many), the gap and its trend. */
export type GapModel = { raceName: string; point: string; leaders: string; chasers: string; gap: string; trend: 'growing' | 'shrinking' | 'steady' | null };

/**
 * The leading group (group 1) against the next group at the furthest timing point. While the chasers have not
 * reached it (the leader alone through 40K, the rest seconds away), at the point before, the latest both have
 * passed; when they were one group there, the chasers are not yet at the furthest point. The trend is the gap
 * between the same two athletes (the first of each group) against the point before, none when either was not timed there.
 */
export function resolveGap(props: GapProps, show: ShowState): GapModel {
  const race = show.races.find((r) => r.id === props.raceId);
  const empty = { leaders: '', chasers: '', gap: '', trend: null };
  if (!race) return { raceName: '', point: '', ...empty };
  const furthest = furthestPoint(race);
  if (furthest === null) return { raceName: race.name, point: 'AWAITING TIMES', ...empty };
  const names = (bib: string) => {
    const entrant = entrantOf(race, bib);
    return entrant && shownName(entrant);
  };
  const label = (point: number) => race.timingPoints![point]!.label;
  const here = groupsAt(race, furthest)!;
  const before = furthest > 0 ? groupsAt(race, furthest - 1) : null;
  const behind = before !== null && before.timed > here.timed;
  const point = !here.chasers && behind && before.chasers ? furthest - 1 : furthest;
  const now = point === furthest ? here : before!;
  const shown = { raceName: race.name, point: label(point), leaders: describe(now.leaders, names) };
  if (!now.chasers) return { ...shown, chasers: behind ? `CHASERS NOT YET AT ${label(point)}` : 'NO CHASERS', gap: '', trend: null };
  // The gap shown is between the two times as the leaderboard shows them (whole seconds, cut down), so the two agree.
  const shownGapMs = shownMs(now.chasers.elapsedMs) - shownMs(now.leaders.elapsedMs);
  return { ...shown, chasers: describe(now.chasers, names), gap: `+${formatTime(shownGapMs)}`, trend: trendOf(race, point, now.leaders.bibs[0]!, now.chasers.bibs[0]!, shownGapMs) };
}

/**
 * Whether the gap from `leader` to `chaser` grew (by more than a second) since the point before `point`, both gaps
 * between times as shown (whole seconds): +0:10 then +0:11 is steady, as a viewer would work it out.
 */
function trendOf(race: Race, point: number, leader: string, chaser: string, gapMs: number): GapModel['trend'] {
  if (point === 0) return null;
  const leaderRow = rowAt(race.passings ?? [], leader, point - 1);
  const chaserRow = rowAt(race.passings ?? [], chaser, point - 1);
  if (!leaderRow || !chaserRow) return null;
  const beforeMs = shownMs(chaserRow[2]) - shownMs(leaderRow[2]);
  return gapMs > beforeMs + 1000 ? 'growing' : gapMs < beforeMs - 1000 ? 'shrinking' : 'steady';
}

/** "Kipchoge · Biwott", or "5 ATHLETES" for a bigger group. */
function describe(group: RaceGroup, names: (bib: string) => string | undefined): string {
  if (group.count > GROUP_NAMED) return `${group.count} ATHLETES`;
  return group.bibs.map((bib) => names(bib) ?? `#${bib}`).join(' · ');
}
