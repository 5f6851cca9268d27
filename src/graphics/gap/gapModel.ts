import { formatTime } from '../../core';
import { shownName } from '../../protocol/entrant';
import type { GapProps } from '../../protocol/kinds/gapGraphic';
import { entrantOf, furthestPoint } from '../../state/passingTable';
import { GROUP_NAMED, groupsAt, type RaceGroup } from '../../state/raceGroups';
import type { ShowState } from '../../state/showState';

/** What the gap graphic shows: the leading group and the chasers (names, or a count when many), the gap and its trend. */
export type GapModel = { raceName: string; point: string; leaders: string; chasers: string; gap: string; trend: 'growing' | 'shrinking' | 'steady' | null };

/** The leading group (group 1) against the next group at the furthest timing point; the trend against the point before. */
export function resolveGap(props: GapProps, show: ShowState): GapModel {
  const race = show.races.find((r) => r.id === props.raceId);
  const empty = { leaders: '', chasers: '', gap: '', trend: null };
  if (!race) return { raceName: '', point: '', ...empty };
  const point = furthestPoint(race);
  if (point === null) return { raceName: race.name, point: 'AWAITING TIMES', ...empty };
  const names = (bib: string) => {
    const entrant = entrantOf(race, bib);
    return entrant && shownName(entrant);
  };
  const now = groupsAt(race, point)!;
  const before = point > 0 ? groupsAt(race, point - 1) : null;
  const label = race.timingPoints![point]!.label;
  if (!now.chasers) return { raceName: race.name, point: label, leaders: describe(now.leaders, names), chasers: 'NO CHASERS', gap: '', trend: null };
  const gapMs = now.chasers.elapsedMs - now.leaders.elapsedMs;
  const beforeMs = before?.chasers ? before.chasers.elapsedMs - before.leaders.elapsedMs : null;
  const trend = beforeMs === null ? null : gapMs > beforeMs + 1000 ? 'growing' : gapMs < beforeMs - 1000 ? 'shrinking' : 'steady';
  return { raceName: race.name, point: label, leaders: describe(now.leaders, names), chasers: describe(now.chasers, names), gap: `+${formatTime(gapMs)}`, trend };
}

/** "Kipchoge · Biwott", or "5 ATHLETES" for a bigger group. */
function describe(group: RaceGroup, names: (bib: string) => string | undefined): string {
  if (group.count > GROUP_NAMED) return `${group.count} ATHLETES`;
  return group.bibs.map((bib) => names(bib) ?? `#${bib}`).join(' · ');
}
