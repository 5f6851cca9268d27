import { gsap } from 'gsap';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import theme from '../templates/themes/finishline.json';
import { openOutput, opaqueBounds, renderAt, type Renderer } from './harness/browser';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';
import { steadyGrabber, type SteadyGrabber } from './harness/steadyGrab';

// A stat card updated to a different stat cross-fades its texts; its box must change width smoothly, along
// the theme's ease, and never let a text overhang it: it widens while the old text fades out, or narrows
// once it has gone.
const region = theme.regions.centre;
const FRAME_MS = 20;
const half = (theme.timing.updateSeconds * 1000) / 2;
const ease = gsap.parseEase(theme.timing.ease);

const narrow = { value: 26.2, unit: 'mi', caption: 'to run' };
const wide = { value: 39698, unit: 'runners', caption: 'set off from Blackheath and Greenwich Park' };

let hub: HubProcess;
let browser: Browser;
useHubAndBrowser((started) => ({ hub, browser } = started));

type Texts = { text: string; left: number; right: number }[];

/**
 * One output page per renderer, kept open for both of its tests: the hub updates it (each test clears, then
 * takes), so a test costs no page load. Each test draws from a later hub time than the last one drew.
 */
const outputs = new Map<Renderer, Promise<{ page: Page; grabber: SteadyGrabber; nextT0: number }>>();
function outputFor(renderer: Renderer) {
  let output = outputs.get(renderer);
  if (!output) {
    output = openOutput(browser, hub.url, renderer).then(async (page) => ({ page, grabber: await steadyGrabber(page), nextT0: 1_000_000 }));
    outputs.set(renderer, output);
  }
  return output;
}
afterAll(async () => {
  for (const output of outputs.values()) {
    const { page, grabber } = await output.catch(() => ({ page: undefined, grabber: undefined }));
    await grabber?.release();
    await page?.close();
  }
});

/** The card's drawn width (centre region, straight alpha) and the texts on screen, at hub time t. */
async function cardAt(page: Page, grabber: SteadyGrabber, t: number, revision?: number) {
  let texts: Texts;
  if (revision === undefined) {
    // Drawn and read in one call: the texts are the frame's.
    texts = (await page.evaluate((time) => (window.finishline!.renderAt(time), window.finishline!.texts!()), t)) as Texts;
  } else {
    await renderAt(page, t, revision);
    texts = (await page.evaluate(() => window.finishline!.texts!())) as Texts;
  }
  const bounds = opaqueBounds(await grabber.grab(region))!;
  return { left: region.x + bounds.left, right: region.x + bounds.right + 1, width: bounds.right - bounds.left + 1, texts };
}

describe.each<Renderer>(['webgl', 'canvas'])('stat card changing to a different stat on the %s renderer', (renderer) => {
  it.each([
    { direction: 'widens', from: narrow, to: wide, starts: 0 },
    { direction: 'narrows', from: wide, to: narrow, starts: half },
  ])('$direction along the ease, never jumping, with no text overhanging it', async ({ from, to, starts }) => {
    const output = await outputFor(renderer);
    const { page, grabber } = output;
    const t0 = output.nextT0;
    output.nextT0 += 1_000_000;
    const cleared = (await hub.post({ type: 'clearAll' })).body.revision;
    expect(await page.evaluate(() => window.finishline!.renderer)).toBe(renderer);
    await renderAt(page, t0 - 1000, cleared);
    const take = await hub.post({ type: 'take', graphic: { kind: 'statCard', props: from } });
    await renderAt(page, t0, take.body.revision);
    const { width: w0 } = await cardAt(page, grabber, t0 + 2000); // long after the enter

    const t1 = t0 + 3000;
    const update = await hub.post({ type: 'update', layer: 'centre', graphic: { kind: 'statCard', props: to } });
    expect(update.status).toBe(200);
    const frames: { t: number; width: number; left: number; right: number; texts: Texts }[] = [];
    for (let t = t1; t <= t1 + 2 * half + FRAME_MS; t += FRAME_MS) frames.push({ t, ...(await cardAt(page, grabber, t, t === t1 ? update.body.revision : undefined)) });
    const w1 = frames.at(-1)!.width;
    expect(Math.sign(w1 - w0), 'the new stat needs a different width').toBe(Math.sign(to === wide ? 1 : -1));

    for (const { t, width, left, right, texts } of frames) {
      const progress = Math.min(1, Math.max(0, (t - t1 - starts) / half));
      const expected = w0 + (w1 - w0) * ease(progress);
      expect(Math.abs(width - expected), `width at +${t - t1} ms: ${width}, the ease says ${expected.toFixed(1)}`).toBeLessThanOrEqual(2);
      for (const text of texts) {
        expect(text.left, `"${text.text}" at +${t - t1} ms`).toBeGreaterThanOrEqual(left - 1);
        expect(text.right, `"${text.text}" at +${t - t1} ms`).toBeLessThanOrEqual(right + 1);
      }
    }
  });
});
