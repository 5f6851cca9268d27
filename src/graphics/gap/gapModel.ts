import { formatTime, standingsAt, type Standing } from '../../core';
import { shownName } from '../../protocol/entrant';
import type { GapProps } from '../../protocol/kinds/gapGraphic';
import { entrantOf, furthestPoint, timedPassings } from '../../state/passingTable';
import type { ShowState } from '../../state/showState';

/** What the gap graphic shows: the leading group and the chasers (names, or a count when many), the gap and its trend. */
export type GapModel = { raceName: string; point: string; leaders: string; chasers: string; gap: string; trend: 'growing' | 'shrinking' | 'steady' | null };

const MAX_NAMES = 3;

/** The leading group (group 1) against the next group at the furthest timing point; the trend against the point before. */
export function resolveGap(props: GapProps, show: ShowState): GapModel {
  const race = show.races.find((r) => r.id === props.raceId);
  const empty = { leaders: '', chasers: '', gap: '', trend: null };
  if (!race) return { raceName: '', point: '', ...empty };
  const point = furthestPoint(race);
  if (point === null) return { raceName: race.name, point: 'AWAITING TIMES', ...empty };
  const passings = timedPassings(race, [point, point - 1]);
  const names = (bib: string) => {
    const entrant = entrantOf(race, bib);
    return entrant && shownName(entrant);
  };
  const now = gapAt(standingsAt(passings, point));
  const before = point > 0 ? gapAt(standingsAt(passings, point - 1)) : null;
  const label = race.timingPoints![point]!.label;
  if (!now) return { raceName: race.name, point: label, leaders: describe(standingsAt(passings, point), names), chasers: 'NO CHASERS', gap: '', trend: null };
  const trend = before === null ? null : now.gapMs > before.gapMs + 1000 ? 'growing' : now.gapMs < before.gapMs - 1000 ? 'shrinking' : 'steady';
  return { raceName: race.name, point: label, leaders: describe(now.leaders, names), chasers: describe(now.chasers, names), gap: `+${formatTime(now.gapMs)}`, trend };
}

function gapAt(rows: Standing[]): { leaders: Standing[]; chasers: Standing[]; gapMs: number } | null {
  const leaders = rows.filter((r) => r.group === 1);
  const chasers = rows.filter((r) => r.group === 2);
  if (chasers.length === 0) return null;
  return { leaders, chasers, gapMs: chasers[0]!.elapsedMs - leaders[0]!.elapsedMs };
}

/** "Kipchoge · Biwott", or "5 ATHLETES" for a bigger group. */
function describe(group: Standing[], names: (bib: string) => string | undefined): string {
  if (group.length > MAX_NAMES) return `${group.length} ATHLETES`;
  return group.map((s) => names(s.bib) ?? `#${s.bib}`).join(' · ');
}
