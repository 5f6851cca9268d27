import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import theme from '../templates/themes/finishline.json';
import { grab, openOutput, renderAt, type Renderer } from './harness/browser';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';
import { openPanel, rundownItem } from './harness/panel';

const region = theme.regions.lowerThird;
const { enterSeconds, updateSeconds } = theme.timing;

let hub: HubProcess;
let browser: Browser;
useHubAndBrowser((started) => ({ hub, browser } = started));

type Image = { width: number; height: number; data: Buffer };

/** The lowerThird region of the output page as it is on screen (straight alpha). */
async function outputRegion(page: Page): Promise<Image> {
  return grab(page, region);
}

/** The same region of a panel monitor, read back at full resolution. */
async function monitorRegion(panel: Page, which: 'pvw' | 'pgm'): Promise<Image> {
  const url = await panel.evaluate(([w, r]) => window.finishlinePanel!.monitorPng(w as 'pvw' | 'pgm', r as typeof region), [which, region] as const);
  return PNG.sync.read(Buffer.from(url.replace(/^data:image\/png;base64,/, ''), 'base64'));
}

/**
 * Pixels that differ, comparing premultiplied colour (a faint edge pixel's straight colour is noise) with
 * ±2 per channel for the 8-bit round trips between premultiplied canvases and straight-alpha PNGs.
 */
function differences(a: Image, b: Image): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let count = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const alphaA = a.data[i + 3]!;
    const alphaB = b.data[i + 3]!;
    let differs = Math.abs(alphaA - alphaB) > 2;
    for (let c = 0; c < 3 && !differs; c++) differs = Math.abs((a.data[i + c]! * alphaA) / 255 - (b.data[i + c]! * alphaB) / 255) > 2;
    if (differs) count++;
  }
  return count;
}

const opaquePixels = (image: Image) => {
  let n = 0;
  for (let i = 3; i < image.data.length; i += 4) if (image.data[i]! > 0) n++;
  return n;
};

async function renderBoth(output: Page, panel: Page, t: number) {
  await renderAt(output, t);
  await panel.evaluate((time) => window.finishlinePanel!.renderAt(time), t);
}

describe.each<Renderer>(['webgl', 'canvas'])('PVW, PGM and the output page on the %s renderer', (renderer) => {
  it('agree pixel for pixel in the graphic’s region at the same manual-clock time', async () => {
    const output = await openOutput(browser, hub.url, renderer);
    const panel = await openPanel(browser, hub, `&renderer=${renderer}&clock=manual`);
    try {
      await agree(output, panel, renderer);
    } finally {
      await hub.post({ type: 'clearAll' });
      await Promise.all([output.close(), panel.close()]);
    }
  });
});

/** Takes, updates and compares PVW, PGM and the output frame by frame. */
async function agree(output: Page, panel: Page, renderer: Renderer) {
  expect(await panel.evaluate(() => window.finishlinePanel!.renderer())).toBe(renderer);
  expect(await output.evaluate(() => window.finishline!.renderer)).toBe(renderer);
  await renderBoth(output, panel, 0);

  // Cue the quote card: PVW shows it exactly as it will air.
  await rundownItem(panel, 'Steve Cram — quote').click();
  await panel.evaluate(() => window.finishlinePanel!.renderAt(0));
  const preview = await monitorRegion(panel, 'pvw');
  expect(opaquePixels(preview)).toBeGreaterThan(10_000);
  expect(opaquePixels(await monitorRegion(panel, 'pgm'))).toBe(0);

  await panel.keyboard.press('Space');
  await expect.poll(async () => (await hub.state()).onAir.lowerThird?.itemId).toBe('r5');
  const revision = (await hub.state()).revision;
  await output.waitForFunction((r) => window.finishline!.receivedRevision() === r, revision);
  await panel.waitForFunction((r) => window.finishlinePanel!.revision() === r, revision);

  const take = 10_000;
  await renderBoth(output, panel, take);
  await renderBoth(output, panel, take + (enterSeconds * 1000) / 2);
  const midEnter = await outputRegion(output);
  expect(opaquePixels(midEnter), 'mid-enter shows part of the card').toBeGreaterThan(1000);
  expect(differences(await monitorRegion(panel, 'pgm'), midEnter), 'PGM = output mid-enter').toBe(0);

  await renderBoth(output, panel, take + 3000);
  const onAir = await outputRegion(output);
  expect(differences(await monitorRegion(panel, 'pgm'), onAir), 'PGM = output on air').toBe(0);
  expect(differences(preview, onAir), 'PVW before the take = output on air').toBe(0);

  // An update in place: the same graphic animates to the new text on both.
  await panel.keyboard.press('e');
  const form = panel.getByRole('form', { name: /^Edit/ });
  await form.getByLabel('Quote').fill(`A new course record is on (${renderer}).`);
  await form.getByRole('button', { name: 'Save and update on air' }).click();
  await expect.poll(async () => (await hub.state()).onAir.lowerThird?.graphic.props.quote).toBe(`A new course record is on (${renderer}).`);
  const updated = (await hub.state()).revision;
  await output.waitForFunction((r) => window.finishline!.receivedRevision() === r, updated);
  await panel.waitForFunction((r) => window.finishlinePanel!.revision() === r, updated);
  const update = 20_000;
  await renderBoth(output, panel, update);
  await renderBoth(output, panel, update + (updateSeconds * 1000) / 4);
  expect(differences(await monitorRegion(panel, 'pgm'), await outputRegion(output)), 'PGM = output mid-update').toBe(0);
  await renderBoth(output, panel, update + 3000);
  const after = await outputRegion(output);
  expect(differences(await monitorRegion(panel, 'pgm'), after), 'PGM = output after the update').toBe(0);
  expect(differences(await monitorRegion(panel, 'pvw'), after), 'PVW shows the edited item as it now airs').toBe(0);
  expect(differences(after, onAir)).toBeGreaterThan(100);
}

