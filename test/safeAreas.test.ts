import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { safeArea } from '../src/core/index';
import { STORY } from '../src/gallery/storyboard';
import { graphicSamples } from '../src/graphics/graphicSamples';
import { contractOf, type GraphicKind } from '../src/protocol/graphicSpec';
import type { LayerId } from '../src/protocol/layers';
import { grab, opaqueBounds, type Renderer } from './harness/browser';
import { useGalleryPage } from './harness/gallery';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';

// EBU R 95: every graphic is framed inside graphics-safe (5 % in from each edge; 96..1824 x 54..1026 at
// 1080p). Checked on what each sample actually draws on air, before and after its update. A graphic on the
// crawl layer is exempt left and right only: a crawl runs edge to edge by design.
const safe = safeArea('graphics', 1920, 1080);

let browser: Browser;
let hub: HubProcess;
useHubAndBrowser((started) => ({ hub, browser } = started));
const openGallery = useGalleryPage(() => browser);

const cases = Object.entries(graphicSamples).flatMap(([kind, samples]) => samples.map((sample) => ({ kind, sample })));

describe.each<Renderer>(['webgl', 'canvas'])('graphics inside EBU R 95 graphics-safe on %s', (renderer) => {
  it.each(cases.map((c) => [`${c.kind}/${c.sample.name}`, c] as const))('keeps %s inside graphics-safe', async (_name, { kind, sample }) => {
    const page = await openGallery(`${hub.url}/gallery.html?kind=${kind}&sample=${sample.name}&renderer=${renderer}`);
    expect(await page.evaluate(() => window.finishline!.renderer)).toBe(renderer);
    const layer = contractOf(kind as GraphicKind).layer as LayerId;
    const edgeToEdge = layer === 'crawl';
    for (const t of [STORY.update - 500, STORY.clear - 500]) {
      await page.evaluate((time) => window.finishline!.renderAt(time), t);
      const bounds = opaqueBounds(await grab(page));
      expect(bounds, `something is on air at ${t} ms`).not.toBeNull();
      const { left, top, right, bottom } = bounds!;
      expect(top, `top at ${t} ms`).toBeGreaterThanOrEqual(safe.y);
      expect(bottom, `bottom at ${t} ms`).toBeLessThan(safe.y + safe.height);
      if (edgeToEdge) continue;
      expect(left, `left at ${t} ms`).toBeGreaterThanOrEqual(safe.x);
      expect(right, `right at ${t} ms`).toBeLessThan(safe.x + safe.width);
    }
  });
});
