import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openOutput, renderAt, type Renderer } from './harness/browser';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';

const TAKES = [
  { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC athletics commentator on BBC One' } },
  { kind: 'athleteProfile', props: { name: 'Dennis Kimetto', age: 32, country: 'KE', bio: 'Ran each 5k of that Berlin Marathon in under 15 minutes', best: { label: 'World record', time: '2:02:57', note: 'Berlin 2014' } } },
];

let hub: HubProcess;
let browser: Browser;

useHubAndBrowser((started) => ({ hub, browser } = started));

/** What the page holds: the scene's own counts and the elements in its document. */
async function held(page: Page) {
  return page.evaluate(() => ({ ...window.finishline!.resources!(), elements: document.getElementsByTagName('*').length }));
}

describe.each<Renderer>(['canvas', 'webgl'])('an output on the %s renderer after many takes and clears', (renderer) => {
  it('holds exactly what it held before: display objects, textures, animations, elements', async () => {
    await hub.post({ type: 'clearAll' });
    const page = await openOutput(browser, hub.url, renderer);
    let t = 100_000;
    const cycle = async (graphic: unknown) => {
      const take = await hub.post({ type: 'take', graphic });
      await renderAt(page, (t += 1000), take.body.revision);
      await renderAt(page, (t += 300)); // mid-enter
      await renderAt(page, (t += 2000)); // on air
      const clear = await hub.post({ type: 'clear', layer: 'lowerThird' });
      await renderAt(page, (t += 1000), clear.body.revision);
      await renderAt(page, (t += 200)); // mid-exit
      await renderAt(page, (t += 2000)); // gone
    };
    // One of each first: flags, fonts and Pixi's pools are filled once per page, which is not a leak.
    for (const graphic of TAKES) await cycle(graphic);
    const before = await held(page);
    const cycles = 20;
    for (let i = 0; i < cycles; i++) await cycle(TAKES[i % TAKES.length]);
    const after = await held(page);
    // Pixi's webgl renderer hands text textures back to a pool whose size at a given moment can differ by a few
    // under load; a texture kept per take would add at least one per cycle (before the fix: +86 in 20 cycles).
    expect(after.textures - before.textures, `textures ${before.textures} → ${after.textures}`).toBeLessThan(cycles / 2);
    expect({ ...after, textures: 0 }).toEqual({ ...before, textures: 0 });
    expect(before.gsapRoot, 'no animation is left in GSAP').toBe(0);
    expect(before.playing).toBe(0);
    await page.close();
  });
});
