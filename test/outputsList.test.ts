import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openOutput, renderAt } from './harness/browser';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';
import { openPanel } from './harness/panel';
import { openClient, renderedReport } from './harness/rawClients';

// Disconnected outputs are forgotten 3 s after they go (a minute by default), so the test sees it happen.
let hub: HubProcess;
let browser: Browser;
useHubAndBrowser(
  (started) => ({ hub, browser } = started),
  () => ({ env: { OUTPUT_FORGET_MS: '3000' } }),
);

const outputsList = (panel: Page) => panel.getByRole('list', { name: 'Outputs' });
const outputRow = (panel: Page, name: string) => outputsList(panel).getByRole('listitem', { name, exact: true });

describe('panel outputs list', () => {
  it('lists an output by the name in its URL, renames it from the panel, greys it when it goes, then forgets it', async () => {
    const panel = await openPanel(browser, hub);
    const output = await openOutput(browser, hub.url, 'canvas', '&name=vMix%20main');
    await renderAt(output, 1000);
    const row = outputRow(panel, 'vMix main');
    await row.waitFor();
    expect(await row.getAttribute('data-state')).toBe('ok');

    await row.getByRole('button', { name: 'Rename vMix main' }).click();
    const box = panel.getByRole('textbox', { name: 'New name for vMix main' });
    expect(await box.inputValue()).toBe('vMix main');
    await box.fill('Stadium screen');
    await box.press('Enter');
    const renamed = outputRow(panel, 'Stadium screen');
    await renamed.waitFor();
    expect(await outputRow(panel, 'vMix main').count()).toBe(0);
    // The output took the name into its own URL, so a reload (or a restarted hub) keeps it.
    await expect.poll(() => new URL(output.url()).searchParams.get('name')).toBe('Stadium screen');

    await output.close();
    await renamed.getByText('Stadium screen — DISCONNECTED').waitFor();
    expect(await renamed.getAttribute('data-state')).toBe('down');
    // Greyed (the list is redrawn twice a second, so read it from the row on the page now).
    await expect.poll(() => renamed.evaluate((li) => (li.isConnected ? getComputedStyle(li).opacity : null))).toBe('0.5');
    await renamed.waitFor({ state: 'detached', timeout: 15_000 });
    await panel.close();
  });

  it('refuses an empty name at the field and keeps the old one', async () => {
    const panel = await openPanel(browser, hub);
    const output = await openOutput(browser, hub.url, 'canvas', '&name=Keep%20me');
    await renderAt(output, 1000);
    await outputRow(panel, 'Keep me').getByRole('button', { name: 'Rename Keep me' }).click();
    const box = panel.getByRole('textbox', { name: 'New name for Keep me' });
    await box.fill('   ');
    await panel.getByRole('button', { name: 'Save name' }).click();
    await panel.getByRole('alert').filter({ hasText: 'Type a name (at most 60 characters)' }).waitFor();
    await box.press('Escape');
    await outputRow(panel, 'Keep me').waitFor();
    await output.close();
    await panel.close();
  });

  it('warns about an output below its frame rate, and one dropping frames now', async () => {
    const panel = await openPanel(browser, hub);
    const { revision, onAir } = await hub.state();
    const drawn = { onAir: Object.values(onAir).map((g: any) => ({ layer: g.layer, kind: g.graphic.kind, id: g.id })) };
    const slow = await openClient(hub.port, '?role=output&name=Slow%20box');
    const intervals = { p50: 1000, p95: 1000, p99: 1000, max: 1100 };
    slow.socket.send(JSON.stringify(renderedReport(revision, { ...drawn, fps: 1, targetFps: 50, droppedFrames: 37_138, frameIntervalMs: intervals })));
    const slowRow = outputRow(panel, 'Slow box');
    await slowRow.getByText('⚠ Low frame rate: 1 fps for 50 (the machine or its GPU cannot keep up)').waitFor();
    expect(await slowRow.getAttribute('data-state')).toBe('warn');

    const dropping = await openClient(hub.port, '?role=output&name=Dropping%20box');
    const steady = { ...drawn, fps: 50, targetFps: 50, frameIntervalMs: { p50: 20, p95: 21, p99: 22, max: 24 } };
    dropping.socket.send(JSON.stringify(renderedReport(revision, { ...steady, droppedFrames: 100 })));
    const droppingRow = outputRow(panel, 'Dropping box');
    await droppingRow.waitFor();
    // Frames dropped before the panel saw it are not news.
    expect(await droppingRow.getAttribute('data-state')).toBe('ok');
    dropping.socket.send(JSON.stringify(renderedReport(revision, { ...steady, droppedFrames: 160 })));
    await droppingRow.getByText('⚠ Dropping frames: 60 dropped in the last 10 s (160 since it started)').waitFor();
    expect(await droppingRow.getAttribute('data-state')).toBe('warn');
    slow.close();
    dropping.close();
    await panel.close();
  });
});
