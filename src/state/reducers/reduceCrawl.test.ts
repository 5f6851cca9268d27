import { describe, expect, it } from 'vitest';
import { Command } from '../../protocol/command';
import { describeIssues } from '../../protocol/describeIssues';
import { applyCommand } from '../applyCommand';
import { emptyShow, type ShowState } from '../showState';

const barron = { kind: 'social', handle: 'Lindsay Barron', text: 'Good luck to all marathon runners today.', tag: '#GetInspired' } as const;
const headline = { kind: 'headline', text: 'Tim Peake starts the race from the International Space Station' } as const;
const result = { kind: 'result', text: "Kipchoge wins the men's race for the second year running" } as const;

function run(state: ShowState, input: unknown) {
  const result = applyCommand(state, Command.parse(input), { now: 1 });
  if (!result.ok) throw new Error(result.error);
  return result.state;
}
function refuse(state: ShowState, input: unknown) {
  const result = applyCommand(state, Command.parse(input), { now: 1 });
  return result.ok ? null : result.error;
}
const ids = (state: ShowState) => state.crawl.items.map((item) => item.id);

function threeItems() {
  let state = run(emptyShow(), { type: 'crawlAdd', id: 'barron', item: barron });
  state = run(state, { type: 'crawlAdd', id: 'peake', item: headline });
  return run(state, { type: 'crawlAdd', id: 'kipchoge', item: result });
}

