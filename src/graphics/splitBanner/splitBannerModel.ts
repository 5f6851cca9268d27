import { formatDistanceLabel, formatTime } from '../../core';
import type { SplitBannerProps } from '../../protocol/kinds/splitBanner';
import { splitAt } from '../../state/raceReferences';
import type { ShowState } from '../../state/showState';

/** What the split banner shows: every string already formatted. */
export type SplitBannerModel = { raceName: string; label: string; time: string; leaders: string };

export const LEADER_SEPARATOR = ' · ';

export function resolveSplitBanner(props: SplitBannerProps, show: ShowState): SplitBannerModel {
  const race = show.races.find((r) => r.id === props.raceId);
  if (!race) return { raceName: '', label: formatDistanceLabel(props.metres), time: '', leaders: '' };
  const split = splitAt(race, props.metres);
  if (!split) return { raceName: race.name, label: formatDistanceLabel(props.metres, race.distanceM), time: '', leaders: '' };
  return { raceName: race.name, label: split.label, time: formatTime(split.elapsedMs), leaders: split.leaders.join(LEADER_SEPARATOR) };
}
