import type { ResultCardProps } from '../../protocol/kinds/resultCard';
import { findEntrant, finishOf } from '../../state/entrantReferences';
import type { ShowState } from '../../state/showState';

/**
 * What the card draws: the props filled in from the entrant they name (typed fields win), with the entrant's
 * place at the finish (null for a card typed by hand, or before the entrant finishes).
 */
export type ResultCardModel = Omit<ResultCardProps, 'race' | 'winner' | 'time' | 'entrant'> & { race: string; winner: string; time: string; place: number | null };

export function resolveResultCard(props: ResultCardProps, show: Pick<ShowState, 'races'>): ResultCardModel {
  const { entrant: ref, race, winner, country, time, ...rest } = props;
  const found = ref ? findEntrant(show, ref) : null;
  const finish = found ? finishOf(found.race, found.entrant.bib) : null;
  const code = country ?? found?.entrant.country;
  return {
    ...rest,
    race: race ?? found?.race.name ?? '',
    winner: winner ?? found?.entrant.name ?? `#${ref?.bib ?? ''}`,
    ...(code === undefined ? {} : { country: code }),
    time: time ?? finish?.time ?? '',
    place: finish?.place ?? null,
  };
}
