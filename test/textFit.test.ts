import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { STORY } from '../src/gallery/storyboard';
import { nameCardSamples } from '../src/graphics/nameCard/samples';
import { TITLE_SAFE } from '../src/protocol/templates/safeArea';
import layout from '../templates/nameCard.json';
import defaultTheme from '../templates/themes/finishline.json';
import type { DrawnText as OutputText } from '../src/render/outputScene';
import { opaqueBounds, openOutput, renderAt, type Renderer } from './harness/browser';
import { fontProblems } from './harness/fontProblems';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';
import { openGalleryPage } from './harness/gallery';
import { steadyGrabber, type SteadyGrabber } from './harness/steadyGrab';

let browser: Browser;
let hub: HubProcess;
useHubAndBrowser((started) => ({ hub, browser } = started));

type DrawnText = { text: string; fontSize: number; left: number; top: number; right: number; bottom: number };

/**
 * One 1080p gallery page per renderer and theme (the theme and renderer are the page's URL), opened by the first
 * test that asks for it: each test plays its sample on it from the start (window.finishline.loadSample, as the
 * golden suite does), as a page opened on it would, instead of loading the page again.
 */
const galleries = new Map<string, Promise<{ page: Page; grabber: SteadyGrabber }>>();
const grabbers = new WeakMap<Page, SteadyGrabber>();
async function openSample(sample: string, renderer: Renderer, theme: string): Promise<Page> {
  const key = `${renderer}/${theme}`;
  let gallery = galleries.get(key);
  if (!gallery) {
    gallery = (async () => {
      const page = await openGalleryPage(browser, `${hub.url}/gallery.html?kind=nameCard&sample=${sample}&renderer=${renderer}&theme=${theme}`);
      const grabber = await steadyGrabber(page);
      grabbers.set(page, grabber);
      return { page, grabber };
    })();
    galleries.set(key, gallery);
  } else {
    await (await gallery).page.evaluate((name) => window.finishline!.loadSample!('nameCard', name), sample);
  }
  const { page } = await gallery;
  expect(await page.evaluate(() => window.finishline!.renderer)).toBe(renderer);
  return page;
}

/**
 * One output page per renderer, opened by the first test that takes a graphic to it (the page then joins with
 * the graphic already on air); a later test's take reaches the open page through the hub and is drawn until its
 * enter (and the exit of what was on before) has ended.
 */
const outputs = new Map<Renderer, { page: Page; grabber: SteadyGrabber; t: number }>();
async function outputShowing(renderer: Renderer, revision: number): Promise<{ page: Page; grabber: SteadyGrabber }> {
  const open = outputs.get(renderer);
  if (!open) {
    const page = await openOutput(browser, hub.url, renderer);
    const output = { page, grabber: await steadyGrabber(page), t: 100_000 };
    outputs.set(renderer, output);
    await renderAt(page, output.t, revision);
    return output;
  }
  open.t += 100_000;
  await renderAt(open.page, open.t, revision);
  open.t += 3000; // long after an exit (0.45 s) then an enter (0.6 s)
  await renderAt(open.page, open.t);
  return open;
}

afterAll(async () => {
  const pages = [...(await Promise.all([...galleries.values()].map((g) => g.catch(() => undefined)))), ...outputs.values()];
  for (const open of pages) {
    if (!open) continue;
    await open.grabber.release();
    await open.page.close();
  }
});

/** Draws time t and returns the texts on screen. */
async function drawn(page: Page, t: number) {
  const texts = (await page.evaluate((time) => (window.finishline!.renderAt(time), window.finishline!.texts!()), t)) as DrawnText[];
  return { texts, name: texts[0]!, role: texts[1]! };
}

/** Draws time t and returns the texts on screen and the card's pixel bounds (of the whole frame). */
async function drawnWithCard(page: Page, t: number) {
  const frame = await drawn(page, t);
  return { ...frame, card: opaqueBounds(await grabbers.get(page)!.grab())! };
}

const long = nameCardSamples.find((s) => s.name === 'long')!;
const longProps = long.update!.props as { name: string; role: string };
const titleSafeRight = TITLE_SAFE.x + TITLE_SAFE.width;

