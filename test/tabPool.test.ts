import type { Browser } from 'playwright-core';
import { expect, it } from 'vitest';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';
import { openPanel, rundownItem } from './harness/panel';

// The harness gives a closed page's tab to the next newPage (test/harness/tabPool.ts): no test may see what
// another left in it.

let hub: HubProcess;
let browser: Browser;
useHubAndBrowser((started) => ({ hub, browser } = started));

it("hands a closed panel's tab to the next page with nothing of it left: storage, cue, draft, listeners, routes, history, viewport", async () => {
  const first = await openPanel(browser, hub, '', { width: 1500, height: 900 });
  const tab = first.mainFrame();
  const heard: string[] = [];
  first.on('console', (message) => heard.push(message.text()));
  await first.route('**/nothing-here', (route) => route.fulfill({ body: 'routed' }));
  await rundownItem(first, 'Jonathan Edwards').first().click();
  await first.keyboard.press('e');
  await first.getByRole('form', { name: /^Edit “Jonathan Edwards”/ }).getByLabel('Role').fill('Unsaved role');
  await first.evaluate(() => sessionStorage.setItem('left.by', 'the first test'));
  await first.close(); // with an unsent draft: the panel asks before it is left

  expect(first.isClosed()).toBe(true);
  expect(() => first.url()).toThrow(/closed/);
  expect(() => first.keyboard).toThrow(/closed/);
  const second = await openPanel(browser, hub);
  expect(second.mainFrame()).toBe(tab); // the same tab, used again
  expect(second.viewportSize()).toEqual({ width: 1600, height: 1000 }); // openPanel's, not the first page's
  expect(await second.evaluate(() => sessionStorage.getItem('left.by'))).toBeNull();
  await expect.poll(() => rundownItem(second, 'Steve Cram').first().getAttribute('aria-selected')).toBe('true'); // the show's first item: a fresh panel
  expect(await second.getByRole('form', { name: /^Edit/ }).count()).toBe(0);
  expect(await second.evaluate(() => history.length)).toBe(2); // about:blank, then this page
  expect(await second.evaluate(() => fetch('/nothing-here').then((r) => r.status))).toBe(404);
  await second.evaluate(() => console.log('said to the second page'));
  expect(heard).not.toContain('said to the second page');
  await second.close();
});

it('closes for good a tab whose page state cannot be taken back', async () => {
  const first = await browser.newPage();
  const tab = first.mainFrame();
  await first.addInitScript('window.leftBehind = true');
  await first.close();
  const second = await browser.newPage();
  expect(second.mainFrame()).not.toBe(tab);
  await second.close();
});
