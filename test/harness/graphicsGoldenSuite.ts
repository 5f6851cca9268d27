import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { safeArea } from '../../src/core/index';
import { storyPhases, STORY, type StoryPhase } from '../../src/gallery/storyboard';
import { graphicSamples } from '../../src/graphics/graphicSamples';
import { contractOf, type GraphicKind } from '../../src/protocol/graphicSpec';
import { DEFAULT_THEME } from '../../src/protocol/templates/templateSet';
import { TITLE_SAFE } from '../../src/protocol/templates/safeArea';
import type { DrawnText } from '../../src/render/outputScene';
import { crop, opaqueBounds, type Frame, type Renderer } from './browser';
import { steadyGrabber, type SteadyGrabber } from './steadyGrab';
import { fontProblems } from './fontProblems';
import { useGalleryPage } from './gallery';
import { compareGolden } from './golden';
import { useHubAndBrowser } from './hubAndBrowser';
import { shippedThemes } from './shippedThemes';
import type { HubProcess } from './hubProcess';

// Every sample of every kind, in every theme, on both renderers, through its life on air in the gallery. Each
// sample is played once (a kind's samples one after another on one page) and checked for three things at once:
// - golden images: at each phase it is drawn, only inside its layer's region, and looks like its golden image;
//   nothing is left once the exit is over;
// - EBU R 95 (default theme): framed inside graphics-safe (5 % in from each edge; 96..1824 x 54..1026 at
//   1080p) on air, before and after its update;
// - text: drawn only in bundled faces (Cyrillic and Greek through the fallback after the theme's face, never as
//   boxes or in a system font), inside its layer's region and the title-safe area; and each kind's samples
//   show Cyrillic, Greek and Latin with diacritics (the athlete profile Ethiopic too).
// A graphic on the crawl layer is exempt left and right from the safe areas: a crawl runs edge to edge by design.
// Screenshots: the whole frame at a sample's first phase (nothing drawn outside its region) and after its exit
// (nothing left anywhere); every other phase is captured as its region only (a layer's canvas is its region, and
// a 1080p capture costs several times a region's), with bounds given in frame coordinates.

