import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import theme from '../templates/themes/finishline.json';
import { grab, openOutput, renderAt, type Frame, type Renderer } from './harness/browser';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';

// An operator who updates a graphic straight after taking it (correcting a typo) must not cut its entrance
// short: the enter plays to its end as taken, then the graphic animates to the latest props.
const cram = { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC athletics commentator' } };
const foster = { kind: 'nameCard', props: { name: 'Brendan Foster', role: 'Olympic medallist and BBC athletics commentator on BBC One' } };
// The name card's enter lasts exactly the theme's enterSeconds; its update, updateSeconds.
const ENTER_MS = theme.timing.enterSeconds * 1000;
const UPDATE_MS = theme.timing.updateSeconds * 1000;

let hub: HubProcess;
let browser: Browser;
useHubAndBrowser((started) => ({ hub, browser } = started));

/** Whether two frames are the same picture (±1 per channel). */
function same(a: Frame, b: Frame): boolean {
  if (a.width !== b.width || a.height !== b.height) return false;
  for (let i = 0; i < a.data.length; i++) if (Math.abs(a.data[i]! - b.data[i]!) > 1) return false;
  return true;
}

async function open(renderer: Renderer): Promise<Page> {
  const page = await openOutput(browser, hub.url, renderer);
  expect(await page.evaluate(() => window.finishline!.renderer)).toBe(renderer);
  return page;
}

async function frameAt(page: Page, t: number, revision?: number): Promise<Frame> {
  await renderAt(page, t, revision);
  return grab(page);
}

describe.each<Renderer>(['webgl', 'canvas'])('an update that arrives mid-enter, on the %s renderer', (renderer) => {
  it('lets the enter finish as taken, then animates to the update from the frame the enter ends on', async () => {
    const t0 = 1_000_000;
    const cleared = (await hub.post({ type: 'clearAll' })).body.revision;
    const [updated, reference] = [await open(renderer), await open(renderer)];
    for (const page of [updated, reference]) await renderAt(page, t0 - 1000, cleared);
    const take = (await hub.post({ type: 'take', graphic: cram })).body.revision;
    for (const page of [updated, reference]) await renderAt(page, t0, take);
    // The reference plays the enter with no update (it draws these frames before the update exists).
    const midEnter = await frameAt(reference, t0 + ENTER_MS / 2);
    const enterEnd = await frameAt(reference, t0 + ENTER_MS);
    await reference.close();

    await renderAt(updated, t0 + ENTER_MS / 4);
    const update = await hub.post({ type: 'update', layer: 'lowerThird', graphic: foster });
    expect(update.status).toBe(200);
    expect(same(await frameAt(updated, t0 + ENTER_MS / 2, update.body.revision), midEnter), 'mid-enter, as taken').toBe(true);
    expect(same(await frameAt(updated, t0 + ENTER_MS), enterEnd), 'the enter ends as taken').toBe(true);
    const midUpdate = await frameAt(updated, t0 + ENTER_MS + UPDATE_MS / 2);
    expect(same(midUpdate, enterEnd), 'then it animates').toBe(false);

    // Once the update is over it is exactly what a page showing the updated card on air draws.
    const fresh = await open(renderer);
    const onAir = await frameAt(fresh, t0 + ENTER_MS + UPDATE_MS, update.body.revision);
    expect(same(await frameAt(updated, t0 + ENTER_MS + UPDATE_MS), onAir), 'after the update').toBe(true);
    const texts = (await updated.evaluate(() => window.finishline!.texts!())).map((t) => t.text);
    expect(texts).toEqual([foster.props.name, foster.props.role]);
    await fresh.close();
    await updated.close();
  });
});
