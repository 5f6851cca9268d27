import { formatDistanceLabel, formatPace, formatTime, pacePerKm, pacePerMile, shownMs } from '../../core';
import type { SplitBannerProps } from '../../protocol/kinds/splitBanner';
import { splitAt } from '../../state/raceReferences';
import type { ShowState } from '../../state/showState';

/** What the split banner shows: every string already formatted; `pace` is '' when the race shows none. */
export type SplitBannerModel = { raceName: string; label: string; time: string; leaders: string; pace: string };

export const LEADER_SEPARATOR = ' · ';

export function resolveSplitBanner(props: SplitBannerProps, show: ShowState): SplitBannerModel {
  const race = show.races.find((r) => r.id === props.raceId);
  if (!race) return { raceName: '', label: formatDistanceLabel(props.metres), time: '', leaders: '', pace: '' };
  const split = splitAt(race, props.metres);
  if (!split) return { raceName: race.name, label: formatDistanceLabel(props.metres, race.distanceM), time: '', leaders: '', pace: '' };
  return { raceName: race.name, label: split.label, time: formatTime(split.elapsedMs), leaders: split.leaders.join(LEADER_SEPARATOR), pace: paceOf(split, race.paceUnit) };
}

/** The average pace from the gun to the split, "2:55/km" or "4:41/mi"; '' when the race shows no pace. */
function paceOf(split: { elapsedMs: number; metres: number }, unit: 'km' | 'mi' | undefined): string {
  if (unit === undefined || split.elapsedMs <= 0) return '';
  // From the time as shown beside it (whole seconds), as every derived figure is: a viewer's own sum agrees.
  const ms = shownMs(split.elapsedMs);
  return formatPace(unit === 'km' ? pacePerKm(ms, split.metres) : pacePerMile(ms, split.metres), unit);
}
