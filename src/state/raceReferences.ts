import { formatDistanceLabel } from '../core';
import { contractOf, type GraphicSpec } from '../protocol/graphicSpec';
import type { LayerId } from '../protocol/layers';
import type { Race } from '../protocol/race';
import { entrantReferenceProblem } from './entrantReferences';
import { pointAt } from './passingTable';
import type { ShowState } from './showState';

/** Ids of the races a graphic draws from (a race clock's races, a split banner's race...). */
export function racesReferencedBy(graphic: GraphicSpec): string[] {
  switch (graphic.kind) {
    case 'raceClock':
      return graphic.props.raceIds;
    case 'splitBanner':
    case 'projectionTicker':
    case 'leaderboard':
    case 'gap':
    case 'athleteSplits':
      return [graphic.props.raceId];
    case 'athleteProfile':
    case 'resultCard':
      return graphic.props.entrant ? [graphic.props.entrant.raceId] : [];
    default:
      return [];
  }
}

/** "No race "x": the races are elite-men, elite-women." — the sentence every race command uses for a bad id. */
export function unknownRace(id: string, races: readonly Race[]): string {
  if (races.length === 0) return `No race "${id}": the show has no races yet (add one in the Races editor, R).`;
  return `No race "${id}": the races are ${races.map((r) => r.id).join(', ')}.`;
}

/** The split of a race at a distance (within a metre: mile points are not whole metres). */
export function splitAt(race: Race, metres: number) {
  return race.splits.find((split) => Math.abs(split.metres - metres) <= 1);
}

/** "its splits are 10K, HALFWAY" or "it has no splits yet". */
export function listSplits(race: Race): string {
  return race.splits.length === 0 ? 'it has no splits yet' : `its splits are ${race.splits.map((s) => s.label).join(', ')}`;
}

/**
 * Why a graphic can't go on air with the races as they are, or null when it can: every race it names must
 * exist, a split banner's split must have been entered, a projection needs a split to project from, and the
 * entrant a profile, result card or athlete's splits names must be on the start list with what it needs (entrantReferences).
 */
export function raceReferenceProblem(graphic: GraphicSpec, show: ShowState): string | null {
  for (const id of racesReferencedBy(graphic)) {
    if (!show.races.some((r) => r.id === id)) return unknownRace(id, show.races);
  }
  if (graphic.kind === 'splitBanner') {
    const race = show.races.find((r) => r.id === graphic.props.raceId)!;
    if (!splitAt(race, graphic.props.metres)) {
      return `${race.name} has no split at ${formatDistanceLabel(graphic.props.metres, race.distanceM)}: ${listSplits(race)}.`;
    }
  }
  if (graphic.kind === 'leaderboard' && graphic.props.metres !== undefined) {
    // A board at a distance no one can pass would say "awaiting times" for good.
    const race = show.races.find((r) => r.id === graphic.props.raceId)!;
    if (!pointAt(race, graphic.props.metres)) {
      const points = race.timingPoints ?? [];
      const listed = points.length === 0 ? 'it has no timing points yet' : `its timing points are ${points.map((p) => p.label).join(', ')}`;
      return `${race.name} has no timing point at ${formatDistanceLabel(graphic.props.metres, race.distanceM)}: ${listed}.`;
    }
  }
  if (graphic.kind === 'projectionTicker') {
    const race = show.races.find((r) => r.id === graphic.props.raceId)!;
    if (race.splits.length === 0) return `${race.name} has no splits yet, so there is nothing to project from.`;
  }
  return entrantReferenceProblem(graphic, show);
}

/** On-air graphics that draw from a race, with their layer and kind title ("the race clock on the clock layer"). */
export function onAirShowingRace(show: ShowState, raceId: string): { layer: LayerId; kind: GraphicSpec['kind']; where: string }[] {
  return Object.values(show.onAir)
    .filter((onAir) => racesReferencedBy(onAir.graphic).includes(raceId))
    .map((onAir) => ({
      layer: onAir.layer,
      kind: onAir.graphic.kind,
      where: `the ${contractOf(onAir.graphic.kind).title.toLowerCase()} on the ${onAir.layer} layer`,
    }));
}

/** "a", "a and b", "a, b and c". */
export function inWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