describe.each<Renderer>(['webgl', 'canvas'])('text that always fits, on the %s renderer', (renderer) => {
  it.each(['finishline', 'night'])('keeps every text of a long name card inside its box and the title-safe area (%s theme)', async (theme) => {
    const page = await openSample('long', renderer, theme);
    for (const t of [STORY.update - 500, STORY.clear - 500]) {
      const { texts, card } = await drawnWithCard(page, t);
      expect(texts).toHaveLength(2);
      expect(card.right, 'the card stays inside the title-safe area').toBeLessThan(titleSafeRight);
      for (const text of texts) {
        // Inside the card, with its padding, and never past the title-safe edge (±1 px of anti-aliasing).
        expect(text.left).toBeGreaterThanOrEqual(card.left + layout.accentWidth + layout.paddingX - 1);
        expect(text.right).toBeLessThanOrEqual(card.right + 1 - layout.paddingX + 1);
        expect(text.right).toBeLessThanOrEqual(titleSafeRight);
        expect(text.top).toBeGreaterThanOrEqual(card.top - 1);
        expect(text.bottom).toBeLessThanOrEqual(card.bottom + 1);
      }
    }
  });

  it('shrinks a long name down to its minimum size before it would cut it', async () => {
    const page = await openSample('long', renderer, 'finishline');
    const { name } = await drawn(page, STORY.clear - 500);
    expect(name.text).toBe(longProps.name);
    expect(name.fontSize).toBeLessThan(layout.nameSize);
    expect(name.fontSize).toBeGreaterThanOrEqual(layout.nameMinSize);
  });

  it('cuts a text with an ellipsis only once it is at its minimum size', async () => {
    // The night theme's text face (Noto Sans) is wider: at 22 px this role still does not fit.
    const page = await openSample('long', renderer, 'night');
    const { role } = await drawn(page, STORY.clear - 500);
    expect(role.fontSize).toBe(layout.roleMinSize);
    expect(role.text.endsWith('…')).toBe(true);
    expect(longProps.role.startsWith(role.text.slice(0, -1))).toBe(true);
    expect(role.text.length).toBeGreaterThan(60);
  });

  it('draws Cyrillic and Greek with the bundled Noto Sans, not as missing-glyph boxes, and diacritics in the theme face', async () => {
    const page = await openSample('scripts', renderer, 'finishline');
    const { name, role } = await drawn(page, STORY.update - 500);
    expect([name.text, role.text]).toEqual(['Гонсалес Шварц', 'Κώστας Γιαννόπουλος, Ελλάδα']);
    const widths = await page.evaluate(() => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      const width = (font: string, text: string) => {
        ctx.font = font;
        return ctx.measureText(text).width;
      };
      const missing = '\u{10FFFD}'.repeat(8); // a private-use code point no font has: drawn as .notdef boxes
      return {
        loaded: document.fonts.check('700 56px "Noto Sans"', 'Гонсалес') && document.fonts.check('500 30px "Noto Sans"', 'Κώστας'),
        cyrillicInStack: width('700 56px "Barlow Condensed", "Noto Sans"', 'Гонсалес'),
        cyrillicInNoto: width('700 56px "Noto Sans"', 'Гонсалес'),
        greekInStack: width('500 30px "Barlow", "Noto Sans"', 'Κώστας'),
        greekInNoto: width('500 30px "Noto Sans"', 'Κώστας'),
        boxes: width('700 56px "Barlow Condensed", "Noto Sans"', missing),
        umlautInStack: width('500 30px "Barlow", "Noto Sans"', 'Schär'),
        umlautInBarlow: width('500 30px "Barlow"', 'Schär'),
      };
    });
    expect(widths.loaded).toBe(true);
    expect(widths.cyrillicInStack).toBe(widths.cyrillicInNoto);
    expect(widths.greekInStack).toBe(widths.greekInNoto);
    expect(widths.cyrillicInStack).not.toBe(widths.boxes);
    expect(widths.umlautInStack).toBe(widths.umlautInBarlow);
  });

  it('draws an Arabic name in the bundled Noto Sans Arabic, its descenders below the theme face’s whole, and takes it without a warning', async () => {
    const take = await hub.post({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'محمد فرح', role: 'عداء بريطاني' } } });
    expect(take.status).toBe(200);
    expect(take.body.warnings).toBeUndefined();
    const { page, grabber } = await outputShowing(renderer, take.body.revision);
    const texts = (await page.evaluate(() => window.finishline!.texts!())) as OutputText[];
    expect(texts.map((t) => t.text)).toEqual(['محمد فرح', 'عداء بريطاني']);
    expect(await fontProblems(page, texts), 'every letter in Noto Sans Arabic, none in a system font').toEqual([]);
    const name = texts[0]!;
    // Where its ink ends: the baseline sits at the theme face's ascent ("|ÉqÅM", as Pixi measures it) below the
    // text's top; ر and ح reach further below it than Barlow Condensed's q, past the text's laid-out bottom.
    const inkBottom = await page.evaluate((text) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${text.fontWeight} ${text.fontSize}px ${text.fontFamily.map((f) => `"${f}"`).join(', ')}`;
      return text.top + ctx.measureText('|ÉqÅM').actualBoundingBoxAscent + ctx.measureText(text.text).actualBoundingBoxDescent;
    }, name);
    expect(inkBottom, 'the descenders reach below the laid-out text').toBeGreaterThan(name.bottom + 4);
    // White ink on the navy panel in every row down to there (a canvas cut at the laid-out bottom has none below it).
    const rows = Array.from({ length: Math.floor(inkBottom) - Math.ceil(name.bottom) - 2 }, (_, i) => Math.ceil(name.bottom) + 1 + i);
    // Only those rows, under the name, are grabbed (at least one: the descenders reach 4 px below).
    const area = { x: Math.floor(name.left), y: rows[0]!, width: Math.ceil(name.right) - Math.floor(name.left) + 1, height: rows.length };
    const frame = await grabber.grab(area);
    const inkIn = (y: number) => {
      for (let x = Math.floor(name.left); x <= Math.ceil(name.right); x++) if (frame.at(x - area.x, y - area.y)[0] > 128) return true;
      return false;
    };
    expect(rows.filter((y) => !inkIn(y)), `rows without ink between the laid-out bottom (${name.bottom}) and the ink's (${inkBottom.toFixed(1)})`).toEqual([]);
    await hub.post({ type: 'clearAll' });
  });
});

