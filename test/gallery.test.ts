import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { graphicSamples } from '../src/graphics/graphicSamples';
import finishline from '../templates/themes/finishline.json';
import type { Renderer } from './harness/browser';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';

let browser: Browser;
let hub: HubProcess;
useHubAndBrowser((started) => ({ hub, browser } = started));

async function openDesigner(renderer: Renderer): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('pageerror', (error) => console.error(`gallery error: ${error.message}`));
  await page.goto(`${hub.url}/gallery.html?renderer=${renderer}`);
  await page.waitForFunction(() => window.finishline !== undefined, null, { timeout: 20_000 });
  expect(await page.evaluate(() => window.finishline!.renderer)).toBe(renderer);
  return page;
}

/** Waits two display frames, so the gallery has drawn what the controls asked for. */
const frames = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

async function seek(page: Page, t: number) {
  await page.locator('input.scrub').evaluate((input: HTMLInputElement, value) => {
    input.value = String(value);
    input.dispatchEvent(new Event('input'));
  }, t);
  await frames(page);
}

const stage = (page: Page) => page.locator('#output').screenshot();

describe.each<Renderer>(['webgl', 'canvas'])('the gallery for designers on %s', (renderer) => {
  it('lists every sample of every graphic kind', async () => {
    const page = await openDesigner(renderer);
    const listed = await page.locator('nav.samples button').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.pick));
    expect(listed).toEqual(Object.entries(graphicSamples).flatMap(([kind, samples]) => samples.map((s) => `${kind}/${s.name}`)));
    await page.close();
  });

  it('shows the same frame at a time whether it is reached forwards or by scrubbing back', async () => {
    const page = await openDesigner(renderer);
    await page.locator('nav.samples button[data-pick="nameCard/commentator"]').click();
    await seek(page, 4200); // mid-update
    const forwards = await stage(page);
    await seek(page, 1200);
    const midEnter = await stage(page);
    await seek(page, 4200);
    expect((await stage(page)).equals(forwards)).toBe(true);
    expect(midEnter.equals(forwards)).toBe(false);
    await page.close();
  });

  it('jumps to an animation phase and toggles the safe-area guides', async () => {
    const page = await openDesigner(renderer);
    await page.getByRole('button', { name: 'on-air', exact: true }).click();
    await frames(page);
    expect(await page.locator('output.clock').textContent()).toBe('3.50 s');
    const titleSafe = page.locator('[data-guides="ebu-r95"]');
    expect(await titleSafe.isVisible()).toBe(true);
    await page.getByLabel('Safe areas').uncheck();
    expect(await titleSafe.isVisible()).toBe(false);
    await page.close();
  });

  it('draws a stage smaller than 1920x1080 at its scale: each layer covers its region scaled', async () => {
    const page = await openDesigner(renderer);
    const { stage: stageBox, layer } = await page.evaluate(() => {
      const box = (element: Element) => element.getBoundingClientRect().toJSON() as DOMRect;
      return { stage: box(document.getElementById('output')!), layer: box(document.querySelector('canvas[data-layer="lowerThird"]')!) };
    });
    const scale = stageBox.width / 1920;
    expect(scale).toBeLessThan(1);
    const region = finishline.regions.lowerThird;
    // Canvases sit on whole pixels, rounded outwards: up to one pixel more on each side.
    expect(Math.abs(layer.width - region.width * scale)).toBeLessThanOrEqual(2);
    expect(Math.abs(layer.height - region.height * scale)).toBeLessThanOrEqual(2);
    expect(Math.abs(layer.left - stageBox.left - region.x * scale)).toBeLessThanOrEqual(1);
    await page.close();
  });
});
