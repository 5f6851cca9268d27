import type { Browser, Page } from 'playwright-core';
import type { HubProcess } from './hubProcess';

/** Opens the operator panel with the token and waits until it is connected and its monitors are running. */
export async function openPanel(browser: Browser, hub: HubProcess, query = '', viewport = { width: 1600, height: 1000 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (error) => console.error(`panel page error: ${error.message}`));
  await page.goto(`${hub.url}/?token=${hub.token}${query}`);
  await page.getByRole('status').filter({ hasText: /^Connected$/ }).waitFor();
  await page.waitForFunction(() => document.documentElement.dataset.monitors === 'ready', null, { timeout: 30_000 });
  await page.waitForFunction(() => window.finishlinePanel?.revision() != null); // the show has arrived (and the first item is cued)
  return page;
}

/** The rundown entry whose title starts with `title`. */
export function rundownItem(page: Page, title: string) {
  return page.getByRole('listbox', { name: 'Rundown' }).getByRole('option', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
}
