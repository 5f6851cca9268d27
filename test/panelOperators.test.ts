import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';
import { openPanel, rundownItem } from './harness/panel';

let hub: HubProcess;
let browser: Browser;
let a: Page;
let b: Page;
useHubAndBrowser(async (started) => {
  ({ hub, browser } = started);
  [a, b] = await Promise.all([openPanel(browser, hub), openPanel(browser, hub)]);
});

const revisionShown = (page: Page) => page.locator('.show-name').textContent();

describe('several operators', () => {
  it('show the same rundown and air in two panels at once', async () => {
    await a.keyboard.press('d'); // duplicate Steve Cram
    await expect.poll(() => rundownItem(b, 'Steve Cram').count()).toBe(3); // card, copy and quote
    await rundownItem(b, 'Baroness Tanni Grey-Thompson').first().click();
    await b.keyboard.press('Space');
    await expect.poll(() => rundownItem(a, 'Baroness Tanni Grey-Thompson').first().getAttribute('data-tally')).toBe('pgm');
    expect(await a.locator('#pgm-caption').textContent()).toBe('PGM · Lower third: Baroness Tanni Grey-Thompson');
    await expect.poll(() => revisionShown(a)).toBe(await revisionShown(b));
    // Each panel has its own cue.
    expect(await rundownItem(a, 'Steve Cram').first().getAttribute('aria-selected')).toBe('true');
    expect(await rundownItem(b, 'Baroness Tanni Grey-Thompson').first().getAttribute('aria-selected')).toBe('true');
    await b.keyboard.press('F2');
  });

  it("refuses an edit made against a stale item with a message, keeping the other operator's change and this one's draft", async () => {
    await rundownItem(a, 'Jonathan Edwards').first().click();
    await rundownItem(b, 'Jonathan Edwards').first().click();
    await a.keyboard.press('e');
    await b.keyboard.press('e');
    const formA = a.getByRole('form', { name: /^Edit “Jonathan Edwards”/ });
    const formB = b.getByRole('form', { name: /^Edit “Jonathan Edwards”/ });
    await formB.getByLabel('Role').fill('BBC Sport');
    await formB.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await hub.state()).rundown.find((i: any) => i.id === 'r3').graphic.props.role).toBe('BBC Sport');

    await formA.getByRole('alert').filter({ hasText: 'Another operator changed this item since you opened it' }).waitFor();
    await formA.getByLabel('Role').fill('Three-time London winner');
    const before = await hub.state();
    await formA.getByRole('button', { name: 'Save' }).click();
    await formA
      .getByRole('alert')
      .filter({ hasText: /^Another operator changed “Jonathan Edwards” while you were editing it; nothing was changed: load their version and make your edit again$/ })
      .waitFor();
    expect(await hub.state()).toEqual(before);
    expect(await formA.getByLabel('Role').inputValue()).toBe('Three-time London winner');

    await formA.getByRole('button', { name: 'Load their version' }).click();
    await expect.poll(() => a.getByRole('form', { name: /^Edit/ }).getByLabel('Role').inputValue()).toBe('BBC Sport');
    await a.getByRole('form', { name: /^Edit/ }).getByRole('button', { name: 'Cancel' }).click();
  });

  it('locks the rundown against edits while take and clear still work', async () => {
    await rundownItem(b, 'Steve Cram').first().click();
    await b.keyboard.press('e');
    await a.getByRole('button', { name: 'Lock show', exact: true }).click();
    await b.getByText('LOCKED', { exact: true }).waitFor();
    expect(await b.getByRole('toolbar', { name: 'Rundown item' }).getByRole('button', { name: 'Edit' }).isDisabled()).toBe(true);

    // A form that was already open is refused by the hub, with the reason.
    const form = b.getByRole('form', { name: /^Edit “Steve Cram”/ });
    await form.getByLabel('Role').fill('Changed under the lock');
    const before = (await hub.state()).rundown;
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('alert').filter({ hasText: 'The show is locked: unlock it to change the rundown (take and clear still work)' }).waitFor();
    expect((await hub.state()).rundown).toEqual(before);
    await form.getByRole('button', { name: 'Cancel' }).click();

    await b.keyboard.press('Space');
    await expect.poll(async () => (await hub.state()).onAir.lowerThird?.itemId).toBe('r1');
    await b.keyboard.press('F2');
    await expect.poll(async () => (await hub.state()).onAir).toEqual({});
    // The panel's own answer to the clear comes after the hub's state changed: wait for it, or it would replace
    // the message the next key press gives.
    await b.getByRole('status').filter({ hasText: 'Cleared Lower third' }).waitFor();
    await b.keyboard.press('n');
    await b.getByRole('alert').filter({ hasText: 'The show is locked' }).waitFor();

    await b.getByRole('button', { name: 'Unlock show' }).click();
    await a.getByRole('button', { name: 'Lock show', exact: true }).waitFor();
    expect(await a.getByRole('toolbar', { name: 'Rundown item' }).getByRole('button', { name: 'Edit' }).isDisabled()).toBe(false);
  });

  it('imports commentators from CSV with a report of the rows rejected and why', async () => {
    const csv = ['name,role,quote', 'Gabby Logan,Presenter,', ',No name,', 'Jonathan Edwards,Presenter', `Sonali Shah,"${'Host '.repeat(30)}",`, 'Colin Jackson,Pundit,'].join('\n');
    const before = (await hub.state()).rundown.length;
    await a.getByRole('button', { name: 'Import CSV…' }).click();
    const dialog = a.getByRole('dialog', { name: 'Import from CSV' });
    await dialog.getByLabel('Group').fill('Presenters');
    await dialog.getByLabel('CSV file').setInputFiles({ name: 'presenters.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const rejected = dialog.getByRole('list', { name: 'Rejected rows' }).getByRole('listitem');
    await expect.poll(() => rejected.allTextContents()).toEqual([
      'Line 3: name: is required',
      'Line 4: has 2 values; the header has 3 columns',
      'Line 5: role: Too big: expected string to have <=120 characters',
    ]);
    expect((await hub.state()).rundown.length).toBe(before);
    await dialog.getByRole('button', { name: 'Import 2 items' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await b.getByRole('group', { name: 'Presenters' }).getByRole('option').first().waitFor();
    expect(await b.getByRole('group', { name: 'Presenters' }).getByRole('option').allTextContents()).toEqual([
      expect.stringMatching(/^Gabby Logan/),
      expect.stringMatching(/^Colin Jackson/),
    ]);
    const after = await hub.state();
    expect(after.rundown.length).toBe(before + 2);
  });

  it('refuses a CSV without a required column and imports nothing', async () => {
    await a.getByRole('button', { name: 'Import CSV…' }).click();
    const dialog = a.getByRole('dialog', { name: 'Import from CSV' });
    await dialog.getByLabel('CSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('role,quote\nPresenter,\n') });
    await dialog.getByRole('alert').filter({ hasText: 'The file has no column name' }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Import' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('saves the show under a new name and opens it again from the show files, with both panels following', async () => {
    await a.getByRole('button', { name: 'Show files…' }).click();
    const dialog = a.getByRole('dialog', { name: 'Show files' });
    await dialog.getByLabel('Save this show as').fill('London 2016 final');
    await dialog.getByRole('button', { name: 'Save as' }).click();
    await dialog.getByRole('button', { name: 'Open London 2016 final' }).waitFor();
    await dialog.getByLabel('New show named').fill('Berlin 2016');
    await dialog.getByRole('button', { name: 'Create new show' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await b.locator('.show-name', { hasText: 'Berlin 2016' }).waitFor();
    await b.getByText('The rundown is empty').waitFor();

    await b.getByRole('button', { name: 'Show files…' }).click();
    const dialogB = b.getByRole('dialog', { name: 'Show files' });
    await dialogB.getByRole('button', { name: 'Open London 2016 final' }).click();
    await dialogB.waitFor({ state: 'hidden' });
    await a.locator('.show-name', { hasText: 'London 2016 final' }).waitFor();
    await rundownItem(a, 'Gabby Logan').waitFor();
  });

  it('refuses to open another show while graphics are on air, saying so', async () => {
    await a.keyboard.press('Home');
    await a.keyboard.press('Space');
    await expect.poll(async () => Object.keys((await hub.state()).onAir)).toEqual(['lowerThird']);
    await a.getByRole('button', { name: 'Show files…' }).click();
    const dialog = a.getByRole('dialog', { name: 'Show files' });
    await dialog.getByRole('button', { name: 'Open Berlin 2016' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Clear the air before you open another show (on air: Lower third); nothing was changed' }).waitFor();
    expect((await hub.state()).name).toBe('London 2016 final');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });
});
