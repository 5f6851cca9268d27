import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PATTERN, syncBarX } from '../src/render/testPatternLayout';
import { grab, hex, launchBrowser, type Frame, type Renderer } from './harness/browser';
import { startStaticServer, type StaticServer } from './harness/staticServer';

// Pixel proofs of what each output mode sends to a vision mixer, on the key/fill test pattern (alpha ramps
// over colours, stepped patches, text edges over nothing). The reference is the same pattern on a transparent
// page (mode=alpha), read as straight RGBA; every other mode must follow from it pixel for pixel.

let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startStaticServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A hub time (ms) in the middle of a 50 fps frame. */
const T = 1_000_010;

let page: Page | undefined;
/** One page for the whole file: each pattern is a fresh document on it, with the browser's cache warm. */
async function openPattern(renderer: Renderer, query: string, t = T): Promise<Page> {
  const wide = query.includes('mode=keyfill');
  if (!page || page.isClosed()) {
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (error) => console.error(`test pattern error: ${error.message}`));
  }
  await page.setViewportSize({ width: wide ? 3840 : 1920, height: 1080 });
  await page.goto(`${server.url}/testpattern.html?clock=manual&renderer=${renderer}&${query}`);
  await page.waitForFunction(() => window.finishline !== undefined, null, { timeout: 20_000 });
  expect(await page.evaluate(() => window.finishline!.renderer)).toBe(renderer);
  await page.evaluate((time) => window.finishline!.renderAt(time), t);
  return page;
}

/** Each mode's frame at T, grabbed once per file: a pattern at a given time is the same frame every time it is drawn. */
const grabbed = new Map<string, Promise<Frame>>();
function grabPattern(renderer: Renderer, query: string): Promise<Frame> {
  const key = `${renderer} ${query}`;
  let frame = grabbed.get(key);
  if (!frame) {
    frame = openPattern(renderer, query).then((page) => grab(page));
    grabbed.set(key, frame);
  }
  return frame;
}

type Pixel = [number, number, number, number];

/** The caption names the mode, so it differs between pages by design: pixels are compared below it. */
const BELOW_CAPTION = TEST_PATTERN.ramps.y - 8;

/**
 * Compares every pixel below the caption of `actual` (offset by `dx`) with what `expected` derives from the
 * reference pixel. Returns the largest channel difference and where it is, and how many half-transparent
 * reference pixels (edges, ramps) were among those checked.
 */
function compare(actual: Frame, reference: Frame, expected: (ref: Pixel) => Pixel, dx = 0) {
  let worst = { diff: 0, x: 0, y: 0, got: [0, 0, 0, 0] as Pixel, want: [0, 0, 0, 0] as Pixel };
  let partial = 0;
  const ref = reference.data;
  const act = actual.data;
  const wanted = new Map<number, Pixel>(); // expected() of each reference colour, worked out once
  for (let y = BELOW_CAPTION; y < reference.height; y++) {
    for (let x = 0; x < reference.width; x++) {
      const i = (y * reference.width + x) * 4;
      const alpha = ref[i + 3]!;
      if (alpha > 0 && alpha < 255) partial++;
      const colour = ref.readUInt32BE(i);
      let want = wanted.get(colour);
      if (!want) {
        want = expected([ref[i]!, ref[i + 1]!, ref[i + 2]!, alpha]);
        wanted.set(colour, want);
      }
      const j = (y * actual.width + x + dx) * 4;
      const diff = Math.max(Math.abs(want[0] - act[j]!), Math.abs(want[1] - act[j + 1]!), Math.abs(want[2] - act[j + 2]!), Math.abs(want[3] - act[j + 3]!));
      if (diff > worst.diff) worst = { diff, x, y, got: actual.at(x + dx, y), want };
    }
  }
  return { ...worst, partial };
}

const keyOf = ([, , , a]: Pixel): Pixel => [a, a, a, 255];
const premultipliedOf = ([r, g, b, a]: Pixel): Pixel => [Math.round((r * a) / 255), Math.round((g * a) / 255), Math.round((b * a) / 255), 255];
const straightOf = ([r, g, b, a]: Pixel): Pixel => (a > 0 ? [r, g, b, 255] : [0, 0, 0, 255]);

/** The centre of step i (alpha i/255) of ramp row r. */
function rampPoint(row: number, step: number) {
  const { x, y, stepWidth, height, gap } = TEST_PATTERN.ramps;
  return { x: x + step * stepWidth + Math.floor(stepWidth / 2), y: y + row * (height + gap) + Math.floor(height / 2) };
}
const STEPS = [1, 32, 64, 128, 192, 254];

