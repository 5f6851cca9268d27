import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';
import { openPanel, rundownItem } from './harness/panel';
import { replayShowJournal } from '../src/server/journaledSaves';
import { loadShowFile } from '../src/server/showFile';

let hub: HubProcess;
let browser: Browser;
let pages: Page[] = [];
useHubAndBrowser((started) => ({ hub, browser } = started));
afterEach(async () => {
  await Promise.all(pages.map((page) => page.close()));
  pages = [];
  await hub.post({ type: 'clearAll' });
});

const onAir = async (layer: string) => (await hub.state()).onAir[layer];

describe('auto-out', () => {
  it('gives an item a duration in its form, counts down on its tally from hub time, and the hub takes it out by itself', async () => {
    const page = await openPanel(browser, hub, '&clock=manual');
    pages.push(page);
    await page.keyboard.press('n');
    const form = page.getByRole('form', { name: 'New item' });
    await form.getByLabel('Group').fill('Studio');
    await form.getByLabel('Name', { exact: true }).fill('Gabby Logan'); // a name card, like the cued item
    await form.getByLabel('Role').fill('Presenter');
    const duration = form.getByLabel('Auto out after (seconds)');
    await duration.fill('0');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('must be at least 1 second').waitFor();
    await duration.fill('6');
    await duration.press('Control+Enter');
    const item = rundownItem(page, 'Gabby Logan');
    await expect.poll(() => item.getAttribute('aria-selected')).toBe('true');
    expect(await item.textContent()).toContain('AUTO OUT 0:06');

    await page.getByRole('button', { name: /^Take/ }).click();
    await expect.poll(() => onAir('lowerThird')).toBeDefined();
    const taken = await onAir('lowerThird');
    expect(taken.outAt).toBe(taken.takenAt + 6000);
    const countdown = item.getByRole('timer', { name: 'Gabby Logan goes out by itself' });
    await page.evaluate((t) => window.finishlinePanel!.renderAt(t), taken.takenAt + 1200);
    expect(await countdown.textContent()).toBe('OUT IN 0:05');
    await page.evaluate((t) => window.finishlinePanel!.renderAt(t), taken.takenAt + 5001);
    expect(await countdown.textContent()).toBe('OUT IN 0:01');

    // Nobody presses anything: the hub takes it out, and the tally follows.
    await expect.poll(() => onAir('lowerThird'), { timeout: 20_000 }).toBeUndefined();
    expect((await hub.state()).rundown.find((i: { label?: string; graphic: { props: { name?: string } } }) => i.graphic.props.name === 'Gabby Logan').autoOutS).toBe(6);
    await expect.poll(() => item.getAttribute('data-tally')).toBe('pvw');
    expect(await countdown.count()).toBe(0);
  });

  it('keeps the out-time in the show file through kill -9, and the restarted hub still takes the graphic out', async () => {
    const { body } = await hub.post({ type: 'rundown.add', item: { group: 'Studio', autoOutS: 3, graphic: { kind: 'nameCard', props: { name: 'Paula Radcliffe', role: 'Pundit' } } } });
    const itemId = (await hub.state()).rundown.find((i: { revision: number }) => i.revision === body.revision).id;
    await hub.post({ type: 'take', itemId, graphic: { kind: 'nameCard', props: { name: 'Paula Radcliffe', role: 'Pundit' } } });
    await hub.kill('SIGKILL');
    // What the restart starts from, read from a copy of the folder: the show file and the take journal over it.
    const copy = join(mkdtempSync(join(tmpdir(), 'finishline-killed-')), 'data');
    cpSync(hub.dataDir, copy, { recursive: true });
    const saved = await replayShowJournal(join(copy, 'show.json'), await loadShowFile(join(copy, 'show.json')), join(copy, 'asrun'), () => undefined);
    const { outAt } = saved.onAir.lowerThird!;
    expect(outAt).toBe(saved.onAir.lowerThird!.takenAt + 3000);

    await hub.restart();
    await expect.poll(() => onAir('lowerThird'), { timeout: 20_000 }).toBeUndefined();
    expect(Date.now()).toBeGreaterThanOrEqual(outAt!);
  });
});
