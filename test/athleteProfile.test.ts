import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import layout from '../templates/athleteProfile.json';
import defaultTheme from '../templates/themes/finishline.json';
import { grab, isColour, opaqueBounds, openOutput, renderAt, renderReceived, type Renderer } from './harness/browser';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';

const kimetto = {
  type: 'take',
  graphic: {
    kind: 'athleteProfile',
    props: {
      name: 'Dennis Kimetto',
      age: 32,
      country: 'KE',
      bio: 'Ran each 5k of that Berlin Marathon in under 15 minutes',
      best: { label: 'World record', time: '2:02:57', note: 'Berlin 2014' },
    },
  },
};
const region = defaultTheme.regions.lowerThird;
// Geometry from templates/athleteProfile.json: the card sits on the region's bottom-left, inset.
const cardHeight = layout.panelHeight + layout.bestHeight + layout.bioHeight;
const cardTop = region.y + region.height - layout.inset - cardHeight;
const flagLeft = region.x + layout.inset + layout.accentWidth + layout.paddingX;
const flagHeight = (layout.flagWidth * 3) / 4;
const flagTop = cardTop + (layout.panelHeight - flagHeight) / 2;

let hub: HubProcess;
let browser: Browser;
useHubAndBrowser((started) => ({ hub, browser } = started));

describe('athlete profile input', () => {
  it.each([
    [{ country: 'XYZ' }, 'Command refused: graphic.props.country: "XYZ" is not a country: give a World Athletics or ISO 3166 code (KEN, GER or KE) or the country’s English name (Kenya)'],
    [{ age: 320 }, 'Command refused: graphic.props.age: must be a whole number of years from 14 to 90, not 320'],
  ])('refuses %j with a sentence and changes nothing on air', async (change, message) => {
    await hub.post(kimetto);
    const before = await hub.state();
    const result = await hub.post({ ...kimetto, graphic: { ...kimetto.graphic, props: { ...kimetto.graphic.props, ...change } } });
    expect(result.status).toBe(400);
    expect(result.body.error).toBe(message);
    expect(await hub.state()).toEqual(before);
    await hub.post({ type: 'clear', layer: 'lowerThird' });
  });
});

describe.each<Renderer>(['webgl', 'canvas'])('athlete profile on the %s renderer', (renderer) => {
  it('enters once its flag is loaded and shows the Kenyan flag’s colours in the flag box', async () => {
    const page = await openOutput(browser, hub.url, renderer);
    expect(await page.evaluate(() => window.finishline!.renderer)).toBe(renderer);
    await renderAt(page, 99_000); // the page's first snapshot is shown as it stands, so take after it
    // The Kenyan flag is held on its way (a slow network): the graphic waits for it instead of entering without it.
    // (Routing also bypasses the cache, so a flag an earlier page of this file loaded is fetched again.)
    let releaseFlag!: () => void;
    const flagHeld = new Promise<void>((resolve) => (releaseFlag = resolve));
    await page.route(/\/assets\/ke-[^/]*\.(svg|js)$/, async (route) => {
      await flagHeld;
      await route.continue();
    });
    const { body } = await hub.post(kimetto);
    await renderReceived(page, 100_000, body.revision); // drawn once: the take waits for its flag
    expect(opaqueBounds(await grab(page))).toBeNull();
    expect(await page.evaluate(() => window.finishline!.assetsPending())).toBeTruthy();
    releaseFlag();
    await page.waitForFunction(() => !window.finishline!.assetsPending(), null, { timeout: 10_000 });

    await renderAt(page, 101_000);
    expect(opaqueBounds(await grab(page)), 'hidden at the first frame of its enter, drawn after its flag loaded').toBeNull();
    await renderAt(page, 104_000);
    const frame = await grab(page);
    const flagAt = (dx: number, dy: number) => frame.at(flagLeft + dx, flagTop + dy);
    expect(isColour(flagAt(8, 10), '#000001'), 'black band').toBe(true);
    expect(isColour(flagAt(8, 36), '#bb0000'), 'red band').toBe(true);
    expect(isColour(flagAt(8, 62), '#006600'), 'green band').toBe(true);
    expect(isColour(flagAt(-8, 36), defaultTheme.colours.panel), 'panel around the flag').toBe(true);
    await hub.post({ type: 'clear', layer: 'lowerThird' });
    await page.close();
  });
});

describe('athlete profile whose flag could not be loaded (the hub gone for a restart)', () => {
  it('is drawn without the flag, then a profile taken later tries it again and shows it', async () => {
    const page = await openOutput(browser, hub.url, 'canvas');
    await renderAt(page, 99_000);
    const flagBands = async (t: number, revision?: number) => {
      await (revision === undefined ? renderAt(page, t) : renderReceived(page, t, revision));
      const frame = await grab(page);
      return [10, 36, 62].map((dy) => ['#000001', '#bb0000', '#006600', defaultTheme.colours.panel].find((c) => isColour(frame.at(flagLeft + 8, flagTop + dy), c)) ?? 'other');
    };
    // The flag's files do not arrive (their hub has gone): the profile is not kept off air for it.
    let down = true;
    await page.route(/\/assets\/ke-[^/]*\.(svg|js)$/, (route) => (down ? route.abort('connectionrefused') : route.continue()));
    const first = await hub.post(kimetto);
    await page.waitForFunction(() => !window.finishline!.assetsPending(), null, { timeout: 10_000 });
    await flagBands(100_000, first.body.revision);
    const without = await flagBands(104_000);
    expect(opaqueBounds(await grab(page)), 'on air').not.toBeNull();
    for (const band of ['#000001', '#bb0000', '#006600']) expect(without).not.toContain(band);
    const cleared = await hub.post({ type: 'clear', layer: 'lowerThird' });
    await renderReceived(page, 105_000, cleared.body.revision);

    // The hub is back: the next profile taken (a while later) loads the flag and shows it.
    down = false;
    await new Promise((resolve) => setTimeout(resolve, 2100)); // RETRY_FAILED_MS in render/assetLoader.ts
    const second = await hub.post(kimetto);
    await flagBands(110_000, second.body.revision);
    await page.waitForFunction(() => !window.finishline!.assetsPending(), null, { timeout: 10_000 });
    await renderAt(page, 111_000);
    expect(await flagBands(114_000)).toEqual(['#000001', '#bb0000', '#006600']);
    await hub.post({ type: 'clear', layer: 'lowerThird' });
    await page.close();
  });
});
