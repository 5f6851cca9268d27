import type { Browser, Page } from 'playwright-core';

/**
 * Frame intervals of several pages of one Chromium over the same window, so an output's missed frames can be set
 * beside those of a page that cannot be the product's fault (a bare page moving a square each frame: the same
 * machine, the same browser and display compositor, at the same time). Frames are stamped on the wall clock
 * (performance.timeOrigin + the rAF timestamp), so a gap in one page can be matched with a gap in another.
 */
export async function recordFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const frames: number[] = [];
    (window as unknown as { __frames: number[] }).__frames = frames;
    const record = (t: number) => {
      frames.push(performance.timeOrigin + t);
      requestAnimationFrame(record);
    };
    requestAnimationFrame(record);
  });
}

/**
 * A page in a browser context of its own: pages of one context are tabs of one window, and there a page other than
 * the front one got one animation frame a second (measured: a bare page and an output beside another output).
 */
export async function pageOfItsOwn(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: null });
  await context.addInitScript('globalThis.__name = (fn) => fn;'); // as launchBenchBrowser's
  return context.newPage();
}

/** A blank page whose only work is a 40 px square moved each frame (a commit and a compositor frame every vsync). */
export async function openBarePage(page: Page): Promise<void> {
  await page.setContent('<body style="margin:0;background:transparent"><div id="sq" style="position:absolute;width:40px;height:40px;background:#0a0"></div></body>');
  await page.evaluate(() => {
    const square = document.getElementById('sq')!;
    const move = (t: number) => {
      square.style.transform = `translateX(${Math.round(t / 10) % 1800}px)`;
      requestAnimationFrame(move);
    };
    requestAnimationFrame(move);
  });
  await recordFrames(page);
}

/** Each page's frame stamps (wall-clock ms) over `during`. */
export async function framesOf(pages: Page[], during: () => Promise<unknown>): Promise<number[][]> {
  await Promise.all(pages.map((page) => page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.splice(0))));
  await during();
  return Promise.all(pages.map((page) => page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.slice())));
}

export const intervalsOf = (stamps: number[]) => stamps.slice(1).map((t, i) => t - stamps[i]!);

/** 50p frames missed: a gap of n 20 ms periods (rounded) misses n - 1 (as the output's own report counts them). */
export const missed50p = (interval: number) => Math.max(0, Math.round(interval / 20) - 1);
export const missedFrames = (stamps: number[]) => intervalsOf(stamps).reduce((sum, i) => sum + missed50p(i), 0);

/** The gaps that miss a 50p frame: [start, end] on the wall clock. */
export function missingGaps(stamps: number[]): [number, number][] {
  const gaps: [number, number][] = [];
  for (let i = 1; i < stamps.length; i++) if (missed50p(stamps[i]! - stamps[i - 1]!) > 0) gaps.push([stamps[i - 1]!, stamps[i]!]);
  return gaps;
}

/** How many of `gaps` overlap a gap of `other` (the other page missed a frame at the same moment). */
export function coinciding(gaps: [number, number][], other: [number, number][]): number {
  return gaps.filter(([a, b]) => other.some(([c, d]) => c < b && d > a)).length;
}

/** One line setting the product's missed frames beside the baselines'. */
export function compareMissed(product: { label: string; stamps: number[] }, baselines: { label: string; stamps: number[] }[]): string {
  const mine = missingGaps(product.stamps);
  const n = missedFrames(product.stamps);
  const parts = baselines.map(({ label, stamps }) => {
    const m = missedFrames(stamps);
    const theirs = missingGaps(stamps);
    return `${label} ${m} (${coinciding(mine, theirs)} of the ${product.label}'s ${mine.length} gaps at the same moment as one of its ${theirs.length})`;
  });
  return `missed 50p frames: ${product.label} ${n}; ${parts.join('; ')}`;
}