const wrap = nameCardSamples.find((s) => s.name === 'quote-wrap')!;
const wrapQuote = (wrap.graphic.props as { quote: string }).quote;
const wrapUpdate = (wrap.update!.props as { quote: string }).quote;
const region = defaultTheme.regions.lowerThird;

/** Every text inside the card with its padding, and the card inside the lowerThird region and title-safe. */
function expectInsideCard(texts: DrawnText[], card: { left: number; top: number; right: number; bottom: number }) {
  expect(card.top, 'the card stays inside the region').toBeGreaterThanOrEqual(region.y);
  expect(card.bottom).toBeLessThan(region.y + region.height);
  expect(card.right, 'the card stays inside the title-safe area').toBeLessThan(titleSafeRight);
  for (const text of texts) {
    expect(text.left).toBeGreaterThanOrEqual(card.left + layout.accentWidth + layout.paddingX - 1);
    expect(text.right).toBeLessThanOrEqual(card.right + 1 - layout.paddingX + 1);
    expect(text.top).toBeGreaterThanOrEqual(card.top - 1);
    expect(text.bottom).toBeLessThanOrEqual(card.bottom + 1);
  }
}

describe.each<Renderer>(['webgl', 'canvas'])('quotes that wrap, on the %s renderer', (renderer) => {
  it.each(['finishline', 'night'])('wraps a quote near the 240-character limit onto three whole lines, the card growing upwards inside the region (%s theme)', async (theme) => {
    const page = await openSample('quote-wrap', renderer, theme);
    const { texts, card, name: quote } = await drawnWithCard(page, STORY.update - 500);
    const lines = quote.text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.join(' ')).toBe(`“${wrapQuote}”`);
    expect(quote.fontSize).toBeGreaterThanOrEqual(layout.quoteMinSize);
    expect(card.bottom - card.top + 1, 'taller than a one-line card').toBeGreaterThan(layout.nameHeight + layout.roleHeight + 20);
    expectInsideCard(texts, card);
  });

  it('wraps before it shrinks: a quote that fits on two lines at full size keeps its full size', async () => {
    const page = await openSample('quote-wrap', renderer, 'finishline');
    const { texts, card, name: quote } = await drawnWithCard(page, STORY.clear - 500);
    expect(quote.text.split('\n')).toHaveLength(2);
    expect(quote.text.replace('\n', ' ')).toBe(`“${wrapUpdate}”`);
    expect(quote.fontSize).toBe(layout.quoteSize);
    expectInsideCard(texts, card);
  });

  it('cuts the last line with an ellipsis after a whole word only once three lines at the smallest size are full', async () => {
    // All capitals of the widest letter: more than three lines even at the smallest size.
    const words = Array.from({ length: 48 }, () => 'MMMM');
    const quote = words.join(' ').slice(0, 240);
    const take = await hub.post({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC athletics commentator', quote } } });
    expect(take.status).toBe(200);
    const { page, grabber } = await outputShowing(renderer, take.body.revision);
    expect(await page.evaluate(() => window.finishline!.renderer)).toBe(renderer);
    const texts = (await page.evaluate(() => window.finishline!.texts!())) as DrawnText[];
    const shown = texts[0]!;
    const lines = shown.text.split('\n');
    expect(lines).toHaveLength(3);
    expect(shown.fontSize).toBe(layout.quoteMinSize);
    expect(lines[2]!.endsWith('MMMM…'), lines[2]).toBe(true);
    expect(`“${quote}”`.startsWith(lines.join(' ').slice(0, -1))).toBe(true);
    expectInsideCard(texts, opaqueBounds(await grabber.grab())!);
    await hub.post({ type: 'clearAll' });
  });
});
