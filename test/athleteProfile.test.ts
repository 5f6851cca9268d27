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
    [{ country: 'XYZ' }, 'Command refused: graphic.props.country: "XYZ" is not a country: give an ISO 3166 code (KEN or KE) or the country’s English name (Kenya)'],
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
