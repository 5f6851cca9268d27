import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { effectiveSpeed, pixelsPerFrame } from '../src/core';
import layout from '../templates/crawl.json';
import defaultTheme from '../templates/themes/finishline.json';
import { hex, isColour, openOutput, renderAt, type Renderer } from './harness/browser';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';

const region = defaultTheme.regions.crawl;
const FPS = 50; // the output frame rate the crawl is quantised to until outputs pass theirs (DEFAULT_FRAME_RATE)
const SPEED = 120;
const STEP = effectiveSpeed(SPEED, FPS); // 100 px/s: 2 whole pixels per frame
// Markers sit on the strip's centre line (templates/crawl.json): one accent square before every item.
const markerRow = Math.round(region.y + layout.accentHeight + (region.height - layout.accentHeight) / 2) - region.y;

type Strip = { width: number; height: number; data: Buffer };

/** The crawl region only, straight alpha. */
async function grabStrip(page: Page): Promise<Strip> {
  const png = PNG.sync.read(await page.screenshot({ omitBackground: true, clip: { x: region.x, y: region.y, width: region.width, height: region.height } }));
  return { width: png.width, height: png.height, data: png.data };
}

/** Runs of accent-coloured pixels along a row: [left x, width]. */
function accentRuns(strip: Strip, row: number): [number, number][] {
  const [r, g, b] = hex(defaultTheme.colours.accent);
  const runs: [number, number][] = [];
  let start = -1;
  for (let x = 0; x <= strip.width; x++) {
    const i = (row * strip.width + x) * 4;
    const on = x < strip.width && Math.abs(strip.data[i]! - r) <= 2 && Math.abs(strip.data[i + 1]! - g) <= 2 && Math.abs(strip.data[i + 2]! - b) <= 2;
    if (on && start < 0) start = x;
    if (!on && start >= 0) {
      runs.push([start, x - start]);
      start = -1;
    }
  }
  return runs;
}
/** Left edges of the markers wholly on screen. */
const markers = (strip: Strip) => accentRuns(strip, markerRow).filter(([x, w]) => w === layout.markerSize && x > 0).map(([x]) => x);
/** Accent chips ("RESULT"): taller than markers, so found on a row above them, clear of the chip's text. */
const chips = (strip: Strip) => accentRuns(strip, markerRow - Math.floor(layout.chipHeight / 2) + 2);

/** Columns [from, to) of a strip shifted left by dx equal those of another (±1 per channel). */
function sameShifted(before: Strip, after: Strip, dx: number, from: number, to: number): boolean {
  for (let y = 0; y < before.height; y++) {
    for (let x = from; x < to; x++) {
      const a = (y * before.width + x + dx) * 4;
      const b = (y * after.width + x) * 4;
      for (let c = 0; c < 4; c++) if (Math.abs(before.data[a + c]! - after.data[b + c]!) > 1) return false;
    }
  }
  return true;
}

const headline = (id: string, text: string) => ({ type: 'crawlAdd', id, item: { kind: 'headline', text } });

let hub: HubProcess;
let browser: Browser;
useHubAndBrowser(
  (started) => ({ hub, browser } = started),
  () => {
    // A show whose crawl starts empty, so each test sets exactly the items it needs.
    const seed = join(mkdtempSync(join(tmpdir(), 'finishline-crawl-')), 'seed.json');
    writeFileSync(seed, JSON.stringify({ format: 'finishline-show/1', revision: 0, name: 'Crawl test', onAir: {} }));
    return { seed };
  },
);

/** Replaces the crawl's items, sets it running at SPEED, and takes it; returns the revision to wait for. */
async function takeCrawl(items: unknown[]): Promise<number> {
  const state = await hub.state();
  if (state.onAir.crawl) await hub.post({ type: 'clear', layer: 'crawl' });
  for (const item of state.crawl.items) await hub.post({ type: 'crawlRemove', id: item.id });
  for (const item of items) await hub.post(item);
  await hub.post({ type: 'crawlSpeed', speedPxPerS: SPEED });
  await hub.post({ type: 'crawlRun', running: true });
  return (await hub.post({ type: 'take', graphic: { kind: 'crawl', props: {} } })).body.revision;
}

/** Opens outputs, shows them the empty frame first (so the take enters), then the take at hub time t0. */
async function openWithCrawl(renderer: Renderer, items: unknown[], t0: number, count = 1): Promise<Page[]> {
  const pages: Page[] = [];
  const cleared = (await hub.post({ type: 'clearAll' })).body.revision;
  for (let i = 0; i < count; i++) {
    const page = await openOutput(browser, hub.url, renderer);
    expect(await page.evaluate(() => window.finishline!.renderer)).toBe(renderer);
    await renderAt(page, t0 - 5000, cleared);
    pages.push(page);
  }
  const revision = await takeCrawl(items);
  for (const page of pages) await renderAt(page, t0, revision);
  return pages;
}

