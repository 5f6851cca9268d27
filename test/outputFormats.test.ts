import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameIndex, frameStart } from '../src/core/index';
import { grab, opaqueBounds, renderAt, type Frame, type Renderer } from './harness/browser';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';

const cram = { type: 'take', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC athletics commentator on BBC One' } } };

let hub: HubProcess;
let browser: Browser;
let revision: number;
useHubAndBrowser(async (started) => {
  ({ hub, browser } = started);
  revision = (await hub.post(cram)).body.revision;
});

/** Opens an output with nothing on air and takes the name card at hub time t0, so its enter plays from t0. */
async function takeAt(renderer: Renderer, query: string, t0: number, viewport?: { width: number; height: number }): Promise<Page> {
  const cleared = await hub.post({ type: 'clearAll' });
  const page = await openOutput(renderer, query, viewport);
  await renderAt(page, t0 - 1000, cleared.body.revision); // the page's first snapshot is shown as it is: empty
  const take = await hub.post(cram);
  await renderAt(page, t0, take.body.revision);
  return page;
}

/** An output on the manual clock, with a viewport the size of its page. */
async function openOutput(renderer: Renderer, query: string, viewport = { width: 1920, height: 1080 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (error) => console.error(`output page error: ${error.message}`));
  await page.goto(`${hub.url}/output.html?renderer=${renderer}&clock=manual&${query}`);
  await page.waitForFunction(() => window.finishline?.receivedRevision() != null, null, { timeout: 20_000 });
  expect(await page.evaluate(() => window.finishline!.renderer)).toBe(renderer);
  return page;
}

async function grabOnAir(renderer: Renderer, query: string, viewport?: { width: number; height: number }): Promise<Frame> {
  const page = await openOutput(renderer, query, viewport);
  await renderAt(page, 100_000, revision);
  const frame = await grab(page);
  await page.close();
  return frame;
}

const alphaAt = (frame: Frame, x: number, y: number) => frame.at(x, y)[3];

describe.each<Renderer>(['webgl', 'canvas'])('output formats on the %s renderer', (renderer) => {
  let hd: { left: number; top: number; right: number; bottom: number };
  beforeAll(async () => {
    hd = opaqueBounds(await grabOnAir(renderer, ''))!;
  });

  it('draws the name card at twice the size on a 2160p output, every edge on whole pixels', async () => {
    const uhd = await grabOnAir(renderer, 'format=2160p50', { width: 3840, height: 2160 });
    const bounds = opaqueBounds(uhd)!;
    expect(bounds).toEqual({ left: hd.left * 2, top: hd.top * 2, right: hd.right * 2 + 1, bottom: hd.bottom * 2 + 1 });
    const midY = (bounds.top + bounds.bottom) >> 1;
    const midX = (bounds.left + bounds.right) >> 1;
    expect([alphaAt(uhd, bounds.left - 1, midY), alphaAt(uhd, bounds.left, midY)]).toEqual([0, 255]);
    expect([alphaAt(uhd, bounds.right, bounds.top + 4), alphaAt(uhd, bounds.right + 1, bounds.top + 4)]).toEqual([255, 0]);
    expect([alphaAt(uhd, midX, bounds.top - 1), alphaAt(uhd, midX, bounds.top)]).toEqual([0, 255]);
    expect([alphaAt(uhd, midX, bounds.bottom), alphaAt(uhd, midX, bounds.bottom + 1)]).toEqual([255, 0]);
  });

  it('draws the name card at 2/3 scale on a 720p output, every edge on the output pixel nearest the scaled design', async () => {
    const sd = await grabOnAir(renderer, 'format=720p50', { width: 1280, height: 720 });
    const bounds = opaqueBounds(sd)!;
    // Left and top are on the 3-pixel design grid (96 -> 64, 726 -> 484), so they land exactly and crisp.
    expect(bounds.left).toBe((hd.left * 2) / 3);
    expect(bounds.top).toBe((hd.top * 2) / 3);
    // Right and bottom fall a third of the way into a pixel (683 -> 455.33, 860 -> 573.33): both renderers
    // round each edge to the nearest whole pixel, with no anti-aliased row or column past it.
    const right = Math.round(((hd.right + 1) * 2) / 3);
    const bottom = Math.round(((hd.bottom + 1) * 2) / 3);
    expect(bounds).toEqual({ left: bounds.left, top: bounds.top, right: right - 1, bottom: bottom - 1 });
    const midY = (bounds.top + bounds.bottom) >> 1;
    const midX = (bounds.left + bounds.right) >> 1;
    expect([alphaAt(sd, bounds.left - 1, midY), alphaAt(sd, bounds.left, midY)]).toEqual([0, 255]);
    expect([alphaAt(sd, midX, bounds.top - 1), alphaAt(sd, midX, bounds.top)]).toEqual([0, 255]);
    expect([alphaAt(sd, right - 1, bounds.top + 4), alphaAt(sd, right, bounds.top + 4)]).toEqual([255, 0]);
    expect([alphaAt(sd, midX, bottom - 1), alphaAt(sd, midX, bottom)]).toEqual([255, 0]);
  });

  it('draws a stat card and a name card at 720p with every edge on a whole output pixel, on canvases of the exact scaled region size', async () => {
    const stat = await hub.post({ type: 'take', graphic: { kind: 'statCard', props: { value: 39698, unit: '', caption: 'runners were set to start' } } });
    const page = await openOutput(renderer, 'format=720p50', { width: 1280, height: 720 });
    await renderAt(page, 100_000, stat.body.revision);
    const sd = await grab(page);
    const canvases = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll<HTMLCanvasElement>('canvas[data-layer]')].map((c) => [c.dataset.layer, [c.width, c.height]])));
    await page.close();
    await hub.post({ type: 'clear', layer: 'centre' });
    revision = (await hub.state()).revision;
    // Regions at 2/3, each edge rounded: centre 360,280 1200x600 -> 240,186.67 800x400 -> 240,187 800x400.
    expect(canvases.centre).toEqual([800, 400]);
    expect(canvases.lowerThird).toEqual([934, 157]); // 80,640 1400x236 -> 53.33..986.67 x 426.67..584
    // Both cards are opaque panels with their texts inside: at 1080p no pixel is partly transparent, nor at 720p.
    let partial = 0;
    for (let i = 3; i < sd.data.length; i += 4) if (sd.data[i]! > 0 && sd.data[i]! < 255) partial++;
    expect(partial).toBe(0);
    // The name card ends at design y 860 (573.33): its accent bar, panel and strip all end on row 572.
    for (const x of [64, 71, 72, 200]) expect([alphaAt(sd, x, 572), alphaAt(sd, x, 573)], `x ${x}`).toEqual([255, 0]);
    // The stat card, centred on x 640, ends on row 466 (where the canvas renderer left a row at alpha 191).
    expect([alphaAt(sd, 640, 466), alphaAt(sd, 640, 467)]).toEqual([255, 0]);
  });

  it('draws 29.97 fps frames at their exact start times, 30000/1001 apart', async () => {
    const fps = 29.97;
    const t0 = frameStart(3000, fps, 1000); // 100 100 ms
    const page = await takeAt(renderer, 'format=1080p29.97', t0);
    // 300.2 ms into the enter is still frame 8 at 29.97 (frame 9 starts at 300.3 ms; at 30 fps it would be 300).
    expect(frameIndex(t0 + 300.2, fps, 1000) - 3000).toBe(8);
    await renderAt(page, frameStart(3008, fps, 1000));
    const frameEight = await grab(page);
    await renderAt(page, t0 + 300.2);
    expect(Buffer.compare((await grab(page)).data, frameEight.data), 'a time inside frame 8 draws frame 8').toBe(0);
    await renderAt(page, frameStart(3009, fps, 1000));
    expect(Buffer.compare((await grab(page)).data, frameEight.data), 'frame 9 has moved on').not.toBe(0);
    await page.close();
    revision = (await hub.state()).revision;
  });

  it('puts the key of a name card mid-enter beside its fill, both from the frame a transparent output draws', async () => {
    // Only rows 600-899 (the name card) are compared: just those are grabbed.
    const ROWS = { y: 600, height: 300 };
    const at = async (query: string, viewport?: { width: number; height: number }) => {
      const page = await takeAt(renderer, query, 200_000, viewport);
      await renderAt(page, 200_300); // panel and strip still growing: their moving right edges are half-transparent
      const frame = await grab(page, { x: 0, ...ROWS, width: viewport?.width ?? 1920 });
      await page.close();
      return frame;
    };
    const alpha = await at('');
    const pair = await at('mode=keyfill', { width: 3840, height: 1080 });
    let checked = 0;
    let worst = 0;
    expect([alpha.width, alpha.height, pair.width, pair.height]).toEqual([1920, ROWS.height, 3840, ROWS.height]);
    for (let y = 0; y < ROWS.height; y++) {
      for (let x = 0; x < 1920; x++) {
        const i = (y * alpha.width + x) * 4;
        const [r, g, b, a] = [alpha.data[i]!, alpha.data[i + 1]!, alpha.data[i + 2]!, alpha.data[i + 3]!];
        if (a > 0 && a < 255) checked++;
        const fill = (y * pair.width + x) * 4; // the fill, then the key 1920 pixels to its right
        const key = fill + 1920 * 4;
        const want = [(r * a) / 255, (g * a) / 255, (b * a) / 255, 255, a, a, a, 255];
        for (let c = 0; c < 4; c++) {
          worst = Math.max(worst, Math.abs(want[c]! - pair.data[fill + c]!), Math.abs(want[4 + c]! - pair.data[key + c]!));
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(worst).toBeLessThanOrEqual(1.5);
    revision = (await hub.state()).revision;
  });

  it('shows no safe-area guides unless asked, and EBU R 95 guides with guides=1', async () => {
    await hub.post({ type: 'clearAll' });
    const plain = await openOutput(renderer, '');
    await renderAt(plain, 300_000, (await hub.state()).revision);
    expect(opaqueBounds(await grab(plain))).toBeNull();
    await plain.close();

    const guided = await openOutput(renderer, 'guides=1');
    await renderAt(guided, 300_000);
    // Only row 540 and column 67 are examined: just those are grabbed.
    const row = await grab(guided, { x: 0, y: 540, width: 1920, height: 1 });
    const column = await grab(guided, { x: 67, y: 0, width: 1, height: 1080 });
    // Graphics-safe (5 %) is a cyan line whose outer edge is at x = 96; action-safe (3.5 %) amber at x = 67.
    expect(row.at(96, 0)).toEqual([0, 224, 255, 255]);
    expect(row.at(95, 0)[3]).toBe(0);
    expect(row.at(1823, 0)).toEqual([0, 224, 255, 255]);
    const amber = Array.from({ length: 1080 }, (_, y) => column.at(0, y)).filter(([r, g, b, a]) => r === 255 && g === 176 && b === 0 && a === 255);
    expect(amber.length).toBeGreaterThan(300);
    await guided.close();
    revision = (await hub.post(cram)).body.revision;
  });

  it('reports its mode, format, frame rate, dropped frames and revision to the hub, and the panel lists them', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${hub.url}/output.html?renderer=${renderer}&format=720p25&mode=key`);
    const mine = async () => {
      const { outputs } = (await (await fetch(`${hub.url}/api/outputs`)).json()) as { outputs: { connected: boolean; report: any }[] };
      return outputs.find((o) => o.connected && o.report?.mode === 'key' && o.report.renderer === renderer)?.report ?? null;
    };
    // Live clock: the page measures its own frames and reports once a second.
    await expect.poll(async () => (await mine())?.frameIntervalMs != null && (await mine())?.fps > 0, { timeout: 20_000 }).toBe(true);
    const report = await mine();
    expect(report).toMatchObject({ format: '720p25', targetFps: 25, width: 1280, height: 720, alpha: 'premultiplied', revision: (await hub.state()).revision });
    expect(Number.isInteger(report.droppedFrames)).toBe(true);
    expect(Object.keys(report.frameIntervalMs).sort()).toEqual(['max', 'p50', 'p95', 'p99']);

    const panel = await browser.newPage();
    await panel.goto(`${hub.url}/?token=${hub.token}`);
    await panel.locator('#outputs li', { hasText: `720p25 key · ${renderer} renderer` }).first().waitFor();
    const row = panel.locator('#outputs li', { hasText: `720p25 key · ${renderer} renderer` }).first();
    expect(await row.locator('[data-health]').textContent()).toMatch(/^[\d.]+ fps for 25 · \d+ dropped · frame interval p95 [\d.]+ ms, max [\d.]+ ms$/);
    await Promise.all([panel.close(), page.close()]);
  });
});
