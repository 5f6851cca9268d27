import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import defaultTheme from '../templates/themes/finishline.json';
import { grab, isColour, opaqueBounds, openOutput, renderAt, type Renderer } from './harness/browser';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';

const cram = { type: 'take', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC athletics commentator on BBC One' } } };
const region = defaultTheme.regions.lowerThird;
const colours = defaultTheme.colours;
// Name card geometry (see src/graphics/nameCard/layout.ts): bottom-left of the lowerThird region, inset 16.
const cardBottom = region.y + region.height - 16;
const cardTop = cardBottom - 84 - 50;

let hub: HubProcess;
let browser: Browser;

useHubAndBrowser((started) => ({ hub, browser } = started));

describe.each<Renderer>(['webgl', 'canvas'])('output page on the %s renderer', (renderer) => {
  it('reports the renderer it actually runs', async () => {
    const page = await openOutput(browser, hub.url, renderer);
    expect(await page.evaluate(() => window.finishline!.renderer)).toBe(renderer);
    await page.close();
  });

  it('animates a taken name card in over a transparent frame, and out again on clear', async () => {
    const page = await openOutput(browser, hub.url, renderer);
    expect(await page.evaluate(() => window.finishline!.renderAt(9_000)), 'with nothing on air no layer is drawn: their canvases stay blank').toBe(false);
    await renderAt(page, 10_000);
    expect(opaqueBounds(await grab(page))).toBeNull();

    const { body } = await hub.post(cram);
    await renderAt(page, 10_000, body.revision);
    expect(opaqueBounds(await grab(page)), 'hidden at the first frame of its enter').toBeNull();

    await renderAt(page, 10_200);
    const midEnter = await grab(page);
    expect(isColour(midEnter.at(100, cardBottom - 10), colours.accent), 'the accent bar is in by 0.2 s').toBe(true);
    expect(midEnter.at(620, cardTop + 8)[3], 'the panel has not reached full width at 0.2 s').toBe(0);

    await renderAt(page, 13_000);
    const onAir = await grab(page);
    expect(isColour(onAir.at(100, cardTop + 60), colours.accent)).toBe(true);
    expect(isColour(onAir.at(620, cardTop + 8), colours.panel)).toBe(true);
    expect(isColour(onAir.at(620, cardBottom - 6), colours.strip)).toBe(true);
    const bounds = opaqueBounds(onAir)!;
    expect(bounds.left).toBe(region.x + 16);
    expect(bounds.bottom).toBe(cardBottom - 1);
    expect(bounds.top).toBe(cardTop);
    expect(bounds.right).toBeLessThan(region.x + region.width);

    const cleared = await hub.post({ type: 'clear', layer: 'lowerThird' });
    await renderAt(page, 20_000, cleared.body.revision);
    expect(opaqueBounds(await grab(page)), 'still on air at the first frame of its exit').not.toBeNull();
    await renderAt(page, 22_000);
    expect(opaqueBounds(await grab(page)), 'fully transparent after the exit').toBeNull();
    await page.close();
  });

  it('shows a graphic already on air at once after a reload, without replaying its enter', async () => {
    const { body } = await hub.post(cram);
    const page = await openOutput(browser, hub.url, renderer);
    // Hub time 0 would be the first frame of an enter animation: a replayed enter would show nothing.
    await renderAt(page, 0, body.revision);
    const frame = await grab(page);
    expect(isColour(frame.at(620, cardTop + 8), colours.panel)).toBe(true);
    expect(await page.evaluate(() => window.finishline!.shownRevision())).toBe(body.revision);
    await hub.post({ type: 'clear', layer: 'lowerThird' });
    await page.close();
  });

  it(renderer === 'canvas' ? 'never makes a WebGL context (Pixi would, to ask its shader precision)' : 'makes WebGL contexts for its layers', async () => {
    const { body } = await hub.post(cram);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript(() => {
      const getContext = HTMLCanvasElement.prototype.getContext as (this: HTMLCanvasElement, type: string, options?: unknown) => unknown;
      const counted = window as unknown as { webglContexts: number };
      counted.webglContexts = 0;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, options?: unknown) {
        const context = getContext.call(this, type, options);
        if (context && type.includes('webgl')) counted.webglContexts++;
        return context;
      } as typeof HTMLCanvasElement.prototype.getContext;
    });
    await page.goto(`${hub.url}/output.html?renderer=${renderer}&clock=manual`);
    await renderAt(page, 0, body.revision);
    expect(isColour((await grab(page)).at(620, cardTop + 8), colours.panel)).toBe(true);
    const contexts = await page.evaluate(() => (window as unknown as { webglContexts: number }).webglContexts);
    if (renderer === 'canvas') expect(contexts).toBe(0);
    else expect(contexts).toBeGreaterThan(0);
    await hub.post({ type: 'clear', layer: 'lowerThird' });
    await page.close();
  });

  it('draws names literally, markup and all', async () => {
    const page = await openOutput(browser, hub.url, renderer);
    const plain = await hub.post({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'Cram', role: '' } } });
    await renderAt(page, 50_000, plain.body.revision);
    await renderAt(page, 53_000);
    const plainWidth = opaqueBounds(await grab(page))!.right;
    const marked = await hub.post({ type: 'take', graphic: { kind: 'nameCard', props: { name: '<b>Cram</b>'.repeat(4), role: '' } } });
    await renderAt(page, 60_000, marked.body.revision);
    await renderAt(page, 63_000);
    // The tags are drawn as characters, so the card is wider than for the bare name.
    expect(opaqueBounds(await grab(page))!.right).toBeGreaterThan(plainWidth + 100);
    await hub.post({ type: 'clear', layer: 'lowerThird' });
    await page.close();
  });
});