const shortItems = [headline('one', 'ONE'), headline('two', 'TWO TWO'), headline('three', 'THREE THREE THREE')];

describe.each<Renderer>(['webgl', 'canvas'])('crawl on the %s renderer', (renderer) => {
  it('moves exactly its effective speed in a second, in whole pixels, whatever the frames drawn between', async () => {
    const t0 = 1_000_000;
    // Both pages see the take at t0; one then draws a frame every 13 ms (~77 Hz), the other none until 8 s.
    const [dense, sparse] = (await openWithCrawl(renderer, shortItems, t0, 2)) as [Page, Page];
    for (let t = t0; t <= t0 + 8000; t += 13) await dense.evaluate((time) => window.finishline!.renderAt(time), t);
    await renderAt(dense, t0 + 8000);
    await renderAt(sparse, t0 + 8000);
    const at8 = await grabStrip(dense);
    expect(markers(at8).length, 'several markers on screen').toBeGreaterThan(4);
    expect(markers(await grabStrip(sparse))).toEqual(markers(at8));

    await renderAt(dense, t0 + 9000);
    const at9 = await grabStrip(dense);
    const moved = markers(at8).filter((x) => x - STEP > 0).map((x) => x - STEP);
    expect(markers(at9).slice(0, moved.length)).toEqual(moved);
    expect(sameShifted(at8, at9, STEP, 0, region.width - STEP), 'the whole strip moved by exactly the effective speed').toBe(true);
    await dense.close();
    await sparse.close();
  });

  it('loops seamlessly: the spacing between items repeats with the list, across the wrap', async () => {
    const t0 = 2_000_000;
    const page = (await openWithCrawl(renderer, shortItems, t0))[0]!;
    await renderAt(page, t0 + 30_000); // many loops in
    const xs = markers(await grabStrip(page));
    const spacings = xs.slice(1).map((x, i) => x - xs[i]!);
    expect(spacings.length).toBeGreaterThanOrEqual(6);
    for (let i = 3; i < spacings.length; i++) expect(spacings[i], `spacing ${i} repeats spacing ${i - 3}`).toBe(spacings[i - 3]);
    expect(new Set(spacings).size, 'three different items').toBe(3);
    await page.close();
  });

  it('applies an edit to an item on screen without moving anything on screen; the edit shows when it next enters', async () => {
    const t0 = 3_000_000;
    const page = (await openWithCrawl(renderer, shortItems, t0))[0]!;
    await renderAt(page, t0 + 20_000);
    const before = await grabStrip(page);
    const spacingsBefore = new Set(markers(before).slice(1).map((x, i) => x - markers(before)[i]!));
    const { body } = await hub.post({ type: 'crawlUpdate', id: 'two', item: { kind: 'headline', text: 'TWO HAS BEEN EDITED TO BE MUCH LONGER' } });
    await renderAt(page, t0 + 20_000, body.revision);
    const sameFrame = await grabStrip(page);
    expect(sameShifted(before, sameFrame, 0, 0, region.width), 'the frame at the same time is unchanged').toBe(true);
    await renderAt(page, t0 + 21_000);
    // Everything that was on screen has moved on by exactly one second's travel, unchanged.
    expect(sameShifted(before, await grabStrip(page), STEP, 0, region.width - STEP)).toBe(true);
    await renderAt(page, t0 + 60_000);
    const later = await grabStrip(page);
    const spacingsLater = markers(later).slice(1).map((x, i) => x - markers(later)[i]!);
    expect(spacingsLater.some((s) => !spacingsBefore.has(s) && s > Math.max(...spacingsBefore)), 'the longer, edited item').toBe(true);
    await page.close();
  });

  it('never shows a removed item again once it has left', async () => {
    const t0 = 4_000_000;
    const items = [...shortItems, { type: 'crawlAdd', id: 'result', item: { kind: 'result', text: 'KIPCHOGE WINS' } }];
    const page = (await openWithCrawl(renderer, items, t0))[0]!;
    await renderAt(page, t0 + 25_000);
    expect(chips(await grabStrip(page)).length, 'the result chip is on screen before it is removed').toBeGreaterThan(0);
    const { body } = await hub.post({ type: 'crawlRemove', id: 'result' });
    await renderAt(page, t0 + 25_000, body.revision);
    // Whatever was on screen crosses it in under 1920 / 100 = 19.2 s; after that the chip must never come back.
    const clearAt = t0 + 25_000 + Math.ceil((region.width / STEP) * 1000);
    for (let t = t0 + 26_000; t < clearAt; t += 1000) await renderAt(page, t);
    for (let t = clearAt; t < clearAt + 20_000; t += 500) {
      await renderAt(page, t);
      expect(chips(await grabStrip(page)), `no result chip at +${t - clearAt} ms`).toEqual([]);
    }
    await page.close();
  });
});

