import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { frameAlignedTime, pixelsPerFrame } from '../src/core';
import layout from '../templates/crawl.json';
import defaultTheme from '../templates/themes/finishline.json';
import { hex, isColour, renderAt, type Renderer } from './harness/browser';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';

// One hub for the file, seeded with a crawl that went on air ten minutes before it started, so at the
// hub's real time the strip is full. Positions are functions of hub time and the show, so every scenario
// works at real hub times (a change takes effect CRAWL_CHANGE_LEAD_MS after its command, at the `at` the
// show records) and the output pages, on the manual clock, are told which hub time to draw. Every scenario
// runs on both renderers at once, on pages kept open across the file.
const region = defaultTheme.regions.crawl;
const FPS = 50; // the outputs' default frame rate
const FRAME = 1000 / FPS;
const SPEED = 120; // 2 whole pixels a frame at 50 fps: 100 px/s
const STEP = pixelsPerFrame(SPEED, FPS) * FPS; // output pixels a second
const RENDERERS: Renderer[] = ['webgl', 'canvas'];
// Markers sit on the strip's centre line (templates/crawl.json): one accent square before every item.
const markerRow = Math.round(region.y + layout.accentHeight + (region.height - layout.accentHeight) / 2) - region.y;

type Strip = { width: number; height: number; data: Buffer };

/** Draws hub time t and grabs the crawl region, straight alpha. */
async function stripAt(page: Page, t: number, revision?: number): Promise<Strip> {
  await renderAt(page, t, revision);
  const png = PNG.sync.read(await page.screenshot({ omitBackground: true, clip: { x: region.x, y: region.y, width: region.width, height: region.height } }));
  return { width: png.width, height: png.height, data: png.data };
}

/** Draws each hub time in turn, in one call to the page. */
const renderEach = (page: Page, times: number[]) => page.evaluate((ts) => ts.forEach((t) => window.finishline!.renderAt(t)), times);

/** The crawl's texts drawn at each hub time, as [text, left] in design pixels, left to right. */
const textsAt = (page: Page, times: number[]) =>
  page.evaluate((ts) =>
    ts.map((t) => {
      window.finishline!.renderAt(t);
      return window.finishline!.texts!()
        .filter((text) => text.layer === 'crawl')
        .map((text) => [text.text, text.left] as [string, number])
        .sort((a, b) => a[1] - b[1]);
    }),
  times);

/** Every distance under 20 px by which a text drawn in one frame moved left by the next (one, for a crawl in one piece). */
function movedBy(before: [string, number][], after: [string, number][]): number[] {
  const found = new Set<number>();
  for (const [text, left] of after) for (const [was, x] of before) if (was === text && x - left >= 0 && x - left < 20) found.add(Math.round(x - left));
  return [...found];
}

