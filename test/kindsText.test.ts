import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { STORY } from '../src/gallery/storyboard';
import { graphicSamples } from '../src/graphics/graphicSamples';
import { contractOf, type GraphicKind } from '../src/protocol/graphicSpec';
import { TITLE_SAFE } from '../src/protocol/templates/safeArea';
import type { DrawnText } from '../src/render/outputScene';
import type { Renderer } from './harness/browser';
import { useGalleryPage } from './harness/gallery';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import { shippedThemes } from './harness/shippedThemes';
import type { HubProcess } from './harness/hubProcess';

// Every kind's text, in every sample and theme: drawn only in bundled faces (Cyrillic and Greek through the
// fallback after the theme's face, never as boxes or in a system font), and inside its layer's region and
// the title-safe area. The crawl runs edge to edge by design, so only its top and bottom are checked.
let browser: Browser;
let hub: HubProcess;
useHubAndBrowser((started) => ({ hub, browser } = started));
const openGallery = useGalleryPage(() => browser);

const CYRILLIC = /\p{Script=Cyrillic}/u;
const GREEK = /\p{Script=Greek}/u;
const ETHIOPIC = /\p{Script=Ethiopic}/u;
const LATIN_DIACRITIC = /[À-ɏ]/u;

/**
 * For every text: that it was laid out in the faces it names. For every character drawn: the first family of its text's stack whose bundled face covers it (by the
 * face's unicode-range, loaded), that the text is measured exactly as in that face alone, and that the face
 * really has the glyph (the same width whichever system font the browser would otherwise fall back to).
 */
function fontProblems(page: Page, texts: DrawnText[]): Promise<string[]> {
  return page.evaluate((drawn) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    const width = (font: string, text: string) => {
      ctx.font = font;
      return ctx.measureText(text).width;
    };
    const unquote = (family: string) => family.replace(/^["']|["']$/g, '');
    const ranges = (range: string) =>
      range.split(',').map((part) => {
        const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
        return [Number.parseInt(from!.replaceAll('?', '0'), 16), Number.parseInt(to!.replaceAll('?', 'F'), 16)] as const;
      });
    const loaded = [...document.fonts].filter((face) => face.status === 'loaded');
    const covers = (family: string, codePoint: number) =>
      loaded.some((face) => unquote(face.family) === family && ranges(face.unicodeRange).some(([a, b]) => codePoint >= a && codePoint <= b));
    const problems: string[] = [];
    for (const text of drawn) {
      const font = (families: string) => `${text.fontWeight} ${text.fontSize}px ${families}`;
      const stack = font(text.fontFamily.map((f) => `"${f}"`).join(', '));
      // Laid out with the faces it is drawn in: a face that loaded only after the text was measured (and
      // drawn in a system font meanwhile) leaves it a different width from what it measures now. Pixi's
      // measure: the advance or the ink, whichever is wider, of its widest line.
      ctx.font = stack;
      const lineWidth = (line: string) => {
        const metrics = ctx.measureText(line);
        return Math.max(metrics.width, metrics.actualBoundingBoxLeft + metrics.actualBoundingBoxRight);
      };
      const expected = Math.max(...text.text.split('\n').map(lineWidth));
      const laidOut = (text.right - text.left) / text.scaleX;
      if (Math.abs(laidOut - expected) > 1) problems.push(`"${text.text}" was laid out ${laidOut.toFixed(1)} px wide, but is ${expected.toFixed(1)} px in its faces`);
      for (const char of new Set(text.text)) {
        if (/\s/u.test(char)) continue;
        const family = text.fontFamily.find((f) => covers(f, char.codePointAt(0)!));
        if (!family) {
          problems.push(`"${char}" of "${text.text}": no bundled face among ${text.fontFamily.join(', ')}`);
          continue;
        }
        if (width(stack, char) !== width(font(`"${family}"`), char)) problems.push(`"${char}" of "${text.text}" is not drawn in ${family}`);
        if (width(font(`"${family}", monospace`), char) !== width(font(`"${family}", serif`), char)) {
          problems.push(`"${char}" of "${text.text}": ${family} has no glyph for it`);
        }
      }
    }
    return problems;
  }, texts);
}

describe.each<Renderer>(['webgl', 'canvas'])('text of every kind on the %s renderer', (renderer) => {
  for (const { name: themeName, theme } of shippedThemes) {
    it.each(Object.keys(graphicSamples))(`draws %s text in bundled faces, inside its region and title-safe (${themeName} theme)`, async (kind) => {
      const layer = contractOf(kind as GraphicKind).layer;
      const region = theme.regions[layer];
      const edgeToEdge = layer === 'crawl';
      const scripts = { cyrillic: false, greek: false, latin: false };
      let ethiopic = false;
      for (const sample of graphicSamples[kind]!) {
        const page = await openGallery(`${hub.url}/gallery.html?kind=${kind}&sample=${sample.name}&renderer=${renderer}&theme=${themeName}`);
        expect(await page.evaluate(() => window.finishline!.renderer)).toBe(renderer);
        const times = sample.update || sample.updateShow ? [STORY.update - 500, STORY.clear - 500] : [STORY.update - 500];
        for (const t of times) {
          const at = `${sample.name} at ${t} ms`;
          await page.evaluate((time) => window.finishline!.renderAt(time), t);
          const texts = ((await page.evaluate(() => window.finishline!.texts!())) as DrawnText[]).filter((text) => text.text.trim() !== '');
          expect(texts.length, `${at}: texts on screen`).toBeGreaterThan(0);
          expect(await fontProblems(page, texts), at).toEqual([]);
          for (const text of texts) {
            scripts.cyrillic ||= CYRILLIC.test(text.text);
            scripts.greek ||= GREEK.test(text.text);
            scripts.latin ||= LATIN_DIACRITIC.test(text.text);
            ethiopic ||= ETHIOPIC.test(text.text);
            const where = `${at}: "${text.text}" at ${[text.left, text.top, text.right, text.bottom].map(Math.round).join(', ')}`;
            expect(text.top, where).toBeGreaterThanOrEqual(Math.max(region.y, TITLE_SAFE.y));
            expect(text.bottom, where).toBeLessThanOrEqual(Math.min(region.y + region.height, TITLE_SAFE.y + TITLE_SAFE.height));
            if (edgeToEdge) continue;
            expect(text.left, where).toBeGreaterThanOrEqual(Math.max(region.x, TITLE_SAFE.x));
            expect(text.right, where).toBeLessThanOrEqual(Math.min(region.x + region.width, TITLE_SAFE.x + TITLE_SAFE.width));
          }
        }
      }
      expect(scripts, 'the samples show Cyrillic, Greek and Latin with diacritics').toEqual({ cyrillic: true, greek: true, latin: true });
      // Ge'ez (Ethiopian names) is shown by the athlete profile's samples, from the bundled Noto Sans Ethiopic.
      if (kind === 'athleteProfile') expect(ethiopic, 'the athlete profile samples show Ethiopic').toBe(true);
    });
  }
});
