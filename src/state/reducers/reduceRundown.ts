import type { CommandOf } from '../../protocol/command';
import { itemTitle, type RundownItem, type RundownItemInput } from '../../protocol/rundownItem';
import type { ShowState } from '../showState';

export const rundownCommandTypes = [
  'rundown.add',
  'rundown.update',
  'rundown.duplicate',
  'rundown.remove',
  'rundown.move',
  'rundown.import',
  'show.lock',
  'show.unlock',
] as const;
export type RundownCommand = CommandOf<(typeof rundownCommandTypes)[number]>;

export const MAX_RUNDOWN_ITEMS = 2000;
export const LOCKED_MESSAGE = 'The show is locked: unlock it to change the rundown (take and clear still work)';

/**
 * Rundown edits and the show lock. Returns the next state, or a sentence saying why the command was refused.
 * New items get ids from the revision they are created in; an edited item's `revision` becomes that revision.
 */
export function reduceRundown(state: ShowState, command: RundownCommand): ShowState | string {
  const revision = state.revision + 1;
  if (command.type === 'show.lock') return state.locked ? 'The show is already locked' : { ...state, locked: true };
  if (command.type === 'show.unlock') return state.locked ? { ...state, locked: false } : 'The show is not locked';
  if (state.locked) return LOCKED_MESSAGE;
  const rundown = state.rundown;

  switch (command.type) {
    case 'rundown.add': {
      const item = create(command.item, freshId(rundown, `r${revision}`), revision);
      if (command.after !== undefined) {
        const at = indexOf(rundown, command.after);
        if (typeof at === 'string') return at;
        return withRundown(state, insert(rundown, at + 1, item));
      }
      return withRundown(state, appendToGroup(rundown, item));
    }
    case 'rundown.import': {
      let next = rundown;
      command.items.forEach((input, i) => {
        next = appendToGroup(next, create(input, freshId(next, `r${revision}-${i + 1}`), revision));
      });
      return withRundown(state, next);
    }
    case 'rundown.update': {
      const at = findFresh(rundown, command.id, command.itemRevision);
      if (typeof at === 'string') return at;
      const updated: RundownItem = { ...create(command.item, command.id, revision) };
      return withRundown(state, rundown.map((item, i) => (i === at ? updated : item)));
    }
    case 'rundown.duplicate': {
      const at = indexOf(rundown, command.id);
      if (typeof at === 'string') return at;
      const original = rundown[at]!;
      const copy: RundownItem = { ...structuredClone(original), id: freshId(rundown, `r${revision}`), revision };
      return withRundown(state, insert(rundown, at + 1, copy));
    }
    case 'rundown.remove': {
      const at = findFresh(rundown, command.id, command.itemRevision);
      if (typeof at === 'string') return at;
      return withRundown(state, rundown.filter((_, i) => i !== at));
    }
    case 'rundown.move': {
      const at = indexOf(rundown, command.id);
      if (typeof at === 'string') return at;
      const to = command.by === undefined ? command.index! : neighbourInGroup(rundown, at, command.by);
      if (to === null) return `“${itemTitle(rundown[at]!)}” is already ${command.by! < 0 ? 'first' : 'last'} in ${rundown[at]!.group}`;
      if (to >= rundown.length) return `index must be from 0 to ${rundown.length - 1} (the rundown has ${rundown.length} items)`;
      const without = rundown.filter((_, i) => i !== at);
      return withRundown(state, insert(without, to, rundown[at]!));
    }
  }
}

function create(input: RundownItemInput, id: string, revision: number): RundownItem {
  const item: RundownItem = { id, revision, group: input.group, graphic: input.graphic };
  if (input.label) item.label = input.label;
  if (input.autoOutS !== undefined) item.autoOutS = input.autoOutS;
  return item;
}

function withRundown(state: ShowState, rundown: RundownItem[]): ShowState | string {
  if (rundown.length > MAX_RUNDOWN_ITEMS) return `The rundown would have ${rundown.length} items; it holds at most ${MAX_RUNDOWN_ITEMS}`;
  return { ...state, rundown };
}

function indexOf(rundown: RundownItem[], id: string): number | string {
  const at = rundown.findIndex((item) => item.id === id);
  return at >= 0 ? at : `There is no rundown item ${id}: another operator may have deleted it`;
}

/** The item's index, or a refusal when it is gone or has changed since the revision the edit was made against. */
function findFresh(rundown: RundownItem[], id: string, itemRevision: number | undefined): number | string {
  const at = indexOf(rundown, id);
  if (typeof at === 'string') return at;
  const item = rundown[at]!;
  if (itemRevision !== undefined && item.revision !== itemRevision) {
    return `Another operator changed “${itemTitle(item)}” while you were editing it; nothing was changed: load their version and make your edit again`;
  }
  return at;
}

function insert(rundown: RundownItem[], at: number, item: RundownItem): RundownItem[] {
  return [...rundown.slice(0, at), item, ...rundown.slice(at)];
}

/** The index of the next item of the same group up (-1) or down (1), or null at the group's end. */
function neighbourInGroup(rundown: RundownItem[], at: number, by: -1 | 1): number | null {
  const group = rundown[at]!.group;
  for (let i = at + by; i >= 0 && i < rundown.length; i += by) if (rundown[i]!.group === group) return i;
  return null;
}

/** After the last item of the item's group, or at the end when the group is new. */
function appendToGroup(rundown: RundownItem[], item: RundownItem): RundownItem[] {
  let last = -1;
  rundown.forEach((other, i) => {
    if (other.group === item.group) last = i;
  });
  return last < 0 ? [...rundown, item] : insert(rundown, last + 1, item);
}

/** `base`, or `base-2`, `base-3`... when a show opened from a file already uses it. */
function freshId(rundown: RundownItem[], base: string): string {
  const taken = new Set(rundown.map((item) => item.id));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
