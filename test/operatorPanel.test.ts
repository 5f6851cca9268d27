import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';
import { openPanel, rundownItem } from './harness/panel';

let hub: HubProcess;
let browser: Browser;
let panel: Page;
useHubAndBrowser((started) => ({ hub, browser } = started));
afterEach(async () => {
  await panel?.close();
  await hub.post({ type: 'clearAll' });
});

const onAir = async () => (await hub.state()).onAir;

describe('operator panel', () => {
  it('takes the cued item with the keyboard, shows the tally everywhere, and clears its layer with F2', async () => {
    panel = await openPanel(browser, hub);
    const foster = rundownItem(panel, 'Brendan Foster');
    await expect.poll(() => rundownItem(panel, 'Steve Cram').first().getAttribute('aria-selected')).toBe('true');
    await panel.keyboard.press('ArrowDown');
    await expect.poll(() => foster.first().getAttribute('data-tally')).toBe('pvw');
    expect(await panel.locator('#pvw-caption').textContent()).toBe('PVW · Brendan Foster (Lower third)');

    await panel.keyboard.press('Space');
    await expect.poll(() => foster.first().getAttribute('data-tally')).toBe('pgm pvw');
    expect(await foster.first().textContent()).toContain('ON AIR');
    expect(await panel.locator('#pgm-caption').textContent()).toBe('PGM · Lower third: Brendan Foster');
    expect(await panel.locator('#pvw-caption').textContent()).toBe('PVW · Brendan Foster (Lower third) · on air');
    const taken = (await onAir()).lowerThird;
    expect(taken.itemId).toBe('r2');
    expect(taken.graphic.props.name).toBe('Brendan Foster');

    // The cue moves on; the item on air stays red.
    await panel.keyboard.press('ArrowDown');
    await expect.poll(() => foster.first().getAttribute('data-tally')).toBe('pgm');
    expect(await rundownItem(panel, 'Jonathan Edwards').first().getAttribute('data-tally')).toBe('pvw');

    await panel.keyboard.press('F2');
    await expect.poll(() => foster.first().getAttribute('data-tally')).toBe(null);
    expect(await onAir()).toEqual({});
    expect(await panel.locator('#pgm-caption').textContent()).toBe('PGM · nothing on air');
  });

  it('creates an item from the form generated from the props schema, with the message beside the empty field and nothing sent', async () => {
    panel = await openPanel(browser, hub);
    const before = await hub.state();
    await panel.keyboard.press('n');
    const form = panel.getByRole('form', { name: 'New item' });
    await form.waitFor();
    await form.getByLabel('Group').fill('Studio guests');
    await form.getByLabel('Role').fill('Race director');
    await form.getByRole('button', { name: 'Save' }).click();
    const name = form.getByLabel('Name', { exact: true });
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await name.getAttribute('aria-describedby'))!;
    expect(await panel.locator(`#${describedBy}`).textContent()).toBe('is required');
    expect(await hub.state()).toEqual(before);

    await form.getByLabel('Quote').fill('x'.repeat(241));
    await name.fill('Hugh Brasher');
    await expect.poll(() => panel.locator(`#${describedBy}`).textContent()).toBe('');
    const quoteError = await form.getByLabel('Quote').getAttribute('aria-describedby');
    expect(await panel.locator(`#${quoteError}`).textContent()).toBe('Too big: expected string to have <=240 characters');
    await form.getByLabel('Quote').fill('');
    await name.press('Enter');
    await rundownItem(panel, 'Hugh Brasher').waitFor();
    // The snapshot with the new item can arrive a moment before the answer that cues it.
    await expect.poll(() => rundownItem(panel, 'Hugh Brasher').getAttribute('aria-selected')).toBe('true');
    const added = (await hub.state()).rundown.find((item: any) => item.graphic.props.name === 'Hugh Brasher');
    expect(added).toMatchObject({ group: 'Studio guests', graphic: { kind: 'nameCard', props: { name: 'Hugh Brasher', role: 'Race director' } } });
    expect(await panel.getByRole('group', { name: 'Studio guests' }).getByRole('option').count()).toBe(1);
  });

  it('edits an item on air and updates it in place, without a new take', async () => {
    panel = await openPanel(browser, hub);
    await rundownItem(panel, 'Steve Cram').first().click();
    await panel.keyboard.press('e');
    const form = panel.getByRole('form', { name: /^Edit “Steve Cram”/ });
    await form.waitFor();
    expect(await form.getByRole('button', { name: 'Save and update on air' }).count()).toBe(0);
    await panel.keyboard.press('Escape');
    await panel.keyboard.press('Space');
    await expect.poll(async () => (await onAir()).lowerThird?.itemId).toBe('r1');
    const takenId = (await onAir()).lowerThird.id;

    await form.getByLabel('Role').fill('BBC One commentator');
    await form.getByRole('button', { name: 'Save and update on air' }).click();
    await expect.poll(async () => (await onAir()).lowerThird?.graphic.props.role).toBe('BBC One commentator');
    const updated = (await onAir()).lowerThird;
    expect(updated.id).toBe(takenId);
    expect(updated.itemId).toBe('r1');
    expect((await hub.state()).rundown.find((i: any) => i.id === 'r1').graphic.props.role).toBe('BBC One commentator');
  });

  it('updates the graphic on air in place from another cued item with U, and the tally follows', async () => {
    panel = await openPanel(browser, hub);
    await panel.keyboard.press('Space'); // Steve Cram's card
    await expect.poll(async () => (await onAir()).lowerThird?.itemId).toBe('r1');
    const takenId = (await onAir()).lowerThird.id;
    await rundownItem(panel, 'Steve Cram — quote').click();
    await panel.keyboard.press('u');
    await expect.poll(() => rundownItem(panel, 'Steve Cram — quote').getAttribute('data-tally')).toBe('pgm pvw');
    const updated = (await onAir()).lowerThird;
    expect(updated).toMatchObject({ id: takenId, itemId: 'r5', graphic: { props: { quote: expect.any(String) } } });
    expect(await rundownItem(panel, 'Steve Cram').first().getAttribute('data-tally')).toBe(null);
  });

  it('clears all only on a second F12 within two seconds, and Esc disarms it', async () => {
    panel = await openPanel(browser, hub);
    await panel.keyboard.press('Space');
    await expect.poll(async () => Object.keys(await onAir())).toEqual(['lowerThird']);

    await panel.keyboard.press('F12');
    await panel.getByRole('alert').filter({ hasText: 'Clear all is armed' }).waitFor();
    expect(Object.keys(await onAir())).toEqual(['lowerThird']);
    await panel.keyboard.press('Escape');
    await panel.getByRole('alert').filter({ hasText: 'Clear all is armed' }).waitFor({ state: 'hidden' });
    await panel.keyboard.press('F12');
    expect(Object.keys(await onAir())).toEqual(['lowerThird']);
    await panel.keyboard.press('F12');
    await expect.poll(async () => Object.keys(await onAir())).toEqual([]);
  });

  it('asks before the Clear all button clears, and Cancel has the focus', async () => {
    panel = await openPanel(browser, hub);
    await panel.keyboard.press('Space');
    await expect.poll(async () => Object.keys(await onAir())).toEqual(['lowerThird']);
    await panel.getByRole('button', { name: /^Clear all/ }).click();
    const dialog = panel.getByRole('alertdialog', { name: 'Clear everything off air?' });
    await dialog.waitFor();
    await panel.keyboard.press('Enter'); // a slip of the hand lands on Cancel
    await dialog.waitFor({ state: 'hidden' });
    expect(Object.keys(await onAir())).toEqual(['lowerThird']);
    await panel.getByRole('button', { name: /^Clear all/ }).click();
    await dialog.getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(async () => Object.keys(await onAir())).toEqual([]);
  });

  it('fires no hotkey while typing in a field; Esc leaves the field and the keys work again', async () => {
    panel = await openPanel(browser, hub);
    await panel.keyboard.press('e');
    const role = panel.getByRole('form', { name: /^Edit/ }).getByLabel('Role');
    await role.click();
    for (const key of ['Space', 'Enter', 'F2', 'F12', 'ArrowDown', 'u']) await panel.keyboard.press(key);
    expect(await onAir()).toEqual({});
    await panel.keyboard.press('Escape');
    await panel.keyboard.press('Space');
    await expect.poll(async () => Object.keys(await onAir())).toEqual(['lowerThird']);
  });

  it('moves the cued item within its group with Alt+arrows, and deletes it only after asking', async () => {
    panel = await openPanel(browser, hub);
    const names = async () => (await hub.state()).rundown.filter((i: any) => i.group === 'Commentators').map((i: any) => i.graphic.props.name);
    const start = await names();
    await rundownItem(panel, 'Jonathan Edwards').first().click();
    await panel.keyboard.press('Alt+ArrowUp');
    await expect.poll(names).toEqual([start[0], start[2], start[1], ...start.slice(3)]);
    await panel.keyboard.press('Alt+ArrowDown');
    await expect.poll(names).toEqual(start);

    await panel.keyboard.press('d');
    await expect.poll(() => rundownItem(panel, 'Jonathan Edwards').count()).toBe(3); // two cards and the quote
    await panel.keyboard.press('ArrowDown'); // the copy sits right after the original
    await panel.keyboard.press('Delete');
    const dialog = panel.getByRole('alertdialog', { name: 'Delete “Jonathan Edwards”?' });
    await dialog.waitFor();
    await panel.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await names()).filter((n: string) => n === 'Jonathan Edwards').length).toBe(3); // card, copy and quote
    await panel.keyboard.press('Delete');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(names).toEqual(start);
  });

  it('lists every hotkey in the help overlay opened with ?', async () => {
    panel = await openPanel(browser, hub);
    await panel.keyboard.press('?');
    const help = panel.getByRole('dialog', { name: 'Keyboard' });
    await help.waitFor();
    expect(await help.getByRole('row', { name: /^Space/ }).textContent()).toContain('Take the cued item to air');
    expect(await help.getByRole('row', { name: /^F2/ }).textContent()).toContain('Clear Lower third');
    await panel.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
  });

  it('is read-only without the token', async () => {
    panel = await browser.newPage();
    await panel.goto(`${hub.url}/`);
    await panel.getByRole('status').filter({ hasText: 'read-only' }).waitFor();
    expect(await panel.getByRole('button', { name: /^Take/ }).isDisabled()).toBe(true);
  });

  it('says the hub refused it, and why, when its token is not one the hub knows', async () => {
    panel = await browser.newPage();
    await panel.goto(`${hub.url}/?token=not-a-known-token`);
    await panel.getByRole('status').filter({ hasText: /^Refused by the hub — The token in this URL is not known to the hub/ }).waitFor();
    // Over plain HTTP /ws answers the refusal a browser cannot read from the refused WebSocket.
    const answer = await fetch(`${hub.url}/ws?token=not-a-known-token`);
    expect(answer.status).toBe(401);
    expect((await answer.json()).error).toMatch(/^The token in this URL is not known to the hub/);
    expect((await fetch(`${hub.url}/ws?token=${hub.token}`)).status).toBe(426);
  });
});
