import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';
import { openPanel, rundownItem } from './harness/panel';

let hub: HubProcess;
let browser: Browser;
useHubAndBrowser((started) => ({ hub, browser } = started));

const cued = async (page: Page) => page.getByRole('listbox', { name: 'Rundown' }).getByRole('option', { selected: true }).textContent();
const shown = (page: Page) => page.getByRole('listbox', { name: 'Rundown' }).getByRole('option').count();

describe('finding in the rundown', () => {
  it('filters by typing after /, cues matches with the arrows, and Enter keeps the cue without taking anything', async () => {
    const page = await openPanel(browser, hub);
    const before = await hub.state();
    const find = page.getByRole('searchbox', { name: 'Find', exact: true });
    await page.keyboard.press('/');
    expect(await find.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type('kip');
    await expect.poll(() => shown(page)).toBe(3);
    expect(await page.getByRole('search').getByRole('status').textContent()).toBe(`3 of ${before.rundown.length}`);
    await expect.poll(() => cued(page)).toMatch(/^Eliud Kipchoge/); // the first match is cued (PVW), nothing goes to air
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => cued(page)).toMatch(/^Wilson Kipsang/);
    await page.keyboard.press('Enter');
    await expect.poll(() => shown(page)).toBe(before.rundown.length);
    expect(await cued(page)).toMatch(/^Wilson Kipsang/);
    expect(await find.evaluate((input) => input === document.activeElement)).toBe(false);
    expect(await find.inputValue()).toBe('');
    expect((await hub.state()).revision).toBe(before.revision);
    expect((await hub.state()).onAir).toEqual({});

    // Nothing matches: it says so; Esc clears and leaves the cue where it was.
    await page.keyboard.press('/');
    await page.keyboard.type('radclife');
    await page.getByRole('search').getByText('No item matches “radclife”').waitFor();
    expect(await shown(page)).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => shown(page)).toBe(before.rundown.length);
    expect(await cued(page)).toMatch(/^Wilson Kipsang/);
    expect((await hub.state()).revision).toBe(before.revision);
  });

  it('jumps to a group by typing its name, and a group at a time with PageDown / PageUp', async () => {
    const page = await openPanel(browser, hub);
    await page.keyboard.press('/');
    await page.keyboard.type('wheelchair');
    await page.keyboard.press('Enter');
    await expect.poll(() => cued(page)).toMatch(/^Race clocks — wheelchair men and women/);
    expect(await rundownItem(page, 'Race clocks — wheelchair').isVisible()).toBe(true);

    await page.keyboard.press('PageUp'); // the group's first item is cued: to the start of the group before
    await expect.poll(() => cued(page)).toMatch(/^Mary Keitany/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('PageUp'); // inside a group: to its start first
    await expect.poll(() => cued(page)).toMatch(/^Mary Keitany/);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect.poll(() => cued(page)).toMatch(/^39,698 runners/);
    expect((await hub.state()).onAir).toEqual({});
  });

  it('lists the find and group keys in the ? help', async () => {
    const page = await openPanel(browser, hub);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard' });
    expect(await help.getByRole('row', { name: /^\/ / }).textContent()).toContain('Find in the rundown');
    expect(await help.getByRole('row', { name: /^PageUp \/ PageDown/ }).textContent()).toContain('Cue the first item of the previous / next group');
    expect(await help.getByRole('row', { name: /^R / }).textContent()).toContain('Races: add, edit or remove');
  });
});
