import { formatTime, standingsAt, type Standing } from '../core';
import { countryOf } from '../protocol/country';
import type { Entrant } from '../protocol/entrant';
import type { EntrantRef } from '../protocol/entrantRef';
import { contractOf, type GraphicSpec } from '../protocol/graphicSpec';
import type { Race } from '../protocol/race';
import { rowAt } from './passingIndex';
import { entrantOf, pointAt, timedPassings } from './passingTable';
import type { OnAirGraphic, ShowState } from './showState';

/** The entrant a graphic names, with its race; null when the race or the bib is not in the show. */
export function findEntrant(show: Pick<ShowState, 'races'>, ref: EntrantRef): { race: Race; entrant: Entrant } | null {
  const race = show.races.find((r) => r.id === ref.raceId);
  const entrant = race && entrantOf(race, ref.bib);
  return race && entrant ? { race, entrant } : null;
}

/** Whether the athlete has a passing at the race's finish: one lookup (every command into a mass race asks it of a result card on air). */
function hasFinished(race: Race, bib: string): boolean {
  const finish = pointAt(race, race.distanceM);
  return finish !== null && rowAt(race.passings ?? [], bib, finish.index) !== undefined;
}

/** An athlete's place and time at the race's finish (the timing point at its distance), or null before they finish. */
export function finishStanding(race: Race, bib: string): Standing | null {
  const finish = pointAt(race, race.distanceM);
  if (!finish || !race.passings?.some((row) => row[0] === bib && row[1] === finish.index)) return null;
  const standing = standingsAt(timedPassings(race, [finish.index]), finish.index).find((s) => s.bib === bib) ?? null;
  // A page given a mass race's first finishers only is told the place of a runner further back (state/pageView.ts).
  const counted = race.places?.find(([b, point]) => b === bib && point === finish.index);
  return standing && counted ? { ...standing, place: counted[2] } : standing;
}

/** The entrant a graphic's props name, if its kind draws from one (an athlete's splits always do). */
export function entrantRefOf(graphic: GraphicSpec): EntrantRef | null {
  if (graphic.kind === 'athleteSplits') return { raceId: graphic.props.raceId, bib: graphic.props.bib };
  return (graphic.kind === 'athleteProfile' || graphic.kind === 'resultCard') && graphic.props.entrant ? graphic.props.entrant : null;
}

/** "bibs 1, 2, 3 and 9 more" — the start list a refusal points at (pages get these of a trimmed start list too). */
export const LISTED_BIBS = 10;

/** How many entrants a race has: its whole start list's length, also where a page gets it trimmed (state/pageView.ts). */
export function entrantCount(race: Race): number {
  return race.entrantCount ?? race.entrants?.length ?? 0;
}

/** "Bib 99 is not on ELITE MEN's start list: its bibs are 1, 2, 3." — for a graphic naming an athlete the race does not have. */
export function unknownBib(bib: string, race: Race): string {
  const bibs = (race.entrants ?? []).map((e) => e.bib);
  if (bibs.length === 0) return `Bib ${bib} is not on ${race.name}'s start list: it has no start list yet (Import start list… in Race data).`;
  const listed = bibs.slice(0, LISTED_BIBS).join(', ');
  const count = entrantCount(race);
  const more = count > LISTED_BIBS ? ` and ${count - LISTED_BIBS} more` : '';
  return `Bib ${bib} is not on ${race.name}'s start list: its bibs are ${listed}${more}.`;
}

/**
 * Why a graphic naming an entrant can't be drawn from the show as it is, or null: the bib must be on the
 * race's start list; a profile needs a country (typed or the entrant's), a result card a time (typed, or the
 * entrant's at the finish). The race itself is checked with the other race references.
 */
export function entrantReferenceProblem(graphic: GraphicSpec, show: Pick<ShowState, 'races'>): string | null {
  const ref = entrantRefOf(graphic);
  if (!ref) return null;
  const race = show.races.find((r) => r.id === ref.raceId);
  if (!race) return null;
  const entrant = entrantOf(race, ref.bib);
  if (!entrant) return unknownBib(ref.bib, race);
  const who = `${entrant.name} (bib ${entrant.bib})`;
  if (graphic.kind === 'athleteProfile' && graphic.props.country === undefined && !(entrant.country && countryOf(entrant.country))) {
    return `${who} has no country on ${race.name}'s start list, and a profile shows one: add it to the entrant or type it in the profile.`;
  }
  if (graphic.kind === 'resultCard' && graphic.props.time === undefined && !hasFinished(race, ref.bib)) {
    return `${who} has no finish time in ${race.name} yet: type the time in the card, or wait for the finish passing.`;
  }
  return null;
}

/**
 * After a change to the races, the first graphic on air that draws from an entrant and no longer can, as a
 * refusal ("Bib 12 is on air in the athlete profile on the lowerThird layer, which this change would break: ..."), or null. A start list
 * edit never leaves a blank or broken card on air: the operator takes it off first.
 */
export function onAirEntrantBroken(before: ShowState, after: Pick<ShowState, 'races'>): string | null {
  for (const onAir of Object.values(before.onAir)) {
    const ref = entrantRefOf(onAir.graphic);
    if (!ref || entrantReferenceProblem(onAir.graphic, before) !== null) continue;
    const problem = entrantReferenceProblem(onAir.graphic, after);
    if (problem) return brokenOnAir(onAir, ref, problem);
  }
  return null;
}

/**
 * For a start list read row by row: a check of one entrant, as an upsert into the race would put it, against the
 * graphics on air that draw from that race's bib. Returns the refusal onAirEntrantBroken would give, or null, so an
 * import refuses only the row that would break a card on air and imports the rest. Costs one lookup per row.
 */
export function onAirEntrantCheck(show: ShowState, raceId: string): (entrant: Entrant) => string | null {
  const race = show.races.find((r) => r.id === raceId);
  const drawn = Object.values(show.onAir).flatMap((onAir) => {
    const ref = entrantRefOf(onAir.graphic);
    return ref && ref.raceId === raceId && entrantReferenceProblem(onAir.graphic, show) === null ? [{ onAir, ref }] : [];
  });
  if (!race || drawn.length === 0) return () => null;
  return (entrant) => {
    // The race as the upsert leaves it for this bib: the graphic looks up only its own entrant.
    const after = { races: [{ ...race, entrants: [entrant] }] };
    for (const { onAir, ref } of drawn) {
      if (ref.bib !== entrant.bib) continue;
      const problem = entrantReferenceProblem(onAir.graphic, after);
      if (problem) return brokenOnAir(onAir, ref, problem);
    }
    return null;
  };
}

function brokenOnAir(onAir: OnAirGraphic, ref: EntrantRef, problem: string): string {
  const what = `The ${contractOf(onAir.graphic.kind).title.toLowerCase()} on the ${onAir.layer} layer draws bib ${ref.bib}`;
  return `${what}, and this change would break it: ${problem.replace(/^Bib /, 'bib ')} Take it off air first.`;
}

/** What a result card says about an entrant at the finish: "2nd" place and "2:03:51", or null before they finish. */
export function finishOf(race: Race, bib: string): { place: number; time: string } | null {
  const standing = finishStanding(race, bib);
  return standing ? { place: standing.place, time: formatTime(standing.elapsedMs) } : null;
}
