import { describe, expect, it } from 'vitest';
import { Command } from '../protocol/command';
import { applyCommand } from './applyCommand';
import { describeIssues } from '../protocol/describeIssues';
import { emptyShow, ShowState } from './showState';

const cram = { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC athletics commentator on BBC One' } } as const;
const foster = { kind: 'nameCard', props: { name: 'Brendan Foster', role: 'Olympic medallist' } } as const;

function run(state: ShowState, input: unknown, now = 1000) {
  const command = Command.parse(input);
  const result = applyCommand(state, command, { now });
  if (!result.ok) throw new Error(result.error);
  return result.state;
}

describe('applyCommand', () => {
  it('puts a taken graphic on its own layer and bumps the revision', () => {
    const state = run(emptyShow(), { type: 'take', graphic: cram }, 5000);
    expect(state.revision).toBe(1);
    expect(state.onAir.lowerThird).toEqual({
      id: 'g1',
      layer: 'lowerThird',
      graphic: cram,
      takenAt: 5000,
      updatedAt: 5000,
    });
  });

  it('gives a new instance id when a take replaces what is on the layer', () => {
    const first = run(emptyShow(), { type: 'take', graphic: cram });
    const second = run(first, { type: 'take', graphic: foster });
    expect(second.onAir.lowerThird?.id).toBe('g2');
    expect(second.onAir.lowerThird?.graphic).toEqual(foster);
  });

  it('should leave the graphic on air as it is when the same graphic is taken again (no out and in)', () => {
    const taken = run(emptyShow(), { type: 'take', graphic: cram, itemId: 'i1' }, 1000);
    const again = run(taken, { type: 'take', graphic: cram, itemId: 'i1' }, 2000);
    expect(again.onAir.lowerThird).toEqual(taken.onAir.lowerThird);
    const fromCurl = run(taken, { type: 'take', graphic: cram }, 3000);
    expect(fromCurl.onAir.lowerThird).toEqual(taken.onAir.lowerThird);
  });

  it('should update in place when the rundown item on air is taken again after an edit', () => {
    const taken = run(emptyShow(), { type: 'take', graphic: cram, itemId: 'i1' }, 1000);
    const edited = { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC commentator' } } as const;
    const again = run(taken, { type: 'take', graphic: edited, itemId: 'i1' }, 2000);
    expect(again.onAir.lowerThird).toEqual({ id: 'g1', layer: 'lowerThird', graphic: edited, takenAt: 1000, updatedAt: 2000, itemId: 'i1' });
  });

  it('should still replace the graphic on air when a different item is taken to its layer', () => {
    const taken = run(emptyShow(), { type: 'take', graphic: cram, itemId: 'i1' }, 1000);
    const other = run(taken, { type: 'take', graphic: foster, itemId: 'i2' }, 2000);
    expect(other.onAir.lowerThird).toMatchObject({ id: 'g2', takenAt: 2000, itemId: 'i2' });
  });

  it('keeps the instance id and take time when a graphic is updated on air', () => {
    const taken = run(emptyShow(), { type: 'take', graphic: cram }, 1000);
    const updated = run(taken, { type: 'update', layer: 'lowerThird', graphic: foster }, 2000);
    expect(updated.onAir.lowerThird).toMatchObject({ id: 'g1', takenAt: 1000, updatedAt: 2000, graphic: foster });
    expect(updated.revision).toBe(2);
  });

  it('refuses to update an empty layer and leaves the state alone', () => {
    const state = emptyShow();
    const result = applyCommand(state, Command.parse({ type: 'update', layer: 'lowerThird', graphic: cram }), { now: 1 });
    expect(result).toEqual({ ok: false, error: 'Nothing is on air on Lower third to update' });
    expect(state.revision).toBe(0);
  });

  it('clears one layer and leaves the others on air', () => {
    let state = run(emptyShow(), { type: 'take', graphic: cram });
    state = run(state, { type: 'take', graphic: foster, layer: 'centre' });
    state = run(state, { type: 'clear', layer: 'lowerThird' });
    expect(Object.keys(state.onAir)).toEqual(['centre']);
    expect(state.revision).toBe(3);
  });

  it('refuses to clear a layer that has nothing on air', () => {
    const result = applyCommand(emptyShow(), { type: 'clear', layer: 'crawl' }, { now: 1 });
    expect(result).toEqual({ ok: false, error: 'Nothing is on air on Crawl' });
  });

  it('clears everything with clearAll', () => {
    let state = run(emptyShow(), { type: 'take', graphic: cram });
    state = run(state, { type: 'clearAll' });
    expect(state.onAir).toEqual({});
  });
});

describe('show.setTheme', () => {
  it('switches the theme when the hub has valid template files for it', () => {
    const result = applyCommand(emptyShow(), Command.parse({ type: 'show.setTheme', theme: 'night' }), { now: 1000, themes: ['finishline', 'night'] });
    expect(result.ok && result.state.theme).toBe('night');
    expect(result.ok && result.state.revision).toBe(1);
  });

  it('refuses a theme without valid template files, with a sentence naming the themes there are', () => {
    const result = applyCommand(emptyShow(), Command.parse({ type: 'show.setTheme', theme: 'neon' }), { now: 1000, themes: ['finishline', 'night'] });
    expect(result).toEqual({ ok: false, error: 'There is no theme "neon" with valid template files: the themes are finishline, night (templates/themes/<name>.json)' });
  });

  it('refuses a theme name that could not be a file name', () => {
    expect(describeIssues(Command.safeParse({ type: 'show.setTheme', theme: '../secrets' }).error!)).toBe('theme: must be a theme file name: lower-case letters, digits and dashes');
  });

  it('starts older show files (without a theme) on the default theme', () => {
    const { theme: _theme, ...older } = emptyShow();
    expect(ShowState.parse(older).theme).toBe('finishline');
  });
});
