import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import tickerLayout from '../templates/projectionTicker.json';
import theme from '../templates/themes/finishline.json';
import { grab, isColour, openOutput, renderAt, type Frame, type Renderer } from './harness/browser';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';

const hms = (h: number, m: number, s: number) => ((h * 60 + m) * 60 + s) * 1000;
type Box = { x: number; y: number; width: number; height: number };

let hub: HubProcess;
let browser: Browser;

useHubAndBrowser((started) => ({ hub, browser } = started));

/** Posts a command that must be applied; returns the revision it made. */
async function command(body: unknown): Promise<number> {
  const result = await hub.post(body);
  expect(result, JSON.stringify(body)).toMatchObject({ status: 200 });
  return result.body.revision;
}

/** The RGBA bytes of a box of a frame, for comparing one part of two frames. */
function pixels(frame: Frame, box: Box): Buffer {
  const rows: Buffer[] = [];
  for (let y = box.y; y < box.y + box.height; y++) {
    const start = (y * frame.width + box.x) * 4;
    rows.push(frame.data.subarray(start, start + box.width * 4));
  }
  return Buffer.concat(rows);
}

async function renderBoth(pages: Page[], t: number, revision?: number): Promise<boolean[]> {
  const drew: boolean[] = [];
  for (const page of pages) {
    if (revision !== undefined) await renderAt(page, t, revision);
    else drew.push(await page.evaluate((time) => window.finishline!.renderAt(time), t));
  }
  return drew;
}

describe.each<Renderer>(['webgl', 'canvas'])('race graphics on the %s renderer', (renderer) => {
  it('shows the same race clock on two outputs at the same hub time, changing exactly on each second', async () => {
    const gun = 1_700_000_000_000;
    const raceId = `clock-${renderer}`;
    await command({ type: 'addRace', raceId, name: 'ELITE MEN', kind: 'elite-men' });
    await command({ type: 'setGunTime', raceId, gunTime: gun });
    const taken = await command({ type: 'take', graphic: { kind: 'raceClock', props: { raceIds: [raceId, 'elite-women'] } } });
    const pages = [await openOutput(browser, hub.url, renderer), await openOutput(browser, hub.url, renderer)];
    for (const page of pages) expect(await page.evaluate(() => window.finishline!.renderer)).toBe(renderer);

    // The enter starts on the first frame drawn after the take and is over well within a second.
    await renderBoth(pages, gun + hms(1, 2, 1), taken);
    await renderBoth(pages, gun + hms(1, 2, 2));
    const clock = theme.regions.clock;
    const shot = async (t: number) => {
      const drew = await renderBoth(pages, t);
      const [a, b] = [await grab(pages[0]!), await grab(pages[1]!)];
      return { drew, a: pixels(a, clock), b: pixels(b, clock) };
    };

    const start = await shot(gun + hms(1, 2, 3));
    const late = await shot(gun + hms(1, 2, 3) + 999);
    const next = await shot(gun + hms(1, 2, 4));
    expect(start.a.equals(start.b), '1:02:03 drawn identically on both outputs').toBe(true);
    expect(late.a.equals(late.b), 'identical at 1:02:03.999').toBe(true);
    expect(next.a.equals(next.b), '1:02:04 drawn identically on both outputs').toBe(true);
    expect(start.drew, 'the new second is drawn').toEqual([true, true]);
    expect(late.drew, 'nothing is redrawn within the same second').toEqual([false, false]);
    expect(late.a.equals(start.a), 'still 1:02:03 at .999').toBe(true);
    expect(next.drew, 'the next second is drawn on its first millisecond').toEqual([true, true]);
    expect(next.a.equals(start.a), 'the clock moved on to 1:02:04').toBe(false);

    for (const page of pages) await page.close();
    await command({ type: 'clear', layer: 'clock' });
  });

  it('updates the projection ticker in place when a new split arrives: only the changed values roll', async () => {
    const raceId = `ticker-${renderer}`;
    await command({ type: 'addRace', raceId, name: 'ELITE MEN', kind: 'elite-men' });
    await command({ type: 'setGunTime', raceId, gunTime: '2016-04-24T10:00:00+01:00' });
    await command({ type: 'setRecord', raceId, record: { label: 'WORLD RECORD', holder: 'Dennis Kimetto', ms: '2:02:57' } });
    await command({ type: 'addSplit', raceId, metres: '10K', elapsedMs: '28:37' });
    const taken = await command({ type: 'take', graphic: { kind: 'projectionTicker', props: { raceId } } });
    const instance = (await hub.state()).onAir.ticker.id;
    const page = await openOutput(browser, hub.url, renderer);
    expect(await page.evaluate(() => window.finishline!.renderer)).toBe(renderer);

    const T = 100_000;
    await renderAt(page, T, taken);
    await renderAt(page, T + 2000);
    const before = await grab(page);

    const split = await command({ type: 'addSplit', raceId, metres: 'HALFWAY', elapsedMs: '1:01:24', leaders: ['Kipchoge'] });
    expect((await hub.state()).onAir.ticker.id, 'the same graphic instance stays on air').toBe(instance);
    await renderAt(page, T + 10_000, split);
    const firstFrame = await grab(page);
    await renderAt(page, T + 10_000 + (theme.timing.updateSeconds * 1000) / 4);
    const midUpdate = await grab(page);
    await renderAt(page, T + 12_000);
    const after = await grab(page);
    expect(await page.evaluate(() => window.finishline!.shownRevision())).toBe(split);

    const ticker = theme.regions.ticker;
    const top = ticker.y + Math.round((ticker.height - tickerLayout.height) / 2);
    const nameEnd = ticker.x + tickerLayout.nameWidth;
    const slots = tickerLayout.slots;
    const splitSlot = { x: nameEnd, y: top, width: slots.split, height: tickerLayout.height };
    const recordSlot = { x: nameEnd + slots.split + slots.projected, y: top, width: slots.record, height: tickerLayout.height };
    const nameBlock = { x: ticker.x, y: top, width: tickerLayout.nameWidth, height: tickerLayout.height };
    const deltaSlot = { x: recordSlot.x + slots.record, y: top, width: slots.delta, height: tickerLayout.height };

    // No re-enter: on the update's first frame the bar is still all there (an enter starts hidden).
    expect(isColour(firstFrame.at(recordSlot.x + slots.record - 12, top + 6), theme.colours.panel)).toBe(true);
    expect(pixels(firstFrame, splitSlot).equals(pixels(before, splitSlot)), 'nothing has moved on the first frame').toBe(true);
    // The record and the race name never move, not even mid-update; the split and the difference do.
    for (const [phase, frame] of [['mid-update', midUpdate], ['after', after]] as const) {
      expect(pixels(frame, recordSlot).equals(pixels(before, recordSlot)), `record segment unchanged ${phase}`).toBe(true);
      expect(pixels(frame, nameBlock).equals(pixels(before, nameBlock)), `race name unchanged ${phase}`).toBe(true);
    }
    expect(pixels(midUpdate, splitSlot).equals(pixels(before, splitSlot)), 'the split is rolling mid-update').toBe(false);
    expect(pixels(after, splitSlot).equals(pixels(before, splitSlot)), 'the split shows HALFWAY after').toBe(false);
    expect(pixels(after, deltaSlot).equals(pixels(before, deltaSlot)), 'the difference changed').toBe(false);
    // 9 S UNDER sits on the under colour.
    expect(isColour(after.at(deltaSlot.x + tickerLayout.paddingX + 4, top + tickerLayout.height / 2), theme.colours.under)).toBe(true);

    await page.close();
    await command({ type: 'clear', layer: 'ticker' });
  });
});
