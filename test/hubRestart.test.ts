import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import defaultTheme from '../templates/themes/finishline.json';
import { grab, isColour, openOutput, renderAt } from './harness/browser';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import { openPanel, rundownItem } from './harness/panel';
import { startHub, type HubProcess } from './harness/hubProcess';

const take = (name: string) => ({ type: 'take', graphic: { kind: 'nameCard', props: { name, role: 'BBC One' } } });
const panelPoint = { x: 560, y: defaultTheme.regions.lowerThird.y + defaultTheme.regions.lowerThird.height - 16 - 134 + 8 };

let hub: HubProcess;
let browser: Browser;
useHubAndBrowser((started) => ({ hub, browser } = started));

describe('hub restart', () => {
  it('keeps every acknowledged command through kill -9, and the output reconnects by itself', async () => {
    const page = await openOutput(browser, hub.url, 'canvas');
    const { body } = await hub.post(take('Steve Cram'));
    await renderAt(page, 1000, body.revision);
    await renderAt(page, 5000);
    const before = await hub.state();

    await hub.kill('SIGKILL');
    await page.waitForFunction(() => document.documentElement.dataset.hub === 'closed');
    await hub.restart();
    expect(await hub.state()).toEqual(before);

    await page.waitForFunction(() => document.documentElement.dataset.hub === 'open', null, { timeout: 10_000 });
    await renderAt(page, 5100);
    expect(isColour((await grab(page)).at(panelPoint.x, panelPoint.y), defaultTheme.colours.panel), 'still on air after the restart').toBe(true);

    // The reconnected output follows new commands, and reports what it drew to the restarted hub.
    const cleared = await hub.post({ type: 'clear', layer: 'lowerThird' });
    await renderAt(page, 6000, cleared.body.revision);
    await renderAt(page, 9000);
    expect((await grab(page)).at(panelPoint.x, panelPoint.y)[3]).toBe(0);
    const outputs = (await (await fetch(`${hub.url}/api/outputs`)).json()).outputs;
    expect(outputs.some((o: any) => o.connected && o.report?.revision === cleared.body.revision && o.report.renderer === 'canvas')).toBe(true);
    await page.close();
  });

  it('the panel says it lost the hub, sends nothing meanwhile, and works again when the hub is back', async () => {
    const panel = await openPanel(browser, hub);
    const connection = panel.getByRole('status').filter({ hasText: /^(Connected|Disconnected — retrying|Connecting…)$/ });
    await rundownItem(panel, 'Steve Cram').first().click();
    const before = await hub.state();

    await hub.kill('SIGKILL');
    await expect.poll(() => connection.textContent()).toBe('Disconnected — retrying');
    await panel.keyboard.press('Space');
    await panel.getByRole('alert').filter({ hasText: 'Not sent: this panel is not connected to the hub as an operator' }).waitFor();

    await hub.restart();
    expect(await hub.state()).toEqual(before);
    await expect.poll(() => connection.textContent(), { timeout: 10_000 }).toBe('Connected');
    await panel.keyboard.press('Space');
    await expect.poll(async () => (await hub.state()).onAir.lowerThird?.graphic.props.name).toBe('Steve Cram');
    await rundownItem(panel, 'Steve Cram').first().and(panel.locator('[data-tally~="pgm"]')).waitFor();
    await hub.post({ type: 'clear', layer: 'lowerThird' });
    await panel.close();
  });

  it('never loses an acknowledged command when killed in the middle of a burst', async () => {
    for (let round = 0; round < 3; round++) {
      const before = await hub.state();
      let acked = before.revision;
      const burst = Array.from({ length: 30 }, (_, i) =>
        hub.post(take(`Runner ${round}-${i}`)).then(
          (result) => {
            if (result.status === 200) acked = Math.max(acked, result.body.revision);
          },
          () => {}, // the connection died with the hub: not acknowledged
        ),
      );
      await new Promise((r) => setTimeout(r, 20 + round * 15));
      await hub.kill('SIGKILL');
      await Promise.all(burst);
      await hub.restart();
      const state = await hub.state();
      expect(state.revision).toBeGreaterThanOrEqual(acked);
      // On a loaded machine the kill can land before the first take: then the show is exactly as before.
      if (state.revision === before.revision) expect(state).toEqual(before);
      else expect(state.onAir.lowerThird.id).toBe(`g${state.revision}`);
    }
  });

  it('refuses to start on a show file that is not a show, naming the file and what is wrong, and leaves the file as it was', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'finishline-broken-'));
    const showFile = join(dataDir, 'show.json');
    const cases = [
      ['{"format": "finishline-show/1", "revision": 7, "name": "Hand edited", "onAir": {"lowerThird": 5}}', 'is not a valid show: onAir.lowerThird: Invalid input: expected object, received number'],
      ['{"format": "finishline-show/1", "revision": 7,', 'is not valid JSON'],
    ];
    for (const [text, reason] of cases) {
      writeFileSync(showFile, text!);
      const failure = await startHub({ dataDir }).then(
        async (started) => {
          await started.kill();
          return null;
        },
        (error: Error) => error.message,
      );
      expect(failure).toContain(`Finishline hub could not start: Show file ${showFile} ${reason}`);
      expect(readFileSync(showFile, 'utf8'), 'nothing overwritten').toBe(text);
    }
    // Put right, the same file starts the hub and its show is there.
    writeFileSync(showFile, JSON.stringify({ ...JSON.parse(readFileSync(hub.showFile, 'utf8')), name: 'Put right', revision: 7 }));
    const fixed = await startHub({ dataDir });
    try {
      expect(await fixed.state()).toMatchObject({ name: 'Put right', revision: 7 });
    } finally {
      await fixed.kill();
    }
  });
});
