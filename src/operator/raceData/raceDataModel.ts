import { formatTime, standingsAt, validateSplit } from '../../core';
import { shownName } from '../../protocol/entrant';
import type { HeldPassing } from '../../protocol/passing';
import type { Race, RaceSplit } from '../../protocol/race';
import { entrantCount } from '../../state/entrantReferences';
import { entrantOf, feedSplits, furthestPoint, timedPassings } from '../../state/passingTable';

export type StandingLine = { place: number; bib: string; name: string; time: string; change: string; group: number };
/** What the Race data card shows for one race: standings at its furthest point, feed splits to approve, held passings. */
export type RaceDataModel = {
  entrants: number;
  point: string | null;
  standings: StandingLine[];
  /** Feed splits not yet in the race's splits (a race that waits for approval). */
  toApprove: RaceSplit[];
  /** A race that takes feed splits directly: those that could not go in, with why (they clash with splits typed). */
  notUsed: { split: RaceSplit; reason: string }[];
  held: HeldPassing[];
};

export function raceDataModel(race: Race, rows = 12): RaceDataModel {
  const point = furthestPoint(race);
  const standings =
    point === null
      ? []
      : standingsAt(timedPassings(race, [point, point - 1]), point)
          .slice(0, rows)
          .map((s) => ({
            place: s.place,
            bib: s.bib,
            name: nameOf(race, s.bib),
            time: s.place === 1 ? formatTime(s.elapsedMs) : `+${formatTime(s.gapMs)}`,
            change: s.placeChange ? `${s.placeChange > 0 ? '▲' : '▼'}${Math.abs(s.placeChange)}` : '',
            group: s.group,
          }));
  const pending = feedSplits(race).filter((split) => !race.splits.some((s) => Math.abs(s.metres - split.metres) <= 1 && s.elapsedMs === split.elapsedMs));
  const direct = race.feedSplits === 'direct';
  const toApprove = direct ? [] : pending;
  const notUsed = direct ? pending.map((split) => ({ split, reason: misfit(split, race) })) : [];
  return { entrants: entrantCount(race), point: point === null ? null : race.timingPoints![point]!.label, standings, toApprove, notUsed, held: race.held ?? [] };
}

function nameOf(race: Race, bib: string): string {
  const entrant = entrantOf(race, bib);
  return entrant ? shownName(entrant) : `#${bib}`;
}

/** Why a feed split does not go in beside the splits entered (the hub skips it: see withFeedSplits). */
function misfit(split: RaceSplit, race: Race): string {
  const before = race.splits.filter((s) => s.metres < split.metres - 1);
  const checked = validateSplit(split, before, race.distanceM);
  if (!checked.ok) return checked.error;
  const next = race.splits.find((s) => s.metres > split.metres + 1);
  const againstNext = next ? validateSplit(next, [...before, split], race.distanceM) : null;
  if (againstNext && !againstNext.ok) return againstNext.error;
  return 'it does not fit between the splits entered.';
}
