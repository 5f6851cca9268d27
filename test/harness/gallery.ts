import type { Browser, Page } from 'playwright-core';
import { afterAll } from 'vitest';

/**
 * One 1080p page for a whole test file, on which each test opens the gallery page it needs: a fresh document
 * every time (the gallery draws one sample from a clean start), with the browser's cache already warm, so a
 * sample costs a navigation rather than a new browser context. Closed after the file's tests.
 */
export function useGalleryPage(browser: () => Browser): (url: string) => Promise<Page> {
  let page: Page | undefined;
  afterAll(async () => {
    await page?.close();
  });
  return async (url) => {
    if (!page || page.isClosed()) page = await browser().newPage({ viewport: { width: 1920, height: 1080 } });
    return galleryAt(page, url);
  };
}

/** A new 1080p page (its errors logged) on a gallery URL, ready to draw. */
export async function openGalleryPage(browser: Browser, url: string): Promise<Page> {
  return galleryAt(await browser.newPage({ viewport: { width: 1920, height: 1080 } }), url);
}

const logged = new WeakSet<Page>();
async function galleryAt(page: Page, url: string): Promise<Page> {
  if (!logged.has(page)) {
    logged.add(page);
    page.on('pageerror', (error) => console.error(`gallery error: ${error.message}`));
  }
  await page.goto(url);
  await page.waitForFunction(() => window.finishline !== undefined, null, { timeout: 20_000 });
  return page;
}
