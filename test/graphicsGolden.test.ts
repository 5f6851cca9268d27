import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORY } from '../src/gallery/storyboard';
import { graphicSamples } from '../src/graphics/graphicSamples';
import { contractOf, type GraphicKind } from '../src/protocol/graphicSpec';
import theme from '../templates/themes/finishline.json';
import { grab, launchBrowser, opaqueBounds, type Renderer } from './harness/browser';
import { compareGolden } from './harness/golden';
import { startStaticServer, type StaticServer } from './harness/staticServer';

let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startStaticServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const { enterSeconds, exitSeconds, updateSeconds } = theme.timing;
const phases = [
  { phase: 'mid-enter', t: STORY.take + (enterSeconds * 1000) / 2 },
  { phase: 'on-air', t: STORY.update - 500 },
  { phase: 'mid-update', t: STORY.update + (updateSeconds * 1000) / 2, needsUpdate: true },
  { phase: 'after-update', t: STORY.clear - 500, needsUpdate: true },
  { phase: 'mid-exit', t: STORY.clear + (exitSeconds * 1000) / 2 },
];

async function openSample(kind: string, sample: string, renderer: Renderer): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  page.on('pageerror', (error) => console.error(`gallery error: ${error.message}`));
  await page.goto(`${server.url}/gallery.html?kind=${kind}&sample=${sample}&renderer=${renderer}`);
  await page.waitForFunction(() => window.finishline !== undefined, null, { timeout: 20_000 });
  return page;
}

for (const [kind, samples] of Object.entries(graphicSamples)) {
  const region = theme.regions[contractOf(kind as GraphicKind).layer];
  describe.each<Renderer>(['webgl', 'canvas'])(`${kind} golden images on %s`, (renderer) => {
    it.each(samples.map((s) => [s.name, s] as const))('matches the golden images for sample %s at each phase', async (name, sample) => {
      const page = await openSample(kind, name, renderer);
      expect(await page.evaluate(() => window.finishline!.renderer)).toBe(renderer);
      const failures: string[] = [];
      for (const { phase, t, needsUpdate } of phases) {
        if (needsUpdate && !sample.update && !sample.updateShow) continue;
        await page.evaluate((time) => window.finishline!.renderAt(time), t);
        const bounds = opaqueBounds(await grab(page));
        // Drawn, and only inside its layer's region.
        expect(bounds, `${phase}: something is drawn`).not.toBeNull();
        expect(bounds!.left >= region.x && bounds!.top >= region.y, `${phase}: inside the region`).toBe(true);
        expect(bounds!.right < region.x + region.width && bounds!.bottom < region.y + region.height, `${phase}: inside the region`).toBe(true);
        const png = await page.screenshot({ omitBackground: true, clip: { x: region.x, y: region.y, width: region.width, height: region.height } });
        const result = compareGolden(png, `${kind}/${name}.${phase}.${renderer}`);
        if (!result.ok) failures.push(result.message);
      }
      // Nothing left once the exit is over.
      await page.evaluate((time) => window.finishline!.renderAt(time), STORY.end);
      expect(opaqueBounds(await grab(page))).toBeNull();
      expect(failures).toEqual([]);
      await page.close();
    });
  });
}
