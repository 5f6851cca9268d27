import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { emptyShow } from '../src/state/showState';
import { fontProblems } from './harness/fontProblems';
import { useHubAndBrowser, type HubAndBrowser } from './harness/hubAndBrowser';

// A show whose every character is Latin: a live output's first frame needs only the Latin font files.
const seed = join(mkdtempSync(join(tmpdir(), 'finishline-seed-')), 'latin.json');
writeFileSync(seed, JSON.stringify(emptyShow('Latin only')));
let env: HubAndBrowser;
useHubAndBrowser((started) => (env = started), () => ({ seed }));

it('draws its first frame once the font files the show needs are in, then draws a name in another script in its own face', async () => {
  const { hub, browser } = env;
  expect((await hub.post({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'Commentator' } } })).status).toBe(200);
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${hub.url}/output.html?renderer=canvas`);
  await page.waitForFunction(() => performance.getEntriesByName('finishline:on-air').length > 0, null, { timeout: 30_000 });
  const { before, faces } = await page.evaluate(() => {
    const onAir = performance.getEntriesByName('finishline:on-air')[0]!.startTime;
    const fonts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => /\.woff2?$/.test(r.name));
    return { before: fonts.filter((r) => r.responseEnd <= onAir).map((r) => r.name), faces: document.fonts.size };
  });
  expect(before.length, 'font files fetched before the first frame').toBeGreaterThan(0);
  expect(before.length, `of ${faces} faces, only the ones Latin text needs load first: ${before.join(', ')}`).toBeLessThan(faces / 2);
  // The fallbacks for other scripts have Latin subsets of their own, which a Latin show never draws with.
  expect(before.filter((name) => /noto-sans-(arabic|thai|ethiopic)/.test(name)), 'no fallback for another script').toEqual([]);

  // Taken at once, before the rest of the theme has surely loaded: drawn in Noto Sans, never measured in a fallback.
  const taken = await hub.post({ type: 'update', layer: 'lowerThird', graphic: { kind: 'nameCard', props: { name: 'Гонсалес Шварц', role: 'Κώστας Γιαννόπουλος' } } });
  expect(taken.status).toBe(200);
  // An update plays the old card out before the new one in.
  await page.waitForFunction(() => window.finishline!.texts!().some((t) => t.text === 'Гонсалес Шварц'), null, { timeout: 20_000 });
  const texts = await page.evaluate(() => window.finishline!.texts!());
  expect(texts.map((t) => t.text)).toEqual(['Гонсалес Шварц', 'Κώστας Γιαννόπουλος']);
  expect(await fontProblems(page, texts)).toEqual([]);
  await page.close();
});

it("starts the show's fonts from the hub's first messages before the page's modules have loaded, then draws the snapshot it held", async () => {
  const { hub, browser } = env;
  expect((await hub.post({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'Paula Radcliffe', role: 'Marathon world record holder' } } })).status).toBe(200);
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  // The page module (zod, the scene) is held back until a font file has been asked for: only the entry's early
  // socket can have asked by then, from the templates and snapshot it received.
  let fontAsked!: () => void;
  const fontRequested = new Promise<void>((resolve) => (fontAsked = resolve));
  page.on('request', (request) => /\.woff2?$/.test(request.url()) && fontAsked());
  await page.route(/\/assets\/outputPage-[^/]+\.js$/, async (route) => {
    await Promise.race([fontRequested, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    await route.continue();
  });
  await page.goto(`${hub.url}/output.html?renderer=canvas`);
  await page.waitForFunction(() => performance.getEntriesByName('finishline:on-air').length > 0, null, { timeout: 30_000 });
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
  expect(marks['finishline:fonts-hinted'], 'fonts asked for from the early socket').toBeDefined();
  expect(marks['finishline:fonts-hinted']!).toBeLessThan(marks['finishline:page']!);
  // The snapshot that arrived before the page could read it is the one drawn, in the theme's faces.
  const texts = await page.evaluate(() => window.finishline!.texts!());
  expect(texts.map((t) => t.text)).toEqual(['Paula Radcliffe', 'Marathon world record holder']);
  expect(await fontProblems(page, texts)).toEqual([]);
  await page.close();
});

it("loads neither Pixi's WebGL renderer nor its browser extensions (pointer events, accessibility, filters) on a canvas output, and a WebGL output still draws", async () => {
  const { hub, browser } = env;
  expect((await hub.post({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'Eliud Kipchoge', role: 'Olympic champion' } } })).status).toBe(200);
  const scriptsOf = async (renderer: string) => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${hub.url}/output.html?renderer=${renderer}`);
    await page.waitForFunction(() => performance.getEntriesByName('finishline:on-air').length > 0, null, { timeout: 30_000 });
    const found = await page.evaluate(() => ({
      renderer: window.finishline!.renderer,
      texts: window.finishline!.texts!().map((t) => t.text),
      scripts: performance.getEntriesByType('resource').map((r) => r.name.split('/').pop()!).filter((name) => name.endsWith('.js')),
      // Pixi's event system, once registered, makes every renderer's canvas listen for pointers (and run a ticker for them).
      pointerCanvases: [...document.querySelectorAll('canvas')].filter((canvas) => canvas.style.touchAction === 'none').length,
      canvases: document.querySelectorAll('canvas').length,
    }));
    await page.close();
    return found;
  };
  const canvas = await scriptsOf('canvas');
  expect(canvas.renderer).toBe('canvas');
  expect(canvas.scripts.filter((name) => name.startsWith('pixi'))).toEqual([expect.stringMatching(/^pixi-[\w-]{8}\.js$/)]);
  // The output page is built on its own (vite.config.ts): its entry, the page, the drawing, Pixi and the bundler's helpers, five scripts rather than seventeen.
  expect(canvas.scripts.map((name) => name.replace(/-[\w-]{8}\.js$/, '')).sort()).toEqual(['output', 'outputDrawing', 'outputPage', 'pixi', 'rolldown-runtime']);
  expect(canvas.texts).toEqual(['Eliud Kipchoge', 'Olympic champion']);
  expect(canvas.canvases).toBeGreaterThan(0);
  expect(canvas.pointerCanvases).toBe(0);
  // Loaded when asked for, once Pixi is in (this machine's WebGL is software, so only a URL asking for it gets it).
  const webgl = await scriptsOf('webgl');
  expect(webgl.renderer).toBe('webgl');
  expect(webgl.scripts.some((name) => /^pixi-webgl-/.test(name))).toBe(true);
  expect(webgl.scripts.some((name) => /^pixi-browser-/.test(name))).toBe(false);
  expect(webgl.texts).toEqual(['Eliud Kipchoge', 'Olympic champion']);
  expect(webgl.pointerCanvases).toBe(0);
});
