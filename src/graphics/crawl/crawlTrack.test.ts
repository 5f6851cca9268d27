import { describe, expect, it } from 'vitest';
import type { CrawlItem } from '../../protocol/crawlItem';
import { createCrawlClock } from './crawlClock';
import { createCrawlTrack } from './crawlTrack';

const headline = (id: string, text: string): CrawlItem => ({ id, kind: 'headline', text });
const GAP = 40;

/** A track whose item width is 10 px per character plus the gap, and whose views record what they showed. */
function track(viewport = 1000) {
  const dropped: string[] = [];
  const laid: string[] = [];
  const t = createCrawlTrack<{ id: string; text: string }>({
    viewport,
    lay: (item) => {
      laid.push(item.id);
      return { view: { id: item.id, text: item.text }, width: item.text.length * 10 + GAP };
    },
    drop: (view) => dropped.push(view.id),
  });
  const visible = (offset: number) =>
    t.segments()
      .filter((s) => t.xOf(s, offset) < viewport && t.xOf(s, offset) + s.width > 0)
      .map((s) => ({ id: s.item.id, text: s.view.text, x: t.xOf(s, offset) }));
  return { t, dropped, laid, visible };
}

describe('crawl track', () => {
  it('lays items end to end as they enter and loops back to the first without a gap', () => {
    const { t } = track();
    const items = [headline('a', 'aaaa'), headline('b', 'bbbbbbbb'), headline('c', 'cc')];
    t.advance(1000, items);
    const laid = t.segments().map((s) => [s.item.id, s.start, s.width]);
    expect(laid.slice(0, 7)).toEqual([
      ['a', 0, 80],
      ['b', 80, 120],
      ['c', 200, 60],
      ['a', 260, 80],
      ['b', 340, 120],
      ['c', 460, 60],
      ['a', 520, 80],
    ]);
  });

  it('lays nothing before it is needed: the next item is laid only once its start is on screen', () => {
    const { t } = track();
    t.advance(1, [headline('a', 'aaaa')]);
    expect(t.segments().map((s) => s.start)).toEqual([0]);
    t.advance(80, [headline('a', 'aaaa')]);
    expect(t.segments().map((s) => s.start)).toEqual([0]);
    t.advance(81, [headline('a', 'aaaa')]);
    expect(t.segments().map((s) => s.start)).toEqual([0, 80]);
  });

  it('keeps an edited item as it was while it is on screen, and shows the edit when it next enters', () => {
    const { t, visible } = track();
    const before = [headline('a', 'aaaa'), headline('b', 'bbbb')];
    t.advance(500, before);
    const onScreen = visible(500);
    const after = [headline('a', 'EDITED-A'), headline('b', 'bbbb')];
    t.advance(500, after);
    expect(visible(500)).toEqual(onScreen);
    t.advance(1600, after);
    const shownA = visible(1600).filter((v) => v.id === 'a');
    expect(shownA.at(-1)?.text).toBe('EDITED-A');
  });

  it('never lays a removed item again, carrying on with the item that followed it', () => {
    const { t, laid } = track();
    const items = [headline('a', 'aaaa'), headline('b', 'bbbb'), headline('c', 'cccc')];
    t.advance(81, items); // a, b laid
    t.advance(5000, [items[0]!, items[2]!]);
    expect(laid.slice(0, 5)).toEqual(['a', 'b', 'c', 'a', 'c']);
    expect(laid.slice(2).includes('b')).toBe(false);
  });

  it('carries on with the item now at the removed one’s place when the last one laid was removed', () => {
    const { t } = track();
    const items = [headline('a', 'aaaa'), headline('b', 'bbbb'), headline('c', 'cccc')];
    t.advance(81, items); // a, b laid; b was last
    t.advance(161, [items[0]!, items[2]!]);
    expect(t.segments().map((s) => s.item.id)).toEqual(['a', 'b', 'c']);
  });

  it('drops segments once they have left at the left edge', () => {
    const { t, dropped } = track(100);
    t.advance(100, [headline('a', 'aaaa')]); // a at 0..80, a at 80..160
    t.advance(180, [headline('a', 'aaaa')]);
    expect(dropped).toEqual(['a']);
  });

  it('brings an item added to an empty crawl in from the right edge, not part-way across', () => {
    const { t } = track();
    t.advance(700, []);
    t.advance(702, [headline('a', 'aaaa')]);
    expect(t.segments().map((s) => t.xOf(s, 702))).toEqual([998]);
  });
});

describe('crawl clock', () => {
  it('moves at the effective speed: a whole number of pixels per frame from hub time', () => {
    const clock = createCrawlClock(50, 1, true, 120);
    const t0 = 1_000_000;
    expect(clock.offsetAt(t0)).toBe(0);
    expect(clock.offsetAt(t0 + 1000)).toBe(100);
    expect(clock.offsetAt(t0 + 1019)).toBe(100);
    expect(clock.offsetAt(t0 + 1020)).toBe(102);
    expect(clock.offsetAt(t0 + 60_000) - clock.offsetAt(t0 + 59_000)).toBe(100);
  });

  it('holds its place when stopped and carries on from it when started again', () => {
    const clock = createCrawlClock(50, 1, true, 120);
    clock.offsetAt(0);
    clock.set(false, 120, 1010); // in the frame that started at 1000 ms: 100 px
    expect(clock.offsetAt(1010)).toBe(100);
    expect(clock.offsetAt(5000)).toBe(100);
    clock.set(true, 120, 5000);
    expect(clock.offsetAt(6000)).toBe(200);
  });

  it('changes speed without a jump', () => {
    const clock = createCrawlClock(50, 1, true, 120);
    clock.offsetAt(0);
    clock.set(true, 200, 2000);
    expect(clock.offsetAt(2000)).toBe(200);
    expect(clock.offsetAt(3000)).toBe(400);
  });

  it('counts output pixels: at 720p50 it steps 2 output pixels a frame for 120 px/s of the design frame', () => {
    const clock = createCrawlClock(50, 2 / 3, true, 120);
    const t0 = 1_000_000;
    expect(clock.offsetAt(t0)).toBe(0);
    expect(clock.offsetAt(t0 + 20)).toBe(2);
    expect(clock.offsetAt(t0 + 1000)).toBe(100);
    clock.set(true, 240, t0 + 1010); // 3.2 output px a frame: 3
    expect(clock.offsetAt(t0 + 1020)).toBe(103);
  });

  it('starts stopped where the show says so', () => {
    const clock = createCrawlClock(50, 1, false, 120);
    expect(clock.offsetAt(0)).toBe(0);
    expect(clock.offsetAt(10_000)).toBe(0);
  });
});
