import { formatTime } from '../../core';
import { countryOf, type Country } from '../../protocol/country';
import type { AthleteProfileProps } from '../../protocol/kinds/athleteProfile';
import { findEntrant } from '../../state/entrantReferences';
import type { ShowState } from '../../state/showState';

/**
 * What the profile draws: the props filled in from the entrant they name (typed fields win), the country
 * looked up (its name and flag; null only where nothing gives one, which the hub refuses to put on air).
 */
export type AthleteProfileModel = Omit<AthleteProfileProps, 'country' | 'name' | 'entrant'> & { name: string; country: Country | null };

export function resolveAthleteProfile(props: AthleteProfileProps, show: Pick<ShowState, 'races'>): AthleteProfileModel {
  const { entrant: ref, name, country, best, ...rest } = props;
  const entrant = ref ? findEntrant(show, ref)?.entrant : undefined;
  const pb = entrant?.pbMs === undefined ? undefined : { label: 'Personal best', time: formatTime(entrant.pbMs), note: '' };
  const code = country ?? entrant?.country;
  return {
    ...rest,
    name: name ?? entrant?.name ?? `#${ref?.bib ?? ''}`,
    country: code === undefined ? null : countryOf(code),
    ...((best ?? pb) ? { best: best ?? pb } : {}),
  };
}
