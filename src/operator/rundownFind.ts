import { contractOf } from '../protocol/graphicSpec';
import { itemTitle, type RundownItem } from '../protocol/rundownItem';
import { groupRundown } from './rundownOrder';

/** The text an item is found by: its title, its kind's title, its group and its text props. */
function searchText(item: RundownItem): string {
  const texts = Object.values(item.graphic.props as Record<string, unknown>).filter((v): v is string => typeof v === 'string');
  return [itemTitle(item), contractOf(item.graphic.kind).title, item.group, ...texts].join(' ').toLowerCase();
}

/**
 * The ids of the items matching a typed query, in the order the panel lists them: every word of the query
 * (any case, any order) must appear in the item's title, kind, group or text. An empty query matches all.
 */
export function findItems(rundown: RundownItem[], query: string): string[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return groupRundown(rundown)
    .flatMap((g) => g.items)
    .filter((item) => {
      const text = searchText(item);
      return words.every((word) => text.includes(word));
    })
    .map((item) => item.id);
}

/** The match to cue first: the first item of a group whose name has every typed word, else the first match. */
export function bestMatch(rundown: RundownItem[], query: string): string | null {
  const ids = findItems(rundown, query);
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const inGroup = rundown.find((item) => ids.includes(item.id) && words.every((word) => item.group.toLowerCase().includes(word)));
  return inGroup && ids.length > 0 ? (ids.find((id) => rundown.find((item) => item.id === id)!.group === inGroup.group) ?? null) : (ids[0] ?? null);
}

/** The first item of the group after (1) or before (-1) the cued item's group; stays put at either end. */
export function jumpGroup(rundown: RundownItem[], cueId: string | null, by: -1 | 1): string | null {
  const groups = groupRundown(rundown);
  if (groups.length === 0) return null;
  const at = groups.findIndex((g) => g.items.some((item) => item.id === cueId));
  if (at < 0) return groups[0]!.items[0]!.id;
  const to = groups[Math.max(0, Math.min(groups.length - 1, at + by))]!;
  // Back from inside a group goes to the start of that group first, as PageUp does in a document.
  if (by === -1 && groups[at]!.items[0]!.id !== cueId) return groups[at]!.items[0]!.id;
  return to.items[0]!.id;
}