describe.each<Renderer>(['webgl', 'canvas'])('output modes on the %s renderer', (renderer) => {
  let reference: Frame;
  beforeAll(async () => {
    reference = await grabPattern(renderer, 'mode=alpha');
  });

  it('draws the ramps at alpha i/255 on a transparent page (mode=alpha)', () => {
    TEST_PATTERN.ramps.rows.forEach((row, r) => {
      for (const step of STEPS) {
        const { x, y } = rampPoint(r, step);
        const [, , , a] = reference.at(x, y);
        expect(Math.abs(a - step), `${row.name} ramp step ${step}: alpha ${a}`).toBeLessThanOrEqual(1);
      }
    });
    // Text over nothing has half-transparent edges: the pattern really tests edges.
    const text = TEST_PATTERN.text[0];
    let partial = 0;
    for (let y = text.y; y < text.y + text.size * 1.2; y++) for (let x = text.x; x < text.x + 800; x++) if (reference.at(x, y)[3] % 255 !== 0) partial++;
    expect(partial).toBeGreaterThan(500);
  });

  it('sends the alpha as grey on black for the key input (mode=key), text edges included', async () => {
    const key = await grabPattern(renderer, 'mode=key');
    const result = compare(key, reference, keyOf);
    expect(result.diff, `worst at ${result.x},${result.y}: got ${result.got}, want ${result.want}`).toBeLessThanOrEqual(1);
    expect(result.partial).toBeGreaterThan(20_000);
    TEST_PATTERN.ramps.rows.forEach((row, r) => {
      for (const step of STEPS) {
        const { x, y } = rampPoint(r, step);
        expect(Math.abs(key.at(x, y)[0] - step), `${row.name} step ${step}`).toBeLessThanOrEqual(1);
      }
    });
  });

  it('sends colour x alpha over black for a premultiplied fill (mode=fill)', async () => {
    const fill = await grabPattern(renderer, 'mode=fill');
    const result = compare(fill, reference, premultipliedOf);
    expect(result.diff, `worst at ${result.x},${result.y}: got ${result.got}, want ${result.want}`).toBeLessThanOrEqual(1);
    TEST_PATTERN.ramps.rows.forEach((row, r) => {
      const [cr, cg, cb] = hex(row.colour);
      for (const step of STEPS) {
        const { x, y } = rampPoint(r, step);
        const want = [cr, cg, cb].map((c) => (c * step) / 255);
        const got = fill.at(x, y);
        expect(Math.max(...want.map((v, c) => Math.abs(v - got[c]!))), `${row.name} step ${step}: ${got}`).toBeLessThanOrEqual(1.5);
      }
    });
  });

  it('sends the un-multiplied colour wherever alpha > 0 and black elsewhere for a straight fill (mode=fill&alpha=straight)', async () => {
    const fill = await grabPattern(renderer, 'mode=fill&alpha=straight');
    const result = compare(fill, reference, straightOf);
    expect(result.diff, `worst at ${result.x},${result.y}: got ${result.got}, want ${result.want}`).toBeLessThanOrEqual(1);
    // Full white all along the white ramp, where a premultiplied fill fades to black.
    for (const step of STEPS) {
      const { x, y } = rampPoint(0, step);
      expect(fill.at(x, y), `white step ${step}`).toEqual([255, 255, 255, 255]);
    }
    expect(fill.at(rampPoint(0, 0).x, rampPoint(0, 0).y)).toEqual([0, 0, 0, 255]);
  });

  it.each(['premultiplied', 'straight'])('puts the %s fill and its key side by side from the same render (mode=keyfill)', async (alpha) => {
    const pair = await grabPattern(renderer, `mode=keyfill&alpha=${alpha}`);
    const fill = await grabPattern(renderer, `mode=fill&alpha=${alpha}`);
    const key = await grabPattern(renderer, 'mode=key');
    expect(pair.width).toBe(3840);
    const same = (p: Pixel) => p;
    const left = compare(pair, fill, same);
    const right = compare(pair, key, same, 1920);
    expect(left.diff, `fill half differs at ${left.x},${left.y}`).toBe(0);
    expect(right.diff, `key half differs at ${right.x},${right.y}`).toBe(0);
  });

  it('keeps key and fill on the same frame while the sync marker moves', async () => {
    const page = await openPattern(renderer, 'mode=keyfill');
    const { y, barHeight, barWidth } = TEST_PATTERN.sync;
    for (let frame = 50_000; frame < 50_006; frame++) {
      await page.evaluate((t) => window.finishline!.renderAt(t), frame * 20 + 7);
      // The marker's row across both halves (a 3840x1080 capture costs ~1000 times as much).
      const row = y + barHeight / 2;
      const line = await grab(page, { x: 0, y: row, width: 3840, height: 1 });
      const shot = { at: (px: number) => line.at(px, 0) };
      const x = syncBarX(frame);
      // The bar's left edge, in both halves: fill white, key white, and nothing one pixel before it.
      expect(shot.at(x), `fill half at frame ${frame}`).toEqual([255, 255, 255, 255]);
      expect(shot.at(1920 + x), `key half at frame ${frame}`).toEqual([255, 255, 255, 255]);
      expect(shot.at(x - 1)[0]).toBe(0);
      expect(shot.at(1920 + x - 1)[0]).toBe(0);
      expect(shot.at(1920 + x + barWidth)[0]).toBe(0);
    }
  });
});
