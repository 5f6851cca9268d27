import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { storyPhases, STORY } from '../src/gallery/storyboard';
import { graphicSamples } from '../src/graphics/graphicSamples';
import { contractOf, type GraphicKind } from '../src/protocol/graphicSpec';
import { crop, grab, opaqueBounds, type Renderer } from './harness/browser';
import { useGalleryPage } from './harness/gallery';
import { compareGolden } from './harness/golden';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import { shippedThemes } from './harness/shippedThemes';
import type { HubProcess } from './harness/hubProcess';

// The gallery takes its templates from a hub, like an output; this one serves the repository's templates/.
let browser: Browser;
let hub: HubProcess;
useHubAndBrowser((started) => ({ hub, browser } = started));

/** Golden images of the default theme keep their original names; other themes' sit under themes/<name>/. */
const goldenName = (theme: string, name: string) => (theme === 'finishline' ? name : `themes/${theme}/${name}`);

const openGallery = useGalleryPage(() => browser);
const openSample = (kind: string, sample: string, renderer: Renderer, theme: string): Promise<Page> =>
  openGallery(`${hub.url}/gallery.html?kind=${kind}&sample=${sample}&renderer=${renderer}&theme=${theme}`);

for (const { name: themeName, theme } of shippedThemes) {
  for (const [kind, samples] of Object.entries(graphicSamples)) {
    const region = theme.regions[contractOf(kind as GraphicKind).layer];
    describe.each<Renderer>(['webgl', 'canvas'])(`${kind} golden images in the ${themeName} theme on %s`, (renderer) => {
      it.each(samples.map((s) => [s.name, s] as const))('matches the golden images for sample %s at each phase', async (name, sample) => {
        const page = await openSample(kind, name, renderer, themeName);
        expect(await page.evaluate(() => window.finishline!.renderer)).toBe(renderer);
        const failures: string[] = [];
        for (const { phase, t, needsUpdate } of storyPhases(theme.timing)) {
          if (needsUpdate && !sample.update && !sample.updateShow) continue;
          await page.evaluate((time) => window.finishline!.renderAt(time), t);
          const frame = await grab(page);
          const bounds = opaqueBounds(frame);
          // Drawn, and only inside its layer's region.
          expect(bounds, `${phase}: something is drawn`).not.toBeNull();
          expect(bounds!.left >= region.x && bounds!.top >= region.y, `${phase}: inside the region`).toBe(true);
          expect(bounds!.right < region.x + region.width && bounds!.bottom < region.y + region.height, `${phase}: inside the region`).toBe(true);
          const result = compareGolden(crop(frame, region), goldenName(themeName, `${kind}/${name}.${phase}.${renderer}`));
          if (!result.ok) failures.push(result.message);
        }
        // Nothing left once the exit is over.
        await page.evaluate((time) => window.finishline!.renderAt(time), STORY.end);
        expect(opaqueBounds(await grab(page))).toBeNull();
        expect(failures).toEqual([]);
      });
    });
  }
}
