import { describe, expect, it } from 'vitest';
import { Command } from '../../protocol/command';
import { applyCommand } from '../applyCommand';
import { emptyShow, ShowState } from '../showState';
import { LOCKED_MESSAGE } from './reduceRundown';

const card = (name: string, role = 'Commentator') => ({ kind: 'nameCard', props: { name, role } }) as const;
const add = (name: string, group = 'Commentators') => ({ type: 'rundown.add', item: { group, graphic: card(name) } });

function run(state: ShowState, ...inputs: unknown[]): ShowState {
  for (const input of inputs) {
    const result = applyCommand(state, Command.parse(input), { now: 1000 });
    if (!result.ok) throw new Error(result.error);
    state = result.state;
  }
  return state;
}

function refusal(state: ShowState, input: unknown): string {
  const result = applyCommand(state, Command.parse(input), { now: 1000 });
  if (result.ok) throw new Error('expected the command to be refused');
  return result.error;
}

const names = (state: ShowState) => state.rundown.map((item) => `${item.group}/${(item.graphic.props as { name: string }).name}`);

describe('rundown commands', () => {
  it('adds an item with an id and item revision from the show revision', () => {
    const state = run(emptyShow(), add('Steve Cram'));
    expect(state.rundown).toEqual([{ id: 'r1', revision: 1, group: 'Commentators', graphic: card('Steve Cram') }]);
  });

  it('files a new item at the end of its own group, and a new group at the end', () => {
    const state = run(emptyShow(), add('Cram'), add('Kipchoge', 'Elite men'), add('Foster'), add('Keitany', 'Elite women'));
    expect(names(state)).toEqual(['Commentators/Cram', 'Commentators/Foster', 'Elite men/Kipchoge', 'Elite women/Keitany']);
  });

  it('inserts after a given item', () => {
    const state = run(emptyShow(), add('Cram'), add('Foster'), { ...add('Radcliffe'), after: 'r1' });
    expect(names(state)).toEqual(['Commentators/Cram', 'Commentators/Radcliffe', 'Commentators/Foster']);
  });

  it('updates an item in place and moves its item revision on', () => {
    let state = run(emptyShow(), add('Cram'), add('Foster'));
    state = run(state, { type: 'rundown.update', id: 'r1', itemRevision: 1, item: { group: 'Commentators', label: 'Cram (quote)', graphic: card('Steve Cram', 'BBC') } });
    expect(state.rundown[0]).toEqual({ id: 'r1', revision: 3, group: 'Commentators', label: 'Cram (quote)', graphic: card('Steve Cram', 'BBC') });
    expect(state.rundown[1]!.revision).toBe(2);
  });

  it("refuses an edit made against an older item revision, naming the item, and keeps the other operator's change", () => {
    let state = run(emptyShow(), add('Steve Cram'));
    state = run(state, { type: 'rundown.update', id: 'r1', itemRevision: 1, item: { group: 'Commentators', graphic: card('Steve Cram', 'Theirs') } });
    const before = structuredClone(state);
    expect(refusal(state, { type: 'rundown.update', id: 'r1', itemRevision: 1, item: { group: 'Commentators', graphic: card('Steve Cram', 'Mine') } })).toBe(
      'Another operator changed “Steve Cram” while you were editing it; nothing was changed: load their version and make your edit again',
    );
    expect(state).toEqual(before);
  });

  it('accepts an edit of one item while other items and the air changed since', () => {
    let state = run(emptyShow(), add('Cram'), add('Foster'));
    state = run(state, { type: 'take', graphic: card('Foster'), itemId: 'r2' }, { type: 'rundown.update', id: 'r2', itemRevision: 2, item: { group: 'Commentators', graphic: card('Foster', 'x') } });
    state = run(state, { type: 'rundown.update', id: 'r1', itemRevision: 1, item: { group: 'Commentators', graphic: card('Cram', 'y') } });
    expect(state.rundown[0]!.graphic).toMatchObject({ kind: 'nameCard', props: { role: 'y' } });
  });

  it('refuses to edit or remove an item that another operator deleted', () => {
    const state = run(emptyShow(), add('Cram'), { type: 'rundown.remove', id: 'r1' });
    expect(refusal(state, { type: 'rundown.remove', id: 'r1' })).toBe('There is no rundown item r1: another operator may have deleted it');
  });

  it('moves an item one place within its group, past items of other groups, and says when it is already at the end', () => {
    let state = run(emptyShow(), add('A'), add('M', 'Elite men'), { ...add('B'), after: 'r2' });
    expect(names(state)).toEqual(['Commentators/A', 'Elite men/M', 'Commentators/B']);
    state = run(state, { type: 'rundown.move', id: 'r3', by: -1 });
    expect(names(state)).toEqual(['Commentators/B', 'Commentators/A', 'Elite men/M']);
    // Two quick presses add up on the hub, whatever the panel had seen.
    state = run(state, { type: 'rundown.move', id: 'r3', by: 1 }, { type: 'rundown.move', id: 'r3', by: -1 });
    expect(names(state)[0]).toBe('Commentators/B');
    expect(refusal(state, { type: 'rundown.move', id: 'r3', by: -1 })).toBe('“B” is already first in Commentators');
  });

  it('duplicates an item right after the original with a new id', () => {
    const state = run(emptyShow(), add('Cram'), add('Foster'), { type: 'rundown.duplicate', id: 'r1' });
    expect(state.rundown.map((item) => item.id)).toEqual(['r1', 'r3', 'r2']);
    expect(state.rundown[1]!.graphic).toEqual(state.rundown[0]!.graphic);
  });

  it('moves an item to a position in the whole rundown', () => {
    const state = run(emptyShow(), add('A'), add('B'), add('C'), { type: 'rundown.move', id: 'r3', index: 0 });
    expect(names(state)).toEqual(['Commentators/C', 'Commentators/A', 'Commentators/B']);
    expect(refusal(state, { type: 'rundown.move', id: 'r1', index: 3 })).toBe('index must be from 0 to 2 (the rundown has 3 items)');
  });

  it('imports many items in one revision, each at the end of its group', () => {
    const start = run(emptyShow(), add('Cram'), add('Kipchoge', 'Elite men'));
    const state = run(start, {
      type: 'rundown.import',
      items: [
        { group: 'Commentators', graphic: card('Foster') },
        { group: 'Elite men', graphic: card('Biwott') },
      ],
    });
    expect(state.revision).toBe(start.revision + 1);
    expect(names(state)).toEqual(['Commentators/Cram', 'Commentators/Foster', 'Elite men/Kipchoge', 'Elite men/Biwott']);
    expect(state.rundown.map((item) => item.id)).toEqual(['r1', 'r3-1', 'r2', 'r3-2']);
  });

  it('gives a fresh id when a show opened from a file already uses the next one', () => {
    const opened = { ...emptyShow(), revision: 4, rundown: [{ id: 'r5', revision: 1, group: 'Commentators', graphic: card('Cram') }] };
    expect(run(opened, add('Foster')).rundown.map((item) => item.id)).toEqual(['r5', 'r5-2']);
  });

  it('refuses rundown edits while the show is locked, but still takes and clears', () => {
    const locked = run(emptyShow(), add('Cram'), { type: 'show.lock' });
    expect(locked.locked).toBe(true);
    for (const command of [add('Foster'), { type: 'rundown.remove', id: 'r1' }, { type: 'rundown.move', id: 'r1', index: 0 }, { type: 'rundown.duplicate', id: 'r1' }]) {
      expect(refusal(locked, command)).toBe(LOCKED_MESSAGE);
    }
    const aired = run(locked, { type: 'take', graphic: card('Cram'), itemId: 'r1' }, { type: 'clear', layer: 'lowerThird' });
    expect(aired.onAir).toEqual({});
    expect(run(locked, { type: 'show.unlock' }).locked).toBe(false);
  });

  it('tags an on-air graphic with the rundown item it was taken from, and moves the tag on update', () => {
    let state = run(emptyShow(), { type: 'take', graphic: card('Cram'), itemId: 'r1' });
    expect(state.onAir.lowerThird?.itemId).toBe('r1');
    state = run(state, { type: 'update', layer: 'lowerThird', graphic: card('Foster'), itemId: 'r2' });
    expect(state.onAir.lowerThird?.itemId).toBe('r2');
    state = run(state, { type: 'update', layer: 'lowerThird', graphic: card('Someone') });
    expect(state.onAir.lowerThird).not.toHaveProperty('itemId');
  });

  it('tags a take or update that names no item with the rundown item holding the very same graphic', () => {
    let state = run(emptyShow(), { type: 'rundown.add', item: { group: 'Commentators', graphic: card('Cram') } });
    const id = state.rundown[0]!.id;
    // Key order is how the sender wrote it, not what makes two graphics the same.
    state = run(state, { type: 'take', graphic: { props: { role: 'Commentator', name: 'Cram' }, kind: 'nameCard' } });
    expect(state.onAir.lowerThird?.itemId).toBe(id);
    state = run(state, { type: 'update', layer: 'lowerThird', graphic: card('Cram', 'BBC One') });
    expect(state.onAir.lowerThird).not.toHaveProperty('itemId');
    state = run(state, { type: 'update', layer: 'lowerThird', graphic: card('Cram') });
    expect(state.onAir.lowerThird?.itemId).toBe(id);
  });

  it('loads an older show file without a rundown as an empty, unlocked rundown', () => {
    const old = ShowState.parse({ format: 'finishline-show/1', revision: 3, name: 'Old', onAir: {} });
    expect(old.rundown).toEqual([]);
    expect(old.locked).toBe(false);
  });
});