describe('crawl commands', () => {
  it('starts with an empty, stopped crawl', () => {
    expect(emptyShow().crawl).toEqual({ running: false, speedPxPerS: 120, items: [], changes: [] });
  });

  it('appends an added item with a fresh id, or inserts it where asked', () => {
    let state = run(emptyShow(), { type: 'crawlAdd', item: headline });
    expect(state.crawl.items).toEqual([{ id: 'c1', ...headline }]);
    state = run(state, { type: 'crawlAdd', item: result, id: 'first', index: 0 });
    expect(ids(state)).toEqual(['first', 'c1']);
    expect(state.revision).toBe(2);
  });

  it('fills in a social post without a tag', () => {
    const state = run(emptyShow(), { type: 'crawlAdd', item: { kind: 'social', handle: 'Jamie Ogier', text: 'They just started the marathon from space.' } });
    expect(state.crawl.items[0]).toMatchObject({ kind: 'social', tag: '' });
  });

  it('replaces an item’s content in place, keeping its id and position', () => {
    const state = run(threeItems(), { type: 'crawlUpdate', id: 'peake', item: { kind: 'headline', text: 'Updated' } });
    expect(state.crawl.items[1]).toEqual({ id: 'peake', kind: 'headline', text: 'Updated' });
    expect(ids(state)).toEqual(['barron', 'peake', 'kipchoge']);
  });

  it('refuses an edit or a removal made against content another operator has changed since, and takes one made against the current content', () => {
    const state = threeItems();
    const peake = state.crawl.items.find((i) => i.id === 'peake')!;
    const { id: _id, ...seen } = peake;
    const theirs = run(state, { type: 'crawlUpdate', id: 'peake', item: { kind: 'headline', text: 'Theirs' }, was: seen });
    const message = refuse(theirs, { type: 'crawlUpdate', id: 'peake', item: { kind: 'headline', text: 'Mine' }, was: seen });
    expect(message).toBe('Another operator changed crawl item "peake" while you were editing it (it now reads “Theirs”); nothing was changed: reopen the item to see their version');
    expect(refuse(theirs, { type: 'crawlRemove', id: 'peake', was: seen })).toBe(message);
    // Field order does not matter, only what the item says.
    const reordered = Object.fromEntries(Object.entries(seen).reverse()) as typeof seen;
    expect(run(state, { type: 'crawlRemove', id: 'peake', was: reordered }).crawl.items.map((i) => i.id)).toEqual(['barron', 'kipchoge']);
  });

  it('removes an item and moves one to a new position', () => {
    let state = run(threeItems(), { type: 'crawlMove', id: 'kipchoge', index: 0 });
    expect(ids(state)).toEqual(['kipchoge', 'barron', 'peake']);
    state = run(state, { type: 'crawlMove', id: 'kipchoge', index: 2 });
    expect(ids(state)).toEqual(['barron', 'peake', 'kipchoge']);
    state = run(state, { type: 'crawlRemove', id: 'peake' });
    expect(ids(state)).toEqual(['barron', 'kipchoge']);
  });

  it('moves an item one place up or down from where it is on the hub, so two quick presses move it two places', () => {
    let state = run(threeItems(), { type: 'crawlMove', id: 'kipchoge', by: -1 });
    state = run(state, { type: 'crawlMove', id: 'kipchoge', by: -1 });
    expect(ids(state)).toEqual(['kipchoge', 'barron', 'peake']);
    expect(refuse(state, { type: 'crawlMove', id: 'kipchoge', by: -1 })).toBe('"kipchoge" is already first in the crawl');
    state = run(state, { type: 'crawlMove', id: 'peake', by: -1 });
    expect(ids(state)).toEqual(['kipchoge', 'peake', 'barron']);
    expect(refuse(state, { type: 'crawlMove', id: 'barron', by: 1 })).toBe('"barron" is already last in the crawl');
  });

  it('starts, stops and sets the speed', () => {
    let state = run(emptyShow(), { type: 'crawlRun', running: true });
    state = run(state, { type: 'crawlSpeed', speedPxPerS: 150 });
    expect(state.crawl).toMatchObject({ running: true, speedPxPerS: 150 });
    state = run(state, { type: 'crawlRun', running: false });
    expect(state.crawl.running).toBe(false);
  });

  it('refuses unknown or duplicate ids and positions past the end with a sentence', () => {
    const state = threeItems();
    expect(refuse(state, { type: 'crawlRemove', id: 'nobody' })).toBe('The crawl has no item "nobody"');
    expect(refuse(state, { type: 'crawlUpdate', id: 'nobody', item: headline })).toBe('The crawl has no item "nobody"');
    expect(refuse(state, { type: 'crawlAdd', id: 'peake', item: headline })).toBe('The crawl already has an item "peake"');
    expect(refuse(state, { type: 'crawlAdd', item: headline, index: 4 })).toBe('Cannot add at position 4: the crawl has 3 items (0 puts it first, 3 last)');
    expect(refuse(state, { type: 'crawlMove', id: 'peake', index: 3 })).toBe('Cannot move "peake" to position 3: the crawl has 3 items (0 is first, 2 last)');
  });

  it('refuses a 51st item', () => {
    let state = emptyShow();
    for (let i = 0; i < 50; i++) state = run(state, { type: 'crawlAdd', item: headline });
    expect(refuse(state, { type: 'crawlAdd', item: headline })).toBe('The crawl is full (50 items): remove one first');
  });

  it.each([
    [{ type: 'crawlSpeed', speedPxPerS: 5000 }, 'speedPxPerS: must be from 20 to 480 pixels per second, not 5000'],
    [{ type: 'crawlAdd', item: { kind: 'social', handle: 'x', text: '' } }, 'item.text: is required'],
    [{ type: 'crawlAdd', item: { kind: 'ticker', text: 'x' } }, "item.kind: Invalid discriminator value. Expected 'headline' | 'social' | 'result'"],
    [{ type: 'crawlRemove', id: 'has space' }, 'id: must be 1–40 letters, digits, - or _'],
    [{ type: 'crawlMove', id: 'peake', index: 0, by: 1 }, 'give either index (a position) or by (-1 or 1)'],
  ])('refuses bad input %j at the edge', (input, message) => {
    const parsed = Command.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(describeIssues(parsed.error!)).toContain(message);
  });
});
