import { formatTime, standingsAt } from '../../core';
import { shownName, type Entrant } from '../../protocol/entrant';
import type { Race } from '../../protocol/race';
import { RundownItemInput } from '../../protocol/rundownItem';
import { timedPassings } from '../../state/passingTable';

/**
 * Rundown items drawn from a race's start list and passings, so profiles and result cards are never retyped:
 * an athlete profile naming an entrant (its name, country and personal best follow the start list, on air
 * too), a result card from the finish standings naming the winner. Each is checked with the rundown item
 * schema; a sentence says why when one can't be made.
 */
export function profileItem(race: Race, entrant: Entrant): RundownItemInput | string {
  if (!entrant.country) return `${entrant.name} (bib ${entrant.bib}) has no country on the start list, and a profile shows one`;
  const parsed = RundownItemInput.safeParse({
    group: race.name,
    label: `${entrant.name} (${entrant.bib})`,
    graphic: { kind: 'athleteProfile', props: { entrant: { raceId: race.id, bib: entrant.bib } } },
  });
  return parsed.success ? parsed.data : `A profile of ${entrant.name} can't be made: ${parsed.error.issues[0]?.message}`;
}

/** The result card from the finish: winner, country and time, and the top three. */
export function resultItem(race: Race): RundownItemInput | string {
  const points = race.timingPoints ?? [];
  const finish = points.findIndex((p) => Math.abs(p.metres - race.distanceM) <= 1);
  if (finish < 0) return `${race.name} has no timing point at the finish (${race.distanceM} m)`;
  const standings = standingsAt(timedPassings(race, [finish]), finish);
  if (standings.length === 0) return `Nobody has finished ${race.name} yet`;
  const entrants = new Map((race.entrants ?? []).map((e) => [e.bib, e]));
  const line = (bib: string) => entrants.get(bib);
  const winner = line(standings[0]!.bib)!;
  const parsed = RundownItemInput.safeParse({
    group: race.name,
    label: `${race.name} result`,
    graphic: {
      kind: 'resultCard',
      props: {
        // The winner by bib: race, name, country, place and time come from the show (a corrected name follows).
        entrant: { raceId: race.id, bib: winner.bib },
        topThree: standings.slice(0, 3).map((s) => {
          const entrant = line(s.bib)!;
          return { position: s.place, name: shownName(entrant), ...(entrant.country ? { country: entrant.country } : {}), time: formatTime(s.elapsedMs) };
        }),
      },
    },
  });
  return parsed.success ? parsed.data : `The result card can't be made: ${parsed.error.issues[0]?.message}`;
}
