import type { CDPSession, Page } from 'playwright-core';
import { frameOf, type Frame } from './browser';
import { captureRgba } from './screenshot';

type Clip = { x: number; y: number; width: number; height: number };

/**
 * grab() (test/harness/browser.ts) for a run of frames of one page: the same capture (DevTools
 * Page.captureScreenshot over a transparent default background, fast PNG, straight RGBA), but the transparent
 * background is set once for the run instead of set and taken back around every capture. Each change of the
 * default background makes Chromium paint the whole page again, twice per grab(): a run of clipped grabs of a
 * 1080p page paid for two full-page paints per frame. release() puts the background back and lets the DevTools
 * session go; call it before the page is closed or navigated.
 */
export type SteadyGrabber = { grab(clip?: Clip): Promise<Frame>; release(): Promise<void> };

export async function steadyGrabber(page: Page): Promise<SteadyGrabber> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDefaultBackgroundColorOverride', { color: { r: 0, g: 0, b: 0, a: 0 } });
  let released = false;
  return {
    async grab(clip) {
      if (released) throw new Error('steadyGrabber: grab after release');
      return frameOf(await captureRgba(cdp, clip));
    },
    async release() {
      if (released) return;
      released = true;
      await cdp.send('Emulation.setDefaultBackgroundColorOverride', {}).catch(() => {});
      await cdp.detach().catch(() => {});
    },
  };
}
