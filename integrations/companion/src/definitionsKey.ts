import { itemTitle } from '../../../src/protocol/rundownItem';
import type { ShowState } from '../../../src/state/showState';

/**
 * What the action dropdowns, variable list and presets are made from: the rundown's items (id, group, title)
 * and the races (id, name). Takes, clocks and splits change nothing here, so they do not redefine anything.
 */
export function definitionsKey(show: ShowState | null): string {
  if (!show) return '';
  return JSON.stringify([show.rundown.map((item) => [item.id, item.group, itemTitle(item)]), show.races.map((race) => [race.id, race.name])]);
}