// Other picture sizes: the crawl's speed is in pixels of the 1920-wide design frame, but it steps whole pixels
// of the output itself (scale 2/3 at 720p, 2 at 2160p), so its text is resampled identically every frame.
const FORMATS = [
  { format: '720p50', width: 1280, height: 720, scale: 2 / 3, step: 2 }, // 120 px/s = 1.6 output px a frame
  { format: '2160p50', width: 3840, height: 2160, scale: 2, step: 5 }, // 120 px/s = 4.8 output px a frame
];

/** The crawl region in output pixels, as the layer's canvas covers it. */
function outputStrip(scale: number) {
  const top = Math.floor(region.y * scale);
  return { x: 0, y: top, width: Math.round(region.width * scale), height: Math.ceil((region.y + region.height) * scale) - top };
}

/** Every whole shift in [0, max] by which `after` is `before` moved left (interior columns, ±1 per channel). */
function shiftsBetween(before: Strip, after: Strip, max: number): number[] {
  const found: number[] = [];
  for (let dx = 0; dx <= max; dx++) if (sameShifted(before, after, dx, 0, before.width - max)) found.push(dx);
  return found;
}

describe.each<Renderer>(['webgl', 'canvas'])('crawl at other picture sizes on the %s renderer', (renderer) => {
  it.each(FORMATS)('steps the same whole number of $format output pixels every frame, every glyph unchanged', async ({ format, width, height, scale, step }) => {
    expect(pixelsPerFrame(SPEED, FPS, scale)).toBe(step);
    const t0 = 5_000_000;
    const cleared = (await hub.post({ type: 'clearAll' })).body.revision;
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('pageerror', (error) => console.error(`output page error: ${error.message}`));
    await page.goto(`${hub.url}/output.html?renderer=${renderer}&clock=manual&format=${format}`);
    await page.waitForFunction(() => window.finishline?.receivedRevision() != null, null, { timeout: 20_000 });
    expect(await page.evaluate(() => window.finishline!.renderer)).toBe(renderer);
    await renderAt(page, t0 - 5000, cleared);
    const items = [headline('one', 'Kipchoge leads at 30 km'), headline('two', 'Łódź · Schär · Гонсалес · Κώστας'), headline('three', 'Sumgong WINS')];
    await renderAt(page, t0, await takeCrawl(items));

    const clip = outputStrip(scale);
    const grabFrame = async (k: number): Promise<Strip> => {
      await renderAt(page, t0 + 20_000 + k * (1000 / FPS));
      const png = PNG.sync.read(await page.screenshot({ omitBackground: true, clip }));
      return { width: png.width, height: png.height, data: png.data };
    };
    const frames: Strip[] = [];
    for (let k = 0; k < 4; k++) frames.push(await grabFrame(k));
    for (let k = 1; k < frames.length; k++) {
      expect(shiftsBetween(frames[k - 1]!, frames[k]!, 3 * step), `frame ${k} is frame ${k - 1} moved left by exactly ${step} px`).toEqual([step]);
    }

    // Markers sit on whole output pixels: a run of exactly markerSize x scale accent pixels, panel colour
    // either side, with no blended edge.
    const row = Math.floor((Math.round(region.y + layout.accentHeight + (region.height - layout.accentHeight) / 2 - layout.markerSize / 2) + layout.markerSize / 2) * scale) - clip.y;
    const size = Math.round(layout.markerSize * scale);
    const strip = frames[0]!;
    const pixel = (x: number): [number, number, number, number] => {
      const i = (row * strip.width + x) * 4;
      return [strip.data[i]!, strip.data[i + 1]!, strip.data[i + 2]!, strip.data[i + 3]!];
    };
    const runs = accentRuns(strip, row).filter(([x, w]) => x > 0 && x + w < strip.width && w >= size - 1 && w <= size + 1);
    expect(runs.length, 'markers on screen').toBeGreaterThan(1);
    for (const [x, w] of runs) {
      expect(w, `marker at ${x} is ${size} px wide`).toBe(size);
      expect(isColour(pixel(x - 1), defaultTheme.colours.panel) && isColour(pixel(x + w), defaultTheme.colours.panel), `marker at ${x} has hard edges`).toBe(true);
    }
    await page.close();
  });
});