describe('an output page asked for something it cannot do', () => {
  it.each([
    ['output.html', 'Output'],
    ['testpattern.html', 'Test pattern'],
  ])('%s says why on screen, over nothing else', async (page, what) => {
    const tab = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await tab.goto(`${hub.url}/${page}?format=1080p24`);
    const message = tab.locator('pre.fatal');
    await message.waitFor();
    expect(await message.textContent()).toBe(`${what} could not start: format: "1080p24": "24" is not a frame rate an output can run at: use one of 25, 29.97, 50, 59.94, 60`);
    expect(await message.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(176, 0, 32)');
    await tab.close();
  });
});

describe('the canvases an output draws with', () => {
  it.each<Renderer>(['canvas', 'webgl'])('on %s, texts go into canvases made to be read, and the layers shown are not', async (renderer) => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    // Every 2D context the page asks for, with whether it asked to read it often (src/render/textCanvases.ts).
    await page.addInitScript(() => {
      const asked: { readable: boolean }[] = [];
      (window as unknown as { contextsAsked: typeof asked }).contextsAsked = asked;
      const getContext = HTMLCanvasElement.prototype.getContext as (this: HTMLCanvasElement, kind: string, attributes?: unknown) => RenderingContext | null;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, attributes?: { willReadFrequently?: boolean }) {
        if (kind === '2d') asked.push({ readable: attributes?.willReadFrequently === true });
        return getContext.call(this, kind, attributes);
      } as typeof HTMLCanvasElement.prototype.getContext;
    });
    const { body } = await hub.post(cram);
    await page.goto(`${hub.url}/output.html?renderer=${renderer}&clock=manual`);
    await page.waitForFunction(() => window.finishline?.receivedRevision() != null, null, { timeout: 20_000 });
    await renderAt(page, 100_000, body.revision);
    const readable = await page.evaluate(() => (window as unknown as { contextsAsked: { readable: boolean }[] }).contextsAsked.filter((c) => c.readable).length);
    expect(readable, 'the name and the role at least').toBeGreaterThanOrEqual(2);
    if (renderer === 'canvas') {
      const shown = await page.evaluate(() => [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-layer]')].map((c) => c.getContext('2d')!.getContextAttributes().willReadFrequently));
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((asked) => asked === false)).toBe(true);
    }
    await hub.post({ type: 'clear', layer: 'lowerThird' });
    await page.close();
  });
});

describe('a live output at rest', () => {
  it('runs one animation-frame callback per display frame: neither Pixi nor GSAP keeps a ticker of its own', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    // Every animation-frame callback that runs, by its frame's timestamp (all of one frame's callbacks share it).
    await page.addInitScript(() => {
      const ran: number[] = [];
      (window as unknown as { callbacksRan: number[] }).callbacksRan = ran;
      const request = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (callback) => request((t) => (ran.push(t), callback(t)));
    });
    const { body } = await hub.post(cram); // a graphic on air, so GSAP has made animations (each wakes its ticker)
    await page.goto(`${hub.url}/output.html?renderer=canvas`);
    await page.waitForFunction((r) => (window.finishline?.shownRevision() ?? -1) >= r, body.revision, { timeout: 20_000 });
    await page.waitForTimeout(2000); // Pixi's renderers are up, the enter has played
    const { callbacks, frames } = await page.evaluate(async () => {
      const ran = (window as unknown as { callbacksRan: number[] }).callbacksRan;
      const from = ran.length;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const window1s = ran.slice(from);
      return { callbacks: window1s.length, frames: new Set(window1s).size };
    });
    expect(frames).toBeGreaterThan(10);
    expect(callbacks / frames).toBeLessThan(1.2);
    await hub.post({ type: 'clear', layer: 'lowerThird' });
    await page.close();
  });
});

