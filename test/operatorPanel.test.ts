import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import defaultTheme from '../templates/themes/finishline.json';
import { grab, isColour, launchBrowser, opaqueBounds, openOutput, renderAt } from './harness/browser';
import { startHub, type HubProcess } from './harness/hubProcess';

let hub: HubProcess;
let browser: Browser;
beforeAll(async () => {
  [hub, browser] = await Promise.all([startHub(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await hub?.kill();
});

const panelPoint = { x: 560, y: defaultTheme.regions.lowerThird.y + defaultTheme.regions.lowerThird.height - 16 - 134 + 8 };

describe('operator panel', () => {
  it('takes a typed name card to air and clears it, showing what is on air from the hub', async () => {
    const output = await openOutput(browser, hub.url, 'canvas');
    const panel = await browser.newPage();
    await panel.goto(`${hub.url}/?token=${hub.token}`);
    await panel.getByRole('status').filter({ hasText: 'Connected' }).waitFor();

    await panel.getByLabel('Name', { exact: true }).fill('<b>Cram</b>');
    await panel.getByLabel('Role', { exact: true }).fill('BBC athletics commentator on BBC One');
    await panel.getByRole('button', { name: 'Take' }).click();
    await panel.locator('#on-air li', { hasText: 'nameCard' }).waitFor();
    expect(await panel.locator('#on-air').textContent()).toContain('<b>Cram</b>');
    expect(await panel.locator('#on-air b').count()).toBe(0);

    const revision = (await hub.state()).revision;
    await renderAt(output, 1000, revision);
    await renderAt(output, 4000);
    expect(isColour((await grab(output)).at(panelPoint.x, panelPoint.y), defaultTheme.colours.panel)).toBe(true);

    await panel.getByRole('button', { name: 'Clear' }).click();
    await panel.locator('#on-air', { hasText: 'Nothing on air' }).waitFor();
    await renderAt(output, 5000, revision + 1);
    await renderAt(output, 8000);
    expect(opaqueBounds(await grab(output))).toBeNull();
    await Promise.all([panel.close(), output.close()]);
  });

  it('shows a field error and sends nothing when the name is empty', async () => {
    const panel = await browser.newPage();
    await panel.goto(`${hub.url}/?token=${hub.token}`);
    await panel.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    const before = await hub.state();
    await panel.getByLabel('Name', { exact: true }).fill('   ');
    await panel.getByRole('button', { name: 'Take' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toBe('name: is required');
    expect(await hub.state()).toEqual(before);
    await panel.close();
  });

  it('is read-only without the token', async () => {
    const panel = await browser.newPage();
    await panel.goto(`${hub.url}/`);
    await panel.getByRole('status').filter({ hasText: 'read-only' }).waitFor();
    expect(await panel.getByRole('button', { name: 'Take' }).isDisabled()).toBe(true);
    await panel.close();
  });
});