describe('output confidence', () => {
  it('lists each output with its renderer and revision, and warns when one is behind or disconnected', async () => {
    const output = await openOutput(browser, hub.url, 'canvas');
    await renderAt(output, 0);
    const panel = await openPanel(browser, hub);
    const outputs = panel.getByRole('list', { name: 'Outputs' });
    const connected = outputs.getByRole('listitem').filter({ hasText: 'canvas renderer' }).filter({ hasNotText: 'DISCONNECTED' });
    await connected.waitFor();
    const row = outputs.locator(`[data-output="${await connected.getAttribute('data-output')}"]`);
    expect(await row.getAttribute('data-state')).toBe('ok');
    expect(await row.textContent()).toContain('1080p50 alpha · canvas renderer (asked for canvas) · revision');

    // The output is on a manual clock: it has not drawn the new revision, so it is behind.
    await panel.keyboard.press('Space');
    await row.filter({ hasText: /⚠ Behind: drew revision \d+, the show is at \d+/ }).waitFor();
    expect(await row.getAttribute('data-state')).toBe('warn');
    await renderAt(output, 1000, (await hub.state()).revision);
    await expect.poll(() => row.getAttribute('data-state')).toBe('ok');
    expect(await row.textContent()).toContain('On air: lowerThird: nameCard');

    await output.close();
    await row.filter({ hasText: 'DISCONNECTED' }).waitFor();
    expect(await row.getAttribute('data-state')).toBe('down');
    await hub.post({ type: 'clearAll' });
    await panel.close();
  });
});

describe('monitors that follow the outputs’ renderer', () => {
  it('keep showing PGM while they switch from canvas to WebGL', async () => {
    const panel = await openPanel(browser, hub, '&clock=manual');
    const pgm = panel.locator('.monitor-pgm .screen');
    const socket = new WebSocket(`ws://127.0.0.1:${hub.port}/ws?role=output`);
    const opened = new Promise((resolve) => socket.once('open', resolve));
    try {
      expect(await panel.evaluate(() => window.finishlinePanel!.renderer())).toBe('canvas');
      await panel.evaluate(() => window.finishlinePanel!.renderAt(10_000));
      const bare = PNG.sync.read(await pgm.screenshot()); // nothing on air: the checkerboard
      const { body } = await hub.post({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC athletics commentator' } } });
      await panel.waitForFunction((r) => window.finishlinePanel!.revision() === r, body.revision);
      await panel.evaluate(() => window.finishlinePanel!.renderAt(10_000));
      await panel.evaluate(() => window.finishlinePanel!.renderAt(13_000));
      const before = PNG.sync.read(await pgm.screenshot());
      const card = differences(before, bare);
      expect(card, 'PGM shows the name card').toBeGreaterThan(500);

      // An output that draws with WebGL: the monitors switch to it, which takes a while on this machine.
      await opened;
      const report = { type: 'rendered', revision: body.revision, renderer: 'webgl', requestedRenderer: 'auto', rendererReason: 'a test client', width: 1920, height: 1080 };
      socket.send(JSON.stringify({ ...report, fps: 50, droppedFrames: 0, onAir: [], page: 'output' }));
      const seen: number[] = [];
      // A few looks while WebGL is being made (each screenshot takes a while on a loaded machine), then the switch.
      while (seen.length < 3 && (await panel.evaluate(() => window.finishlinePanel!.renderer())) !== 'webgl') seen.push(differences(PNG.sync.read(await pgm.screenshot()), before));
      await panel.waitForFunction(() => window.finishlinePanel!.renderer() === 'webgl', null, { timeout: 30_000 });
      seen.push(differences(PNG.sync.read(await pgm.screenshot()), before));
      // Canvas and WebGL differ in a few edge pixels, scaled down; an empty monitor differs in all the card's.
      for (const [i, count] of seen.entries()) expect(count, `PGM shows the name card (look ${i + 1} of ${seen.length}; the last after the switch)`).toBeLessThan(card / 10);
    } finally {
      socket.close();
      await hub.post({ type: 'clearAll' });
      await panel.close();
    }
  });
});