describe('spare text canvases', () => {
  const post = async (command: unknown) => {
    const { status, body } = await hub.post(command);
    expect(status, JSON.stringify(body)).toBe(200);
    return body as { revision: number; warnings?: string[] };
  };
  const entrants = Array.from({ length: 20 }, (_, i) => ({ bib: String(900 + i), name: `Runner ${900 + i}`, country: 'GBR' }));
  /** A race of the demo show with 20 entrants, two timing points and a push feed of its own, none passed yet. */
  async function race(raceId: string) {
    await hub.post({ type: 'resetRace', raceId }); // the demo show has run some races already (refused if not)
    await post({ type: 'setEntrants', raceId, entrants });
    await post({ type: 'setTimingPoints', raceId, points: [{ metres: 10_000, label: '10K' }, { metres: 20_000, label: '20K' }] });
    await post({ type: 'setGunTime', raceId, gunTime: Date.now() - 2 * 3_600_000 });
    await post({ type: 'setFeed', feed: { id: `spares-${raceId}`, source: 'push', raceId } });
    await post({ type: 'startFeed', feedId: `spares-${raceId}` });
  }
  /** Pushes passings of a race at a timing point (index `point`); returns the revision that holds them. */
  async function push(raceId: string, bibs: string[], metres: number, point: number) {
    const response = await fetch(`${hub.url}/api/feeds/spares-${raceId}/passings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hub.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ passings: bibs.map((bib, i) => ({ bib, metres, elapsedMs: metres * 180 + i * 1000 })) }),
    });
    expect(response.status, await response.text()).toBe(200);
    // The passings are applied as a command of the hub's own.
    let revision = 0;
    await expect.poll(async () => {
      const state = await hub.state();
      revision = state.revision;
      // Rows are [bib, timing point index, elapsed ms, source].
      return state.races.find((r: { id: string }) => r.id === raceId).passings?.filter((row: [string, number]) => row[1] === point && bibs.includes(row[0])).length;
    }).toBe(bibs.length);
    return revision;
  }
  /**
   * A canvas output on a manual clock that counts the text canvases it makes (2D contexts asked to be read often:
   * src/render/textCanvases.ts), apart while a frame is drawn (renderAt) and between frames.
   */
  async function countingOutput() {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript(() => {
      const made = { inFrames: 0, between: 0, drawing: false };
      (window as unknown as { textCanvasesMade: typeof made }).textCanvasesMade = made;
      const getContext = HTMLCanvasElement.prototype.getContext as (this: HTMLCanvasElement, kind: string, attributes?: unknown) => RenderingContext | null;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, attributes?: { willReadFrequently?: boolean }) {
        if (kind === '2d' && attributes?.willReadFrequently === true) made[made.drawing ? 'inFrames' : 'between']++;
        return getContext.call(this, kind, attributes);
      } as typeof HTMLCanvasElement.prototype.getContext;
    });
    await page.goto(`${hub.url}/output.html?renderer=canvas&clock=manual`);
    await page.waitForFunction(() => window.finishline?.receivedRevision() != null, null, { timeout: 20_000 });
    await page.evaluate(() => {
      const output = window.finishline!;
      const made = (window as unknown as { textCanvasesMade: { drawing: boolean } }).textCanvasesMade;
      const renderAt = output.renderAt;
      output.renderAt = (t) => {
        made.drawing = true;
        try {
          return renderAt(t);
        } finally {
          made.drawing = false;
        }
      };
    });
    const made = () => page.evaluate(() => {
      const { inFrames, between } = (window as unknown as { textCanvasesMade: { inFrames: number; between: number } }).textCanvasesMade;
      return { inFrames, between };
    });
    // Idle time between frames, as a live page has, until no more spares are being made (a loaded machine gives
    // short idle periods, and the reserve makes a few at a time).
    const idle = () => page.evaluate(() => new Promise<void>((done) => {
      const made = (window as unknown as { textCanvasesMade: { between: number } }).textCanvasesMade;
      let last = made.between;
      let still = 0;
      let rounds = 0;
      const again = () => requestIdleCallback(() => {
        still = made.between === last ? still + 1 : 0;
        last = made.between;
        if (still >= 10 || ++rounds >= 500) done();
        else again();
      });
      again();
    }));
    const rows = () => page.evaluate(() => window.finishline!.texts!().filter((text) => text.text.startsWith('Runner ')).length);
    return { page, made, idle, rows };
  }
  /** The texts of the centre layer drawn below the leaderboard's title bar that say it is waiting (its caption in place of rows). */
  const caption = (page: Page) =>
    page.evaluate(() => {
      const texts = window.finishline!.texts!().filter((text) => text.layer === 'centre');
      const title = texts.find((text) => text.text === 'WHEELCHAIR WOMEN')!;
      return texts.filter((text) => text.top >= title.bottom && text.text.includes('AWAITING')).map((text) => text.text);
    });
  const done = async (raceId: string) => {
    await hub.post({ type: 'clear', layer: 'centre' });
    await hub.post({ type: 'stopFeed', feedId: `spares-${raceId}` });
  };

  it('draws a leaderboard whose rows all change into text canvases made between frames, not in its frame', async () => {
    await race('mass');
    const { page, made, idle } = await countingOutput();
    try {
      await push('mass', entrants.slice(0, 10).map((e) => e.bib), 10_000, 0);
      const { revision } = await post({ type: 'take', graphic: { kind: 'leaderboard', props: { raceId: 'mass', top: 10 } } });
      await renderAt(page, 200_000, revision);
      for (let t = 200_000; t <= 203_000; t += 100) await renderAt(page, t); // the board's enter, to its end
      const board = await made();
      expect(board.inFrames, 'the first board drew its ten rows into canvases made in its frames').toBeGreaterThanOrEqual(30);
      await idle();
      expect((await made()).between, 'spare canvases made between frames').toBeGreaterThanOrEqual(10);
      // Ten other athletes lead at the next point: every row leaves and a new one comes, all in the same frames.
      const next = await push('mass', entrants.slice(10).map((e) => e.bib), 20_000, 1);
      await renderAt(page, 204_000, next);
      for (let t = 204_000; t <= 206_000; t += 100) await renderAt(page, t);
      expect(await page.evaluate(() => window.finishline!.texts!().filter((text) => text.text.startsWith('Runner 91')).length), 'the new rows are drawn').toBe(10);
      expect((await made()).inFrames - board.inFrames, 'canvases made in the frames that drew the new rows').toBeLessThanOrEqual(4);
    } finally {
      await page.close();
      await done('mass');
    }
  });

  it("readies the canvases of a board's first rows while they wait to fade in, on a page that never drew one", async () => {
    // A race nothing has passed in yet (the test above filled the mass race's board).
    await race('wheelchair-women');
    const { page, made, idle, rows } = await countingOutput();
    try {
      const { revision, warnings } = await post({ type: 'take', graphic: { kind: 'leaderboard', props: { raceId: 'wheelchair-women', top: 10 } } });
      expect(warnings, 'taken, and the hub says why it is empty').toEqual(['No athlete of WHEELCHAIR WOMEN has passed a timing point yet: the leaderboard shows AWAITING TIMES until one does']);
      await renderAt(page, 300_000, revision);
      for (let t = 300_000; t <= 303_000; t += 100) await renderAt(page, t); // an empty board, entered
      expect(await rows()).toBe(0);
      expect(await caption(page), 'the empty board says so in its panel, below the title bar').toEqual(['AWAITING TIMES']);
      await idle();
      const before = await made();
      // The first passings fill the board: ten new rows, built at once, fading in from half-way through the update.
      const first = await push('wheelchair-women', entrants.slice(0, 10).map((e) => e.bib), 10_000, 0);
      await renderAt(page, 304_000, first);
      expect(await rows(), 'not drawn before they fade in').toBe(0);
      await idle();
      for (let t = 304_000; t <= 306_000; t += 100) await renderAt(page, t);
      expect(await rows(), 'the new rows are drawn').toBe(10);
      const after = await made();
      expect(after.between - before.between, 'canvases readied between frames').toBeGreaterThanOrEqual(30);
      expect(after.inFrames - before.inFrames, 'canvases made in the frames that drew them').toBeLessThanOrEqual(4);
      expect(await caption(page), 'no caption once there are rows').toEqual([]);
      // A page past the last athlete at the point: its caption says which places it waits for, never a bare title bar.
      const pageTwo = await post({ type: 'update', layer: 'centre', graphic: { kind: 'leaderboard', props: { raceId: 'wheelchair-women', top: 10, page: 2 } } });
      expect(pageTwo.warnings).toEqual(["Page 2 of WHEELCHAIR WOMEN's leaderboard starts at place 11: only 10 athletes have passed 10K; it stays empty until they do"]);
      await renderAt(page, 307_000, pageTwo.revision);
      for (let t = 307_000; t <= 309_000; t += 100) await renderAt(page, t);
      expect(await rows()).toBe(0);
      expect(await caption(page)).toEqual(['PLACES 11–20 AWAITING TIMES']);
    } finally {
      await page.close();
      await done('wheelchair-women');
    }
  });
});