// Registered by graphicsGolden.webgl.test.ts and graphicsGolden.canvas.test.ts, one renderer each, so the two
// halves of the longest suite run side by side.
export function graphicsGoldenSuite(renderer: Renderer) {
  // The gallery takes its templates from a hub, like an output; this one serves the repository's templates/.
  let browser: Browser;
  let hub: HubProcess;
  useHubAndBrowser((started) => ({ hub, browser } = started));
  const openGallery = useGalleryPage(() => browser);

  const graphicsSafe = safeArea('graphics', 1920, 1080);
  const CYRILLIC = /\p{Script=Cyrillic}/u;
  const GREEK = /\p{Script=Greek}/u;
  const ETHIOPIC = /\p{Script=Ethiopic}/u;
  const LATIN_DIACRITIC = /[À-ɏ]/u;

  /** Golden images of the default theme keep their original names; other themes' sit under themes/<name>/. */
  const goldenName = (theme: string, name: string) => (theme === DEFAULT_THEME ? name : `themes/${theme}/${name}`);

  /** What to check at one time of a sample's storyboard. */
  type Checkpoint = { t: number; phase?: StoryPhase['phase']; safe?: true; text?: true };

  // A theme is data (colours, faces, regions, timing) drawn by the same code on either renderer: every shipped
  // theme is checked on canvas (the renderer playouts such as CasparCG use), and WebGL's own drawing on every kind
  // and sample in the default theme. (WebGL in both themes cost ~2 minutes of CI on a 2-core machine.)
  const themes = renderer === 'canvas' ? shippedThemes : shippedThemes.filter((t) => t.name === DEFAULT_THEME);
  for (const { name: themeName, theme } of themes) {
    for (const [kind, samples] of Object.entries(graphicSamples)) {
      const layer = contractOf(kind as GraphicKind).layer;
      const region = theme.regions[layer];
      const edgeToEdge = layer === 'crawl';
      const checksSafe = themeName === DEFAULT_THEME;
      const title = `matches every sample's golden images at each phase, inside its region${checksSafe ? ' and graphics-safe' : ''}, its text in bundled faces inside title-safe`;
      describe(`${kind} in the ${themeName} theme on ${renderer}`, () => {
        it(title, { timeout: 300_000 }, async () => {
          const failures: string[] = [];
          const expectGraphicsSafe = ({ left, top, right, bottom }: { left: number; top: number; right: number; bottom: number }, where: string) => {
            expect(top, `${where}: top inside graphics-safe`).toBeGreaterThanOrEqual(graphicsSafe.y);
            expect(bottom, `${where}: bottom inside graphics-safe`).toBeLessThan(graphicsSafe.y + graphicsSafe.height);
            if (edgeToEdge) return;
            expect(left, `${where}: left inside graphics-safe`).toBeGreaterThanOrEqual(graphicsSafe.x);
            expect(right, `${where}: right inside graphics-safe`).toBeLessThan(graphicsSafe.x + graphicsSafe.width);
          };
          const scripts = { cyrillic: false, greek: false, latin: false };
          let ethiopic = false;
          /** The frame's opaque bounds, from its region only; null when nothing is drawn there. */
          const regionBounds = (frame: Frame) => {
            const bounds = opaqueBounds(frame);
            return bounds && { left: bounds.left + region.x, top: bounds.top + region.y, right: bounds.right + region.x, bottom: bounds.bottom + region.y };
          };
          // One page for the kind's samples: the first opens it, each next one is played on it from the start
          // (window.finishline.loadSample), as a page opened on it would play it, on the renderer already up.
          // Its frames are captured over a transparent background set once for the page (steadyGrab.ts).
          let page: Page | undefined;
          let grabber: SteadyGrabber | undefined;
          const play = async (name: string) => {
            if (!page) {
              page = await openGallery(`${hub.url}/gallery.html?kind=${kind}&sample=${name}&renderer=${renderer}&theme=${themeName}`);
              expect(await page.evaluate(() => window.finishline!.renderer)).toBe(renderer);
              grabber = await steadyGrabber(page);
            } else await page.evaluate(({ k, n }) => window.finishline!.loadSample!(k, n), { k: kind, n: name });
            return page;
          };
          try {
            for (const sample of samples) {
              let wholeFrameChecked = false;
              let playedOnAir: Frame | undefined;
              const page = await play(sample.name);
              const updated = Boolean(sample.update || sample.updateShow);
              const checkpoints = new Map<number, Checkpoint>();
              const at = (t: number, check: Omit<Checkpoint, 't'>) => checkpoints.set(t, { ...checkpoints.get(t), ...check, t });
              for (const { phase, t, needsUpdate } of storyPhases(theme.timing)) if (!needsUpdate || updated) at(t, { phase });
              // Graphics-safe where a phase is drawn anyway (on air, after the update). A sample with no update gets
              // a play of its own for its time before the clear (below): an extra frame here could change the
              // frames after it (the crawl moves on from the frames it has drawn) and so its golden images.
              if (checksSafe) for (const t of updated ? [STORY.update - 500, STORY.clear - 500] : [STORY.update - 500]) at(t, { safe: true });
              for (const t of updated ? [STORY.update - 500, STORY.clear - 500] : [STORY.update - 500]) at(t, { text: true });

              for (const { t, phase, safe, text } of [...checkpoints.values()].sort((a, b) => a.t - b.t)) {
                const where = `${sample.name} at ${t} ms${phase ? ` (${phase})` : ''}`;
                await page.evaluate((time) => window.finishline!.renderAt(time), t);
                if (phase || safe) {
                  let frame: Frame;
                  if (phase !== undefined && !wholeFrameChecked) {
                    // Drawn only inside its layer's region: the whole frame's bounds are its region's.
                    wholeFrameChecked = true;
                    const whole = await grabber!.grab();
                    frame = crop(whole, region);
                    expect(opaqueBounds(whole), `${where}: inside the region`).toEqual(regionBounds(frame));
                  } else {
                    frame = await grabber!.grab(region);
                  }
                  if (phase === 'on-air') playedOnAir = frame;
                  const bounds = regionBounds(frame);
                  expect(bounds, `${where}: something is drawn`).not.toBeNull();
                  if (phase) {
                    // As its golden image.
                    const result = compareGolden(frame, goldenName(themeName, `${kind}/${sample.name}.${phase}.${renderer}`));
                    if (!result.ok) failures.push(result.message);
                  }
                  if (safe) expectGraphicsSafe(bounds!, where);
                }
                if (text) {
                  const texts = ((await page.evaluate(() => window.finishline!.texts!())) as DrawnText[]).filter((drawn) => drawn.text.trim() !== '');
                  expect(texts.length, `${where}: texts on screen`).toBeGreaterThan(0);
                  expect(await fontProblems(page, texts), where).toEqual([]);
                  for (const drawn of texts) {
                    scripts.cyrillic ||= CYRILLIC.test(drawn.text);
                    scripts.greek ||= GREEK.test(drawn.text);
                    scripts.latin ||= LATIN_DIACRITIC.test(drawn.text);
                    ethiopic ||= ETHIOPIC.test(drawn.text);
                    const box = `${where}: "${drawn.text}" at ${[drawn.left, drawn.top, drawn.right, drawn.bottom].map(Math.round).join(', ')}`;
                    expect(drawn.top, box).toBeGreaterThanOrEqual(Math.max(region.y, TITLE_SAFE.y));
                    expect(drawn.bottom, box).toBeLessThanOrEqual(Math.min(region.y + region.height, TITLE_SAFE.y + TITLE_SAFE.height));
                    if (edgeToEdge) continue;
                    expect(drawn.left, box).toBeGreaterThanOrEqual(Math.max(region.x, TITLE_SAFE.x));
                    expect(drawn.right, box).toBeLessThanOrEqual(Math.min(region.x + region.width, TITLE_SAFE.x + TITLE_SAFE.width));
                  }
                }
              }
              // Nothing left once the exit is over.
              await page.evaluate((time) => window.finishline!.renderAt(time), STORY.end);
              expect(opaqueBounds(await grabber!.grab()), `${sample.name}: nothing left after the exit`).toBeNull();
              // A page loaded while it is on air draws it at once, as built, with no enter: the very pixels its enter ends on.
              await page.evaluate((time) => window.finishline!.renderInstantlyAt!(time), STORY.update - 500);
              const shownAtOnce = await grabber!.grab(region);
              const differing = countDifferentPixels(shownAtOnce, playedOnAir!);
              if (differing > 0) failures.push(`${sample.name} shown at once (a page loaded on air): ${differing} pixels differ from its played enter's on-air frame`);
              // Safe areas are layout, the same on both renderers: the extra play for a sample with no update is canvas's.
              if (checksSafe && !updated && renderer === 'canvas') {
                const again = await play(sample.name);
                for (const t of [STORY.update - 500, STORY.clear - 500]) {
                  await again.evaluate((time) => window.finishline!.renderAt(time), t);
                  const bounds = regionBounds(await grabber!.grab(region));
                  expect(bounds, `${sample.name} at ${t} ms: something is drawn`).not.toBeNull();
                  expectGraphicsSafe(bounds!, `${sample.name} at ${t} ms`);
                }
              }
            }
          } finally {
            await grabber?.release();
          }
          expect(failures).toEqual([]);
          expect(scripts, 'the samples show Cyrillic, Greek and Latin with diacritics').toEqual({ cyrillic: true, greek: true, latin: true });
          // Ge'ez (Ethiopian names) is shown by the athlete profile's samples, from the bundled Noto Sans Ethiopic.
          if (kind === 'athleteProfile') expect(ethiopic, 'the athlete profile samples show Ethiopic').toBe(true);
        });
      });
    }
  }
}

function countDifferentPixels(a: Frame, b: Frame): number {
  if (a.width !== b.width || a.height !== b.height) return a.width * a.height;
  let different = 0;
  for (let i = 0; i < a.data.length; i += 4) if (a.data.readUInt32LE(i) !== b.data.readUInt32LE(i)) different++;
  return different;
}
