import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { startHub, type HubProcess } from './hubProcess';

export type HubAndBrowser = { hub: HubProcess; browser: Browser };

/**
 * A real hub process and a real Chromium for one test file: both start before its tests (then `started` runs
 * with them) and both stop after, whichever of them came up.
 */
export function useHubAndBrowser(started: (env: HubAndBrowser) => unknown, hubOptions: () => Parameters<typeof startHub>[0] = () => ({})): void {
  let hub: HubProcess | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const [h, b] = await Promise.allSettled([startHub(hubOptions()), launchBrowser()]);
    if (h.status === 'fulfilled') hub = h.value;
    if (b.status === 'fulfilled') browser = b.value;
    if (h.status === 'rejected') throw h.reason;
    if (b.status === 'rejected') throw b.reason;
    await started({ hub: hub!, browser: browser! });
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.kill();
  });
}
