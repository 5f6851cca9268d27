import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('an output whose hub goes down while the page loads comes up, drawing what is on air, once the hub is back', async () => {
    const { body } = await hub.post(take('Steve Cram'));
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    // The real hub is killed as the page asks for its first script, so its scripts never arrive (nothing is faked:
    // each request goes on to the network). Routing also turns the browser's cache off, so every script is asked for.
    let killed: Promise<void> | null = null;
    await page.route('**/assets/**', async (route) => {
      killed ??= hub.kill('SIGKILL');
      await killed;
      await route.continue();
    });
    await page.goto(`${hub.url}/output.html?renderer=canvas&clock=manual`);
    await page.waitForFunction(() => window.reloadWhenHubAnswers?.waiting === true);
    expect(await page.locator('pre.fatal').count(), 'no message on air').toBe(0);
    await hub.restart();
    await page.waitForFunction(() => window.finishline?.receivedRevision() != null, null, { timeout: 30_000 });
    await renderAt(page, 5000, body.revision);
    expect(isColour((await grab(page)).at(panelPoint.x, panelPoint.y), defaultTheme.colours.panel), 'on air once the hub is back').toBe(true);
    await page.unrouteAll();
    await hub.post({ type: 'clear', layer: 'lowerThird' });
    await page.close();
  });

  it('an output whose hub goes down while its fonts load draws with them, not a fallback, once the hub is back', async () => {
    const { body } = await hub.post(take('Steve Cram'));
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    // Its font files are held back until its scripts are in (Pixi's chunk, the last, has been evaluated); then the
    // real hub is killed and they go on to the network, where nothing answers.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/*.woff2', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${hub.url}/output.html?renderer=canvas&clock=manual`);
    await page.waitForFunction(() => performance.getEntriesByName('finishline:pixi').length > 0);
    await hub.kill('SIGKILL');
    release();
    await page.waitForFunction(() => window.reloadWhenHubAnswers?.waiting === true);
    await hub.restart();
    // The page loaded again: not the one that waited (it may have drawn with a fallback font meanwhile).
    await page.waitForFunction(() => window.finishline?.receivedRevision() != null && !window.reloadWhenHubAnswers?.waiting, null, { timeout: 30_000 });
    await renderAt(page, 5000, body.revision);
    const faces = await page.evaluate(() => [...document.fonts].filter((face) => face.status === 'loaded').map((face) => `${face.weight} ${face.family.replace(/["']/g, '')}`));
    expect(faces).toContain(`${defaultTheme.fonts.display.weight} ${defaultTheme.fonts.display.family}`);
    await page.unrouteAll();
    await hub.post({ type: 'clear', layer: 'lowerThird' });
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

  it('keeps every acknowledged passing through kill -9 mid-burst; the show file holds none of them, the log beside it all', async () => {
    const race = { raceId: 'restart-mass' };
    for (const command of [
      { type: 'addRace', ...race, name: 'MASS', kind: 'mass' },
      { type: 'setGunTime', ...race, gunTime: Date.now() - 4 * 3_600_000 },
      { type: 'setEntrants', ...race, entrants: Array.from({ length: 300 }, (_, i) => ({ bib: String(i + 1), name: `Runner ${i + 1}` })) },
      { type: 'setTimingPoints', ...race, points: [{ metres: 5000, label: '5K' }, { metres: 10_000, label: '10K' }] },
    ]) expect((await hub.post(command)).status).toBe(200);
    const batch = (n: number) =>
      Array.from({ length: 20 }, (_, i) => ({ bib: String((n % 15) * 20 + i + 1), metres: n < 15 ? 5000 : 10_000, elapsedMs: (n < 15 ? 1_800_000 : 3_700_000) + n * 20_000 + i * 1000 }));
    // One batch in before the burst, so the log has passings whenever the kill lands.
    expect((await hub.post({ type: 'recordPassings', ...race, passings: batch(0) })).status).toBe(200);
    const acked: number[] = [0];
    const burst = Array.from({ length: 29 }, (_, i) => i + 1).map((n) =>
      hub.post({ type: 'recordPassings', ...race, passings: batch(n) }).then(
        (result) => void (result.status === 200 && acked.push(n)),
        () => {}, // the connection died with the hub: not acknowledged
      ),
    );
    await new Promise((r) => setTimeout(r, 60));
    await hub.kill('SIGKILL');
    await Promise.all(burst);
    await hub.restart();
    const rows: [string, number, number, number][] = (await hub.state()).races.find((r: any) => r.id === 'restart-mass').passings ?? [];
    const stored = new Set(rows.map(([bib, point, ms]) => `${bib}@${point}=${ms}`));
    for (const n of acked) for (const p of batch(n)) expect(stored.has(`${p.bib}@${p.metres === 5000 ? 0 : 1}=${p.elapsedMs}`), `acknowledged batch ${n}, bib ${p.bib}`).toBe(true);
    const onDisk = JSON.parse(readFileSync(hub.showFile, 'utf8'));
    expect(onDisk.races.some((r: any) => 'passings' in r)).toBe(false);
    expect(readFileSync(`${hub.showFile}.passings.ndjson`, 'utf8')).toContain('"race":"restart-mass"');

    // A clean restart gives back the same show, passings and all; then the race goes.
    const before = await hub.state();
    await hub.kill('SIGKILL');
    await hub.restart();
    expect(await hub.state()).toEqual(before);
    expect((await hub.post({ type: 'removeRace', ...race })).status).toBe(200);
  });

  it('keeps takes acknowledged from the take journal while the show file could not be saved, through kill -9', async () => {
    const own = await startHub();
    try {
      const one = await own.post(take('One'));
      await expect.poll(() => JSON.parse(readFileSync(own.showFile, 'utf8')).revision).toBe(one.body.revision);
      const saved = readFileSync(own.showFile);
      // The show file cannot be replaced now (a folder is in its place): only the journal takes the changes.
      rmSync(own.showFile);
      mkdirSync(join(own.showFile, 'in-the-way'), { recursive: true });
      const two = await own.post(take('Two'));
      const three = await own.post(take('Three'));
      expect([two.status, three.status]).toEqual([200, 200]);
      // The journal slot the next take needs still holds Two, unsaved: refused, and nothing changed.
      const four = await own.post(take('Four'));
      expect(four.status).toBe(503);
      expect(four.body.error).toContain('The show could not be saved, so nothing was changed');
      expect(own.log()).toContain('the take journal holds the change');

      await own.kill('SIGKILL');
      rmSync(own.showFile, { recursive: true });
      writeFileSync(own.showFile, saved);
      await own.restart();
      expect(await own.state()).toMatchObject({ revision: three.body.revision, onAir: { lowerThird: { graphic: { props: { name: 'Three' } } } } });
      expect(own.log()).toContain(`Saved revision ${three.body.revision} of the show from its take journal`);
      expect(JSON.parse(readFileSync(own.showFile, 'utf8')).revision).toBe(three.body.revision);
      const asRun = (await (await fetch(`${own.url}/api/asrun`)).json()).entries.map((e: { text: string }) => e.text);
      expect(asRun.filter((text: string) => /^(One|Two|Three|Four) ·/.test(text))).toEqual(['One · BBC One', 'Two · BBC One', 'Three · BBC One']);
    } finally {
      await own.kill();
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
