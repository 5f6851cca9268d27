import type { DropdownChoice } from '@companion-module/base';
import { LAYER_TITLES, LAYERS, type LayerId } from '../../../src/protocol/layers';
import { itemTitle, type RundownItem } from '../../../src/protocol/rundownItem';
import type { Race } from '../../../src/protocol/race';
import type { ShowState } from '../../../src/state/showState';

/** The value of an item option meaning "whatever is cued", so one button can take the cue. */
export const CUED = '$cued';

/** How an item is listed in a dropdown and named in messages: its group and title. */
export function itemName(item: RundownItem): string {
  return `${item.group} · ${itemTitle(item)}`;
}

export function itemChoices(show: ShowState | null, withCued: boolean): DropdownChoice[] {
  const items = (show?.rundown ?? []).map((item) => ({ id: item.id, label: `${item.id}: ${itemName(item)}` }));
  return withCued ? [{ id: CUED, label: 'The cued item' }, ...items] : items;
}

export function raceChoices(show: ShowState | null): DropdownChoice[] {
  return (show?.races ?? []).map((race) => ({ id: race.id, label: race.name }));
}

export const layerChoices: DropdownChoice[] = LAYERS.map((layer) => ({ id: layer, label: LAYER_TITLES[layer] }));

/** The rundown item an option names (CUED: the cued one), or a sentence saying why there is none. */
export function findItem(show: ShowState | null, cueId: string | null, value: unknown): RundownItem | string {
  if (!show) return 'Not connected to the hub yet: the rundown is not known';
  if (value === CUED) {
    const cued = show.rundown.find((item) => item.id === cueId);
    return cued ?? 'Nothing is cued: cue an item first (Cue next / previous, or Cue item)';
  }
  const item = show.rundown.find((i) => i.id === value);
  return item ?? `No rundown item ${JSON.stringify(String(value ?? ''))} in the show "${show.name}" (deleted, or another show is open): pick the item again`;
}

export function findRace(show: ShowState | null, value: unknown): Race | string {
  if (!show) return 'Not connected to the hub yet: the races are not known';
  const race = show.races.find((r) => r.id === value);
  return race ?? `No race ${JSON.stringify(String(value ?? ''))} in the show "${show.name}": pick the race again`;
}

export function isLayer(value: unknown): value is LayerId {
  return typeof value === 'string' && (LAYERS as readonly string[]).includes(value);
}

/** Companion variable ids use underscores: `elite-men` → `elite_men`, `lowerThird` → `lower_third`. */
export function variablePart(id: string): string {
  return id.replace(/-/g, '_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
