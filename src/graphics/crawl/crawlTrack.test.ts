import { describe, expect, it } from 'vitest';
import { crawlOffsetAt } from '../../core';
import type { CrawlItem } from '../../protocol/crawlItem';
import { CRAWL_CHANGE_LEAD_MS, EMPTY_CRAWL } from '../../state/crawlState';
import { applyCommand } from '../../state/applyCommand';
import { Command } from '../../protocol/command';
import { emptyShow, type ShowState } from '../../state/showState';
import { crawlTimeline } from './crawlTimeline';
import { createCrawlTrack, type TrackEpoch } from './crawlTrack';

const headline = (id: string, text: string): CrawlItem => ({ id, kind: 'headline', text });
const GAP = 40;
/** 10 px per character plus the gap. */
const widthOf = (item: CrawlItem) => item.text.length * 10 + GAP;
const laidOut = (epochs: TrackEpoch[], offset: number, viewport = 1000) =>
  createCrawlTrack(epochs, widthOf)
    .visible(offset, viewport)
    .map((s) => [s.item.id, s.start, s.width, s.item.text] as const);

describe('crawl track', () => {
  const abc = [headline('a', 'aaaa'), headline('b', 'bbbbbbbb'), headline('c', 'cc')];

  it('lays items end to end and loops back to the first without a gap', () => {
    expect(laidOut([{ from: 0, items: abc }], 521).map(([id, start, width]) => [id, start, width])).toEqual([
      ['a', 0, 80],
      ['b', 80, 120],
      ['c', 200, 60],
      ['a', 260, 80],
      ['b', 340, 120],
      ['c', 460, 60],
      ['a', 520, 80],
    ]);
  });

  it('lays an item only once its start has passed the right edge, and drops it once it has left at the left', () => {
    const one = [{ from: 0, items: [headline('a', 'aaaa')] }];
    expect(laidOut(one, 80).map(([, start]) => start)).toEqual([0]);
    expect(laidOut(one, 81).map(([, start]) => start)).toEqual([0, 80]);
    expect(laidOut(one, 180, 100).map(([, start]) => start)).toEqual([80, 160]);
  });

  it('is at the same place after hours of loops, however far on it is asked, without laying every loop', () => {
    let laid = 0;
    const counting = (item: CrawlItem) => (laid++, widthOf(item));
    const offset = 100 * 3600 * 5; // five hours at 100 px/s
    const track = createCrawlTrack([{ from: 0, items: abc }], counting);
    const far = track.visible(offset, 1000);
    expect(laid).toBeLessThan(100);
    const loop = 80 + 120 + 60;
    expect(far[0]!.start % loop).toBe(far[0]!.item.id === 'a' ? 0 : far[0]!.item.id === 'b' ? 80 : 200);
    expect(laidOut([{ from: 0, items: abc }], offset)).toEqual(far.map((s) => [s.item.id, s.start, s.width, s.item.text]));
  });

  it('keeps an edited item as it was while it is on screen, and shows the edit when it next enters', () => {
    const before = [headline('a', 'aaaa'), headline('b', 'bbbb')];
    const after = [headline('a', 'EDITED-A'), headline('b', 'bbbb')];
    const epochs = [
      { from: 0, items: before },
      { from: 500, items: after },
    ];
    expect(laidOut(epochs, 500)).toEqual(laidOut([epochs[0]!], 500));
    const shownA = laidOut(epochs, 1600, 1600).filter(([id]) => id === 'a');
    expect(shownA.at(0)?.[3]).toBe('aaaa');
    expect(shownA.at(-1)?.[3]).toBe('EDITED-A');
  });

  it('never lays a removed item again, carrying on with the item that followed it', () => {
    const items = [headline('a', 'aaaa'), headline('b', 'bbbb'), headline('c', 'cccc')];
    const epochs = [
      { from: 0, items },
      { from: 81, items: [items[0]!, items[2]!] },
    ];
    expect(laidOut(epochs, 5000, 5000).map(([id]) => id).slice(0, 5)).toEqual(['a', 'b', 'c', 'a', 'c']);
  });

  it('carries on with the item now at the removed one’s place when the last one laid was removed', () => {
    const items = [headline('a', 'aaaa'), headline('b', 'bbbb'), headline('c', 'cccc')];
    const epochs = [
      { from: 0, items },
      { from: 81, items: [items[0]!, items[2]!] }, // a, b laid; b was last
    ];
    expect(laidOut(epochs, 161).map(([id]) => id)).toEqual(['a', 'b', 'c']);
  });

  it('brings an item added to an empty crawl in from the right edge, not part-way across', () => {
    const epochs = [
      { from: 0, items: [] },
      { from: 700, items: [headline('a', 'aaaa')] },
    ];
    expect(laidOut(epochs, 702).map(([id, start]) => [id, 1000 - (702 - start)])).toEqual([['a', 998]]);
  });
});

