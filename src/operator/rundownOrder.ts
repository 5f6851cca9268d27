import { LAYERS, type LayerId } from '../protocol/layers';
import type { RundownItem } from '../protocol/rundownItem';
import type { ShowState } from '../state/showState';

export type RundownGroup = { group: string; items: RundownItem[] };

/** Groups in the order each first appears, items in rundown order within each: the order the panel lists. */
export function groupRundown(rundown: RundownItem[]): RundownGroup[] {
  const groups = new Map<string, RundownItem[]>();
  for (const item of rundown) {
    const list = groups.get(item.group);
    if (list) list.push(item);
    else groups.set(item.group, [item]);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

/** The items as the panel lists them, for moving the cue. */
export function listedOrder(rundown: RundownItem[]): RundownItem[] {
  return groupRundown(rundown).flatMap((g) => g.items);
}

/** The item the cue lands on after a move; stays put at either end. */
export function moveCue(rundown: RundownItem[], cueId: string | null, to: 'previous' | 'next' | 'first' | 'last'): string | null {
  const listed = listedOrder(rundown);
  if (listed.length === 0) return null;
  if (to === 'first') return listed[0]!.id;
  if (to === 'last') return listed[listed.length - 1]!.id;
  const at = listed.findIndex((item) => item.id === cueId);
  if (at < 0) return listed[0]!.id;
  return listed[Math.max(0, Math.min(listed.length - 1, at + (to === 'next' ? 1 : -1)))]!.id;
}

/** Where the item is on air (it was taken from this item), if anywhere. */
export function layersOnAir(show: ShowState, itemId: string): LayerId[] {
  return LAYERS.filter((layer) => show.onAir[layer]?.itemId === itemId);
}

/** True when the item has been edited since it was taken: what is on air is its older version. */
export function onAirDiffers(show: ShowState, item: RundownItem): boolean {
  return layersOnAir(show, item.id).some((layer) => JSON.stringify(show.onAir[layer]!.graphic) !== JSON.stringify(item.graphic));
}
