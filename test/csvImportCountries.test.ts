import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';
import { openPanel } from './harness/panel';

let hub: HubProcess;
let browser: Browser;
useHubAndBrowser((started) => ({ hub, browser } = started));

/** README's athlete-profile example, as an operator would save it to a file. */
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const example = /```csv\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('### CSV import')))![1]!;

describe('CSV import of athlete profiles', () => {
  it('imports README’s example as it stands, a country name as its code, and rejects an unknown country with a hint', async () => {
    const page = await openPanel(browser, hub);
    await page.getByRole('button', { name: 'Import CSV…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import from CSV' });
    await dialog.getByLabel('Kind').selectOption({ label: 'Athlete profile' });
    await dialog.getByLabel('Group').fill('Men’s contenders');
    const csv = `${example}Nobody Known,30,Etiopia,,,,\n`;
    await dialog.getByLabel('CSV file').setInputFiles({ name: 'athletes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => dialog.getByRole('list', { name: 'Rejected rows' }).getByRole('listitem').allTextContents()).toEqual([
      `Line 4: country: "Etiopia" is not a country (did you mean Ethiopia, ETH?): give a World Athletics or ISO 3166 code (KEN, GER or KE) or the country’s English name (Kenya)`,
    ]);
    expect(await dialog.getByText('Ignored columns').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Import 2 items' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const imported = (await hub.state()).rundown.filter((item: { group: string }) => item.group === 'Men’s contenders');
    expect(imported.map((item: { graphic: { props: { name: string; country: string; best: unknown } } }) => [item.graphic.props.name, item.graphic.props.country, item.graphic.props.best])).toEqual([
      ['Eliud Kipchoge', 'KEN', { label: 'Personal best', time: '2:04:05', note: 'Berlin 2013' }],
      ['Kenenisa Bekele', 'ETH', { label: 'Personal best', time: '2:05:04', note: 'Paris 2014' }],
    ]);
  });

  it('reads a file Excel saved as plain CSV (Windows-1252, not UTF-8) with its accents, and says how it was read', async () => {
    const page = await openPanel(browser, hub);
    await page.getByRole('button', { name: 'Import CSV…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import from CSV' });
    await dialog.getByLabel('Kind').selectOption({ label: 'Commentator name card' });
    await dialog.getByLabel('Group').fill('Latin-1');
    await dialog.getByLabel('CSV file').setInputFiles({ name: 'names.csv', mimeType: 'text/csv', buffer: Buffer.from('name,role\nJos\xe9 Ma\xf1ez,Comentarista \x96 RTVE\n', 'latin1') });
    await dialog.getByText(/^The file is not UTF-8: it was read as Windows-1252/).waitFor();
    await dialog.getByRole('button', { name: 'Import 1 item' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const imported = (await hub.state()).rundown.filter((item: { group: string }) => item.group === 'Latin-1');
    expect(imported.map((item: { graphic: { props: { name: string; role: string } } }) => [item.graphic.props.name, item.graphic.props.role])).toEqual([['José Mañez', 'Comentarista – RTVE']]);
  });
});