describe('crawl timeline from the show', () => {
  const takenAt = 1_700_000_000_000;
  function run(state: ShowState, input: unknown, now: number) {
    const result = applyCommand(state, Command.parse(input), { now });
    if (!result.ok) throw new Error(result.error);
    return result.state;
  }
  function onAir() {
    let show = run(emptyShow(), { type: 'crawlAdd', id: 'a', item: { kind: 'headline', text: 'aaaa' } }, takenAt - 9000);
    show = run(show, { type: 'crawlAdd', id: 'b', item: { kind: 'headline', text: 'bbbb' } }, takenAt - 8000);
    show = run(show, { type: 'crawlRun', running: true }, takenAt - 7000);
    return run(show, { type: 'take', graphic: { kind: 'crawl', props: {} } }, takenAt);
  }

  it('gives the crawl as it was at the take, then each change from the moment it takes effect', () => {
    let show = onAir();
    expect(show.crawl.changes).toEqual([]);
    show = run(show, { type: 'crawlUpdate', id: 'a', item: { kind: 'headline', text: 'EDITED' } }, takenAt + 1000);
    show = run(show, { type: 'crawlSpeed', speedPxPerS: 240 }, takenAt + 2000);
    show = run(show, { type: 'crawlRemove', id: 'b' }, takenAt + 3000);
    show = run(show, { type: 'crawlAdd', id: 'c', index: 0, item: { kind: 'result', text: 'cc' } }, takenAt + 4000);
    show = run(show, { type: 'crawlMove', id: 'c', by: 1 }, takenAt + 5000);
    const { motions, contents } = crawlTimeline(show.crawl, takenAt);
    const lead = CRAWL_CHANGE_LEAD_MS;
    expect(motions.map((m) => [m.from - takenAt, m.speedPxPerS])).toEqual([
      [0, 120],
      [1000 + lead, 120],
      [2000 + lead, 240],
      [3000 + lead, 240],
      [4000 + lead, 240],
      [5000 + lead, 240],
    ]);
    expect(contents.map((c) => [c.at - takenAt, c.items.map((i) => `${i.id}:${i.text}`)])).toEqual([
      [0, ['a:aaaa', 'b:bbbb']],
      [1000 + lead, ['a:EDITED', 'b:bbbb']],
      [3000 + lead, ['a:EDITED']],
      [4000 + lead, ['c:cc', 'a:EDITED']],
      [5000 + lead, ['a:EDITED', 'c:cc']],
    ]);
  });

  it('keeps no history while the crawl is off air, and ignores changes from an earlier time on air', () => {
    let show = run(emptyShow(), { type: 'crawlSpeed', speedPxPerS: 200 }, takenAt);
    expect(show.crawl.changes).toEqual([]);
    show = onAir();
    show = run(show, { type: 'crawlSpeed', speedPxPerS: 200 }, takenAt + 1000);
    show = run(show, { type: 'clear', layer: 'crawl' }, takenAt + 2000);
    show = run(show, { type: 'take', graphic: { kind: 'crawl', props: {} } }, takenAt + 9000);
    expect(crawlTimeline(show.crawl, takenAt + 9000).motions).toEqual([{ from: takenAt + 9000, running: true, speedPxPerS: 200 }]);
    expect(EMPTY_CRAWL.changes).toEqual([]);
  });

  it('puts a reloaded output at the same pixel as one that has been drawing since the take', () => {
    let show = onAir();
    show = run(show, { type: 'crawlRun', running: false }, takenAt + 3000);
    show = run(show, { type: 'crawlRun', running: true }, takenAt + 4000);
    const { motions } = crawlTimeline(show.crawl, takenAt);
    // 2 px a frame at 50 fps, stopped for exactly one second.
    expect(crawlOffsetAt(motions, takenAt + 10_000, 50)).toBe(9 * 100);
  });
});