/** An output on the manual clock (openOutput, with room for a loaded machine: it must not fail for being slow). */
async function open(renderer: Renderer, query = '', viewport = { width: 1920, height: 1080 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(90_000);
  page.on('pageerror', (error) => console.error(`output page error: ${error.message}`));
  await page.goto(`${hub.url}/output.html?renderer=${renderer}&clock=manual${query}`);
  await page.waitForFunction(() => window.finishline?.receivedRevision() != null);
  expect(await page.evaluate(() => window.finishline!.renderer)).toBe(renderer);
  return page;
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
/** Left edges of the markers wholly on screen (not a result chip's edge: a marker has panel colour above it). */
const markers = (strip: Strip) => {
  const [r, g, b] = hex(defaultTheme.colours.panel);
  const panelAbove = (x: number) => {
    const i = ((markerRow - layout.markerSize) * strip.width + x) * 4;
    return Math.abs(strip.data[i]! - r) <= 2 && Math.abs(strip.data[i + 1]! - g) <= 2 && Math.abs(strip.data[i + 2]! - b) <= 2;
  };
  return accentRuns(strip, markerRow).filter(([x, w]) => w === layout.markerSize && x > 0 && panelAbove(x + 1)).map(([x]) => x);
};
/** Accent chips ("RESULT"): taller than markers, so found on a row above them, clear of the chip's text. */
const chips = (strip: Strip) => accentRuns(strip, markerRow - Math.floor(layout.chipHeight / 2) + 2);
const spacings = (xs: number[]) => xs.slice(1).map((x, i) => x - xs[i]!);

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

/** Every whole shift in [0, max] by which `after` is `before` moved left (interior columns, ±1 per channel). */
function shiftsBetween(before: Strip, after: Strip, max: number): number[] {
  const found: number[] = [];
  for (let dx = 0; dx <= max; dx++) if (sameShifted(before, after, dx, 0, before.width - max)) found.push(dx);
  return found;
}

const headline = (id: string, text: string) => ({ id, kind: 'headline', text });
const ITEMS = [headline('one', 'ONE'), headline('two', 'TWO TWO'), headline('three', 'THREE THREE THREE'), { id: 'result', kind: 'result', text: 'KIPCHOGE WINS' }];

let hub: HubProcess;
let browser: Browser;
/** Outputs open since the file started, one per renderer. */
const first = new Map<Renderer, Page>();
/** Outputs opened later, one per renderer. */
const later = new Map<Renderer, Page>();
useHubAndBrowser(
  async (started) => {
    ({ hub, browser } = started);
    const pages = await Promise.all(RENDERERS.map((renderer) => open(renderer)));
    RENDERERS.forEach((renderer, i) => first.set(renderer, pages[i]!));
    // They start drawing at once, as an output on air would.
    const now = Date.now();
    await Promise.all(pages.map((page) => renderEach(page, [now, now + FRAME, now + 2 * FRAME])));
  },
  () => {
    const takenAt = Date.now() - 10 * 60_000;
    const seed = join(mkdtempSync(join(tmpdir(), 'finishline-crawl-')), 'seed.json');
    const onAir = { crawl: { id: 'g1', layer: 'crawl', graphic: { kind: 'crawl', props: { label: '' } }, takenAt, updatedAt: takenAt } };
    writeFileSync(seed, JSON.stringify({ format: 'finishline-show/1', revision: 1, name: 'Crawl test', onAir, crawl: { running: true, speedPxPerS: SPEED, items: ITEMS } }));
    return { seed };
  },
);

/** Posts a crawl command and returns its revision and the hub time its change takes effect. */
async function change(command: unknown): Promise<{ revision: number; at: number }> {
  const { status, body } = await hub.post(command);
  expect(status, JSON.stringify(body)).toBe(200);
  // Every output has the show with the change before any frame after it is drawn (outputs hand a snapshot on
  // a task after reading it, so the hub's answer can come first).
  const pages = [...first.values(), ...later.values()];
  await Promise.all(pages.map((page) => page.waitForFunction((r) => (window.finishline?.receivedRevision() ?? -1) >= r, body.revision)));
  const changes = (await hub.state()).crawl.changes;
  return { revision: body.revision, at: changes[changes.length - 1].at };
}

/** Waits (real time) until a change has taken effect, so later scenarios start from a steady crawl. */
const settled = ({ at }: { at: number }) => new Promise((done) => setTimeout(done, Math.max(0, at - Date.now() + 20)));

/** Every page's strip at hub time t: pixel-identical on each renderer, markers at the same places on both. */
async function allInStep(pages: Map<Renderer, Page>[], t: number, revision?: number): Promise<Map<Renderer, Strip>> {
  const byRenderer = new Map<Renderer, Strip>();
  for (const renderer of RENDERERS) {
    const strips = await Promise.all(pages.map((p) => stripAt(p.get(renderer)!, t, revision)));
    for (const strip of strips.slice(1)) expect(strip.data.equals(strips[0]!.data), `${renderer} outputs draw the same pixels at ${t}`).toBe(true);
    byRenderer.set(renderer, strips[0]!);
  }
  expect(markers(byRenderer.get('canvas')!), 'both renderers put the items at the same places').toEqual(markers(byRenderer.get('webgl')!));
  return byRenderer;
}

// Generous time limits: these pages draw at 1080p in software, and the machine may be shared.
describe('the crawl, from hub time and the show', { timeout: 180_000 }, () => {
  it('is at the same pixels on outputs opened at different times, after a reload and after a hub restart', async () => {
    const t = frameAlignedTime(Date.now() + 3000, FPS);
    // The first outputs draw frame after frame up to t, as on air; the later ones open and draw t straight away.
    await Promise.all([...first.values()].map((page) => renderEach(page, Array.from({ length: 100 }, (_, k) => t - 3000 + k * FRAME * 1.5))));
    const pages = await Promise.all(RENDERERS.map((renderer) => open(renderer)));
    RENDERERS.forEach((renderer, i) => later.set(renderer, pages[i]!));
    const atT = await allInStep([first, later], t);
    expect(markers(atT.get('webgl')!).length, 'a full strip: several markers on screen').toBeGreaterThan(4);

    for (const page of later.values()) {
      await page.reload();
      await page.waitForFunction(() => window.finishline?.receivedRevision() != null);
    }
    const reloaded = await allInStep([first, later], t);
    for (const renderer of RENDERERS) expect(reloaded.get(renderer)!.data.equals(atT.get(renderer)!.data), `${renderer}: the reloaded output resumes where air is`).toBe(true);

    await hub.restart();
    for (const page of [...first.values(), ...later.values()]) await page.waitForFunction(() => document.documentElement.dataset.hub === 'open');
    for (const page of later.values()) {
      await page.reload();
      await page.waitForFunction(() => window.finishline?.receivedRevision() != null);
    }
    const restarted = await allInStep([first, later], t);
    for (const renderer of RENDERERS) expect(restarted.get(renderer)!.data.equals(atT.get(renderer)!.data), `${renderer}: the same after a hub restart`).toBe(true);
  });

  it('moves its effective speed in whole pixels, whatever frames each output drew in between', async () => {
    const t = frameAlignedTime(Date.now() + 1000, FPS);
    // The first outputs draw a frame every 13 ms (~77 Hz) for 1.5 s; the later ones only the last.
    const times = Array.from({ length: Math.floor(1500 / 13) + 1 }, (_, k) => t + k * 13);
    await Promise.all([...first.values()].map((page) => renderEach(page, times)));
    const at8 = await allInStep([first, later], t + 1500);
    const at9 = await allInStep([first, later], t + 2500);
    for (const renderer of RENDERERS) {
      const moved = markers(at8.get(renderer)!).filter((x) => x - STEP > 0).map((x) => x - STEP);
      expect(markers(at9.get(renderer)!).slice(0, moved.length)).toEqual(moved);
      expect(sameShifted(at8.get(renderer)!, at9.get(renderer)!, STEP, 0, region.width - STEP), `${renderer}: the whole strip moved by exactly the effective speed`).toBe(true);
    }
  });

  it('changes speed, stops and runs on without a jump, on every output at the same frame', async () => {
    const ppf = { slow: pixelsPerFrame(SPEED, FPS), fast: pixelsPerFrame(240, FPS) };
    const pages = [...first.values(), ...later.values()];
    /** How far the crawl's texts moved from each frame to the next, from frame `from`, on every output. */
    const shifts = async (from: number, count: number) => {
      const times = Array.from({ length: count }, (_, k) => from + k * FRAME);
      const perPage = await Promise.all(pages.map((page) => textsAt(page, times)));
      for (const drawn of perPage.slice(1)) expect(drawn, 'every output draws the same texts at the same places').toEqual(perPage[0]);
      return perPage[0]!.slice(1).map((texts, k) => movedBy(perPage[0]![k]!, texts));
    };
    const frameOf = (at: number) => frameAlignedTime(at, FPS);
    try {
      const faster = await change({ type: 'crawlSpeed', speedPxPerS: 240 });
      expect(await shifts(frameOf(faster.at) - 2 * FRAME, 5)).toEqual([[ppf.slow], [ppf.slow], [ppf.fast], [ppf.fast]]);
      const stop = await change({ type: 'crawlRun', running: false });
      expect(await shifts(frameOf(stop.at) - FRAME, 4)).toEqual([[ppf.fast], [0], [0]]);
      const run = await change({ type: 'crawlRun', running: true });
      expect(await shifts(frameOf(run.at) - FRAME, 4)).toEqual([[0], [ppf.fast], [ppf.fast]]);
      // And in pixels: the strip a frame after the speed change is the one before, moved by the new step.
      const [before, after] = [await allInStep([first, later], frameOf(run.at) + FRAME), await allInStep([first, later], frameOf(run.at) + 2 * FRAME)];
      for (const renderer of RENDERERS) expect(shiftsBetween(before.get(renderer)!, after.get(renderer)!, 6), renderer).toEqual([ppf.fast]);
    } finally {
      await settled(await change({ type: 'crawlSpeed', speedPxPerS: SPEED }));
    }
  });

  it('applies an edit to an item on screen without moving anything on screen; the edit shows when it next enters', async () => {
    const before = frameAlignedTime(Date.now(), FPS);
    const atBefore = await allInStep([first, later], before);
    const spacingsBefore = new Set(spacings(markers(atBefore.get('webgl')!)));
    const edit = await change({ type: 'crawlUpdate', id: 'two', item: { kind: 'headline', text: 'TWO HAS BEEN EDITED TO BE MUCH LONGER' } });
    const sameFrame = await allInStep([first, later], before, edit.revision);
    for (const renderer of RENDERERS) expect(sameShifted(atBefore.get(renderer)!, sameFrame.get(renderer)!, 0, 0, region.width), `${renderer}: the frame before the edit is unchanged`).toBe(true);
    // A second after the edit took effect, everything that was on screen has moved on by its travel, unchanged.
    const after = frameAlignedTime(edit.at + 1000, FPS);
    const travelled = Math.round(((after - before) / 1000) * STEP);
    const atAfter = await allInStep([first, later], after);
    for (const renderer of RENDERERS) {
      expect(sameShifted(atBefore.get(renderer)!, atAfter.get(renderer)!, travelled, 0, region.width - travelled), `${renderer}: nothing on screen moved or changed`).toBe(true);
    }
    // Once it has come round again (the list loops in about 15 s), the edited item is on screen for part of each loop.
    const longer = (t: number) => allInStep([first, later], t).then((strips) => spacings(markers(strips.get('webgl')!)).some((s) => !spacingsBefore.has(s) && s > Math.max(...spacingsBefore)));
    let seen = false;
    for (let k = 0; k < 16 && !seen; k++) seen = await longer(edit.at + 40_000 + k * 1000);
    expect(seen, 'the longer, edited item').toBe(true);
  });

  it('loops seamlessly: the spacing between items repeats with the list, across the wrap', async () => {
    // How many markers are on screen depends on where the loop is: look at frames a little apart until one shows
    // at least six (five spacings), so one spacing can be checked against the same item's a list later.
    const start = frameAlignedTime(Date.now() + 60_000, FPS);
    let atLoop = await allInStep([first, later], start);
    const enough = () => RENDERERS.every((renderer) => spacings(markers(atLoop.get(renderer)!)).length >= 5);
    for (let i = 1; i <= 12 && !enough(); i++) atLoop = await allInStep([first, later], start + i * 500);
    for (const renderer of RENDERERS) {
      const found = spacings(markers(atLoop.get(renderer)!));
      expect(found.length).toBeGreaterThanOrEqual(5);
      for (let i = 4; i < found.length; i++) expect(found[i], `${renderer}: spacing ${i} repeats spacing ${i - 4}`).toBe(found[i - 4]);
      expect(new Set(found).size, 'four different items').toBe(4);
    }
  });

  it('never shows a removed item again once it has left', async () => {
    // The list loops in about 15 s and a chip takes over 19 s to cross, so one is always on screen.
    const removal = await change({ type: 'crawlRemove', id: 'result' });
    for (const strip of (await allInStep([first, later], removal.at + 500)).values()) expect(chips(strip).length, 'a result chip laid before the removal is still crossing').toBeGreaterThan(0);
    // Whatever was on screen or entering crosses it in 1920 / 100 = 19.2 s plus its own width (a chip is far under
    // 600 px: 6 s more); after that the chip must never come back.
    const clearAt = removal.at + Math.ceil(((region.width + 600) / STEP) * 1000);
    const times = Array.from({ length: 40 }, (_, k) => clearAt + k * 500); // 20 s: more than the list's whole loop
    for (const page of [...first.values(), ...later.values()]) {
      const seen = await page.evaluate((ts) => ts.filter((t) => (window.finishline!.renderAt(t), window.finishline!.texts!().some((text) => text.layer === 'crawl' && text.text === 'RESULT'))), times);
      expect(seen, 'hub times with a result chip drawn').toEqual([]);
    }
    for (const strip of (await allInStep([first, later], clearAt + 10_000)).values()) expect(chips(strip)).toEqual([]);
    await change({ type: 'crawlAdd', id: 'result', item: { kind: 'result', text: 'KIPCHOGE WINS' } });
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

describe('the crawl at other picture sizes', { timeout: 180_000 }, () => {
  it.each(FORMATS)('steps the same whole number of $format output pixels every frame, every glyph unchanged, on both renderers', async ({ format, width, height, scale, step }) => {
    expect(pixelsPerFrame(SPEED, FPS, scale)).toBe(step);
    const t0 = frameAlignedTime(Date.now() + 1000, FPS);
    await Promise.all(
      RENDERERS.map(async (renderer) => {
        const page = await open(renderer, `&format=${format}`, { width, height });

        const clip = outputStrip(scale);
        const frames: Strip[] = [];
        for (let k = 0; k < 4; k++) {
          await renderAt(page, t0 + k * FRAME);
          const png = PNG.sync.read(await page.screenshot({ omitBackground: true, clip }));
          frames.push({ width: png.width, height: png.height, data: png.data });
        }
        for (let k = 1; k < frames.length; k++) {
          expect(shiftsBetween(frames[k - 1]!, frames[k]!, 3 * step), `${renderer}: frame ${k} is frame ${k - 1} moved left by exactly ${step} px`).toEqual([step]);
        }

        // Markers sit on whole output pixels: a run of exactly markerSize x scale accent pixels, panel colour
        // either side, with no blended edge.
        const row = Math.floor((Math.round(region.y + layout.accentHeight + (region.height - layout.accentHeight) / 2 - layout.markerSize / 2) + layout.markerSize / 2) * scale) - clip.y;
        const size = Math.round(layout.markerSize * scale);
        const strip = frames[0]!;
        const pixel = (x: number, y = row): [number, number, number, number] => {
          const i = (y * strip.width + x) * 4;
          return [strip.data[i]!, strip.data[i + 1]!, strip.data[i + 2]!, strip.data[i + 3]!];
        };
        // A result chip is accent too, as high as the strip's text: a marker has panel colour above it.
        const runs = accentRuns(strip, row).filter(([x, w]) => x > 0 && x + w < strip.width && w >= size - 1 && w <= size + 1 && isColour(pixel(x + 1, row - size), defaultTheme.colours.panel));
        expect(runs.length, `${renderer}: markers on screen`).toBeGreaterThan(1);
        for (const [x, w] of runs) {
          expect(w, `${renderer}: marker at ${x} is ${size} px wide`).toBe(size);
          expect(isColour(pixel(x - 1), defaultTheme.colours.panel) && isColour(pixel(x + w), defaultTheme.colours.panel), `${renderer}: marker at ${x} has hard edges`).toBe(true);
        }
        await page.close();
      }),
    );
  });
});
