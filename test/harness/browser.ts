import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { screenshotRgba } from './screenshot';
import { tabPool } from './tabPool';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Chromium 156 loads the omnibox popup's WebUI (chrome://omnibox-popup.top-chrome, ~330 requests and about a
 * second of a renderer's CPU) in the background of every new browser, headless too: on this 2-core machine it
 * ran beside every page a test or benchmark opened first. Pages never see it.
 */
const BROWSER_UI_FEATURES = ['PreloadTopChromeWebUI', 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup'];
/**
 * Chromium keeps only the last --disable-features switch, and Playwright passes its own before ours
 * (playwright-core 1.65, chromiumSwitches): repeated here so ours does not drop them.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable', 'LensOverlay',
  'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'TcpPortRandomizationWin',
  'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch', 'msForceBrowserSignIn', 'msEdgeUpdateLaunchServicesPreferredVersion',
];
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...BROWSER_UI_FEATURES].join(',')}`,
];

/**
 * Chromium for one test file. Under vitest it is the worker's one Chromium, shared by the files the worker runs
 * in turn (the browser project keeps modules across files: isolate: false), each file with contexts of its own
 * (its hub is another origin anyway), closed by close(), which leaves Chromium running for the next file; a
 * script outside vitest gets a Chromium of its own, closed by close().
 *
 * newPage({ viewport }) opens the page in one browser context shared by the file's pages (the pages keep no
 * cookies; the panel's auto-advance setting is the one thing in localStorage), so the built pages' scripts
 * and fonts, served immutable, are fetched and compiled once per file instead of once per page, and in a tab a
 * closed page gave back (test/harness/tabPool.ts: reset, blank, and several times quicker to load a page in
 * than a new tab). Any other option gets a context of its own, as Browser.newPage does.
 */
export async function launchBrowser(): Promise<Browser> {
  const own = !process.env.VITEST_WORKER_ID;
  const browser = own ? await launchChromium() : await workerChromium();
  const contexts = new Set<BrowserContext>();
  const kept = (context: BrowserContext) => (contexts.add(context), context);
  let tabs: Promise<ReturnType<typeof tabPool>> | undefined;
  const handle: Partial<Browser> = {
    async newPage(options = {}) {
      const { viewport, ...rest } = options;
      if (Object.keys(rest).length > 0 || viewport === null) {
        const page = await browser.newPage(options); // its context closes with it
        kept(page.context());
        return page;
      }
      tabs ??= browser.newContext().then(kept).then(tabPool);
      return (await tabs).take(viewport);
    },
    async newContext(options) {
      return kept(await browser.newContext(options));
    },
    async close() {
      if (own) return browser.close();
      await Promise.all([...contexts].map((context) => context.close().catch(() => {})));
    },
  };
  return new Proxy(browser, {
    get(target, property) {
      if (Object.hasOwn(handle, property)) return handle[property as keyof Browser];
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const launchChromium = () => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/** The worker's Chromium: launched by the first file that asks, and again if it has gone (crashed). */
let worker: Promise<Browser> | undefined;
function workerChromium(): Promise<Browser> {
  const last = worker;
  worker = (async () => {
    const running = await last?.catch(() => undefined);
    return running?.isConnected() ? running : launchChromium();
  })();
  return worker;
}

export type Renderer = 'webgl' | 'canvas';

/** Opens an output page on the manual clock and waits until it has connected and drawn. */
export async function openOutput(browser: Browser, hubUrl: string, renderer: Renderer, query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  page.on('pageerror', (error) => console.error(`output page error: ${error.message}`));
  await page.goto(`${hubUrl}/output.html?renderer=${renderer}&clock=manual${query}`);
  await page.waitForFunction(() => window.finishline?.receivedRevision() != null, null, { timeout: 20_000 });
  return page;
}

/**
 * Draws hub time t. With a revision: waits until the page has received it, then draws t until the page shows it
 * with every font and image it needs (see renderShown), so a later frame never catches a snapshot still waiting.
 */
export async function renderAt(page: Page, t: number, revision?: number): Promise<void> {
  if (revision === undefined) return void (await page.evaluate((time) => window.finishline!.renderAt(time), t));
  await renderReceived(page, t, revision);
  await renderShown(page, t, revision);
}

/** Waits until the page has received a revision, then draws hub time t once, shown or still waiting. */
export async function renderReceived(page: Page, t: number, revision: number): Promise<void> {
  await page.waitForFunction((r) => (window.finishline?.receivedRevision() ?? -1) >= r, revision, { timeout: 10_000 });
  await page.evaluate((time) => window.finishline!.renderAt(time), t);
}

/**
 * Draws hub time t until the page shows `revision` with every image it needs: a snapshot waits for its font subsets
 * and a take for its flags (on a loaded machine that can outlast a frame or two), and an enter starts on the frame
 * that first shows it, so a later frame drawn before that would catch the enter at its start.
 */
export async function renderShown(page: Page, t: number, revision: number): Promise<void> {
  await page.waitForFunction(
    ({ time, r }) => {
      window.finishline!.renderAt(time);
      return (window.finishline!.shownRevision() ?? -1) >= r && !window.finishline!.assetsPending();
    },
    { time: t, r: revision },
    { timeout: 20_000, polling: 50 },
  );
}

export type Frame = { width: number; height: number; data: Buffer; at(x: number, y: number): [number, number, number, number] };

/** A screenshot with a transparent background: straight (not premultiplied) RGBA. */
export async function grab(page: Page, clip?: { x: number; y: number; width: number; height: number }): Promise<Frame> {
  const png = await screenshotRgba(page, clip);
  return frameOf(png);
}

/** RGBA pixels with a reader for one pixel. */
export function frameOf(png: { width: number; height: number; data: Buffer }): Frame {
  return {
    width: png.width,
    height: png.height,
    data: png.data,
    at(x, y) {
      const i = (y * png.width + x) * 4;
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
    },
  };
}

/** The pixels of a rectangle of a frame, as a frame of its own. */
export function crop(frame: Frame, area: { x: number; y: number; width: number; height: number }): Frame {
  const data = Buffer.alloc(area.width * area.height * 4);
  for (let y = 0; y < area.height; y++) {
    const from = ((area.y + y) * frame.width + area.x) * 4;
    frame.data.copy(data, y * area.width * 4, from, from + area.width * 4);
  }
  return frameOf({ width: area.width, height: area.height, data });
}

/** The smallest rectangle holding every pixel with alpha > 0, or null for a fully transparent frame. */
export function opaqueBounds(frame: Frame): { left: number; top: number; right: number; bottom: number } | null {
  let left = Infinity;
  let top = Infinity;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < frame.height; y++) {
    for (let x = 0; x < frame.width; x++) {
      if (frame.data[(y * frame.width + x) * 4 + 3]! === 0) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  return right < 0 ? null : { left, top, right, bottom };
}

export function hex(colour: string): [number, number, number] {
  const n = Number.parseInt(colour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Asserts a pixel is an opaque colour within ±1 per channel. */
export function isColour(pixel: [number, number, number, number], colour: string): boolean {
  const [r, g, b] = hex(colour);
  return Math.abs(pixel[0] - r) <= 1 && Math.abs(pixel[1] - g) <= 1 && Math.abs(pixel[2] - b) <= 1 && pixel[3] >= 254;
}
