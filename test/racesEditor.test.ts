import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';
import { openOutput, renderAt } from './harness/browser';
import { openPanel } from './harness/panel';

let hub: HubProcess;
let browser: Browser;
let pages: Page[] = [];
useHubAndBrowser((started) => ({ hub, browser } = started));
afterEach(async () => {
  await Promise.all(pages.map((page) => page.close()));
  pages = [];
  await hub.post({ type: 'clearAll' });
});

async function panelPage() {
  const page = await openPanel(browser, hub);
  pages.push(page);
  return page;
}
const race = async (id: string) => (await hub.state()).races.find((r: { id: string }) => r.id === id);
const editor = (page: Page) => page.getByRole('dialog', { name: 'Races' });
const raceForm = (page: Page) => editor(page).getByRole('form');

describe('the races editor', () => {
  it('adds a race from the keyboard: R opens it, each field is read as typed, a wrong one is named and nothing is sent, Enter adds it', async () => {
    const page = await panelPage();
    await page.keyboard.press('r');
    await editor(page).waitFor();
    const form = raceForm(page);
    expect(await form.getAttribute('aria-labelledby')).toBe('race-form-heading');
    await expect.poll(() => editor(page).getByRole('heading', { name: 'Add a race' }).count()).toBe(1);

    await page.keyboard.type('ELITE MEN 10K'); // the name has the focus
    await form.getByLabel('Kind').selectOption({ label: 'Elite men' });
    await form.getByLabel('Distance').fill('HALFWAY');
    await form.getByLabel('Pace on the split banner').selectOption({ label: 'Per km' });
    await form.getByLabel('Record time').fill('26:44');
    await form.getByLabel('Record holder').fill('Joshua Cheptegei');
    await form.getByLabel('Record year').fill('2020');
    await form.getByText('"HALFWAY" is a point on a course, not a race distance: write marathon, 42.195 km or 10 mi.').waitFor();
    const before = (await hub.state()).revision;
    await form.getByLabel('Record year').press('Enter');
    expect(await form.getByLabel('Distance').evaluate((input) => input === document.activeElement)).toBe(true);
    expect((await hub.state()).revision).toBe(before);

    await form.getByLabel('Distance').fill('10K');
    await form.getByText('10 km (6.2 mi)').waitFor();
    await form.getByText('id elite-men-10k (from the name)').waitFor();
    await form.getByLabel('Distance').press('Enter');
    await expect.poll(() => race('elite-men-10k')).toEqual({
      id: 'elite-men-10k',
      name: 'ELITE MEN 10K',
      kind: 'elite-men',
      distanceM: 10_000,
      paceUnit: 'km',
      gunTime: null,
      finishedAt: null,
      record: { label: 'WORLD RECORD', holder: 'Joshua Cheptegei', year: 2020, ms: (26 * 60 + 44) * 1000 },
      splits: [],
    });
    await editor(page).getByRole('row', { name: /^ELITE MEN 10K \(elite-men-10k\) Elite men 10 km per km WORLD RECORD 26:44 \(Joshua Cheptegei, 2020\)/ }).waitFor();
    // Same id twice: named at the field before anything is sent.
    await form.getByLabel('Name').fill('Elite men 10K');
    await form.getByText('"elite-men-10k" is already the id of ELITE MEN 10K: choose another').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => editor(page).isVisible()).toBe(false);
  });

  it('edits a race’s name, distance, pace and record, and refuses to shorten it past a split with the hub’s reason', async () => {
    await hub.post({ type: 'addRace', raceId: 'fun-run', name: 'FUN RUN', kind: 'mass', distanceM: 5000 });
    const page = await panelPage();
    await page.getByRole('button', { name: 'Races…' }).click();
    await editor(page).getByRole('button', { name: 'Edit FUN RUN' }).click();
    const form = raceForm(page);
    await editor(page).getByRole('heading', { name: 'Edit FUN RUN' }).waitFor();
    expect(await form.getByLabel('Id').isDisabled()).toBe(true);
    await form.getByLabel('Name').fill('FAMILY RUN');
    await form.getByLabel('Distance').fill('3 mi');
    await form.getByLabel('Pace on the split banner').selectOption({ label: 'Per mile' });
    await form.getByRole('button', { name: 'Save race' }).click();
    await expect.poll(async () => (await race('fun-run'))?.name).toBe('FAMILY RUN');
    expect(await race('fun-run')).toMatchObject({ distanceM: 4828.032, paceUnit: 'mi', record: null });

    await hub.post({ type: 'startRace', raceId: 'fun-run' });
    await hub.post({ type: 'addSplit', raceId: 'fun-run', metres: 3000, elapsedMs: 15 * 60_000 });
    await editor(page).getByRole('button', { name: 'Edit FAMILY RUN' }).click();
    await form.getByLabel('Distance').fill('2 km');
    await form.getByLabel('Pace on the split banner').selectOption({ label: 'No pace' });
    await form.getByLabel('Distance').press('Enter');
    await form.getByRole('alert').filter({ hasText: 'FAMILY RUN has a split at 3K, beyond 2 km: remove it before shortening the race.' }).waitFor();
    expect(await race('fun-run')).toMatchObject({ distanceM: 4828.032, paceUnit: 'mi' });

    // Another operator sets the course record while this form is open: the form says so, and its save is refused
    // rather than overwriting the record with the form's (none) or the race with what the form opened.
    const record = { label: 'COURSE RECORD', holder: 'Mo Farah', ms: 13 * 60_000 };
    await hub.post({ type: 'setRecord', raceId: 'fun-run', record });
    await form.getByLabel('Distance').fill('5K');
    await form.getByRole('alert').filter({ hasText: 'Another operator changed FAMILY RUN since you opened it: saving will be refused.' }).waitFor();
    await form.getByLabel('Distance').press('Enter');
    await form.getByRole('alert').filter({ hasText: 'Another operator changed FAMILY RUN since you opened it (its record is now COURSE RECORD 13:00 (Mo Farah)): nothing was changed' }).waitFor();
    expect(await race('fun-run')).toMatchObject({ distanceM: 4828.032, paceUnit: 'mi', record });
    // Edited again from the race as it is now: saved, the record kept.
    await editor(page).getByRole('button', { name: 'Edit FAMILY RUN' }).click();
    await form.getByLabel('Distance').fill('5K');
    await form.getByLabel('Distance').press('Enter');
    await expect.poll(async () => (await race('fun-run')).distanceM).toBe(5000);
    expect(await race('fun-run')).toMatchObject({ paceUnit: 'mi', record });
  });

  it('removes a race after asking, and refuses to remove one a graphic on air uses, saying where it is on air', async () => {
    await hub.post({ type: 'addRace', raceId: 'spare', name: 'SPARE RACE', kind: 'mass', distanceM: 10_000 });
    await hub.post({ type: 'take', graphic: { kind: 'raceClock', props: { raceIds: ['spare'] } } });
    const page = await panelPage();
    await page.keyboard.press('r');
    await editor(page).getByRole('button', { name: 'Remove SPARE RACE' }).click();
    await page.getByRole('alertdialog', { name: 'Remove SPARE RACE?' }).getByRole('button', { name: 'Remove race' }).click();
    await raceForm(page).getByRole('alert').filter({ hasText: 'SPARE RACE is on air in the race clock on the clock layer; take it off air before removing the race.' }).waitFor();
    expect(await race('spare')).toBeDefined();

    await hub.post({ type: 'clear', layer: 'clock' });
    await editor(page).getByRole('button', { name: 'Remove SPARE RACE' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Remove SPARE RACE?' });
    // Cancel has the focus: a stray Enter keeps the race.
    await page.keyboard.press('Enter');
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await race('spare')).toBeDefined();
    await editor(page).getByRole('button', { name: 'Remove SPARE RACE' }).click();
    await confirm.getByRole('button', { name: 'Remove race' }).click();
    await expect.poll(() => race('spare')).toBeUndefined();
    await expect.poll(() => editor(page).getByRole('row', { name: /^SPARE RACE/ }).count()).toBe(0);
  });

  it('sets a race to show pace per km, and the split banner on air shows the pace to its split; per mile after an edit', async () => {
    const page = await panelPage();
    const output = await openOutput(browser, hub.url, 'canvas');
    pages.push(output);
    await page.bringToFront(); // the operator's panel is the window with the focus, not the output opened after it
    const bannerTexts = () => output.evaluate(() => window.finishline!.texts!().filter((t) => t.layer === 'banner').map((t) => t.text));
    await page.keyboard.press('r');
    await editor(page).getByRole('button', { name: 'Edit ELITE MEN', exact: true }).click();
    await raceForm(page).getByLabel('Pace on the split banner').selectOption({ label: 'Per km' });
    await raceForm(page).getByLabel('Name').press('Enter');
    await expect.poll(async () => (await race('elite-men')).paceUnit).toBe('km');
    await page.keyboard.press('Escape');
    // Chromium closes a modal dialog on Escape a moment after the key: keys typed before then still go to its field.
    await editor(page).waitFor({ state: 'hidden' });
    // The panel's keys work again once no dialog is open and the focus has left it.
    await expect.poll(() => page.evaluate(() => document.querySelector('dialog[open]') === null && !document.activeElement?.closest('dialog, input, select, textarea'))).toBe(true);
    await page.keyboard.press('1');
    await expect.poll(() => page.locator('#race-tab-elite-men').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('b'); // the men's latest split: HALFWAY 1:01:24
    // On air, or (to say why in a failure) what the panel answered.
    await expect.poll(async () => (await hub.state()).onAir.banner?.graphic.kind ?? (await page.getByRole('alert').allTextContents()).join(' | ')).toBe('splitBanner');
    const takenAt = Date.now() + 10_000;
    await renderAt(output, takenAt, (await hub.state()).revision);
    await renderAt(output, takenAt + 5000);
    expect(await bannerTexts()).toContain('2:55/km');

    await page.keyboard.press('r');
    await editor(page).getByRole('button', { name: 'Edit ELITE MEN', exact: true }).click();
    await raceForm(page).getByLabel('Pace on the split banner').selectOption({ label: 'Per mile' });
    await raceForm(page).getByRole('button', { name: 'Save race' }).click();
    await expect.poll(async () => (await race('elite-men')).paceUnit).toBe('mi');
    // The change takes effect on the next frame drawn and rolls in; drawn again once the roll is over.
    const changedAt = Date.now() + 20_000;
    await renderAt(output, changedAt, (await hub.state()).revision);
    await renderAt(output, changedAt + 10_000);
    expect(await bannerTexts(), JSON.stringify(await bannerTexts())).toContain('4:41/mi');
    expect(await bannerTexts()).not.toContain('2:55/km');
    await hub.post({ type: 'editRace', raceId: 'elite-men', paceUnit: null });
  });
});

describe('the entrants of the selected race (Race data)', () => {
  const KIPCHOGE = { bib: '1', name: 'Eliud Kipchoge', displayName: 'Kipchoge', country: 'KEN' };
  const BIWOTT = { bib: '2', name: 'Stanley Biwott', country: 'KEN' };
  const entrant = async (bib: string) => (await race('elite-men')).entrants?.find((e: { bib: string }) => e.bib === bib);

  it('finds an entrant from the keyboard and corrects their name while their profile is on air: the output shows the new name in place; a stale edit and a bad field are refused', async () => {
    await hub.post({ type: 'setEntrants', raceId: 'elite-men', entrants: [KIPCHOGE, BIWOTT] });
    const taken = await hub.post({ type: 'take', graphic: { kind: 'athleteProfile', props: { entrant: { raceId: 'elite-men', bib: '2' } } } });
    expect(taken).toMatchObject({ status: 200 });
    const onAirId = (await hub.state()).onAir.lowerThird.id;
    const page = await panelPage();
    const output = await openOutput(browser, hub.url, 'canvas');
    pages.push(output);
    await page.bringToFront();
    const profileTexts = async () => {
      const t = (await (await fetch(`${hub.url}/api/health`)).json()).hubTime as number;
      await renderAt(output, t, (await hub.state()).revision);
      await renderAt(output, t + 5000); // past the enter or the update
      return output.evaluate(() => window.finishline!.texts!().filter((d) => d.layer === 'lowerThird').map((d) => d.text));
    };
    expect(await profileTexts()).toContain('Stanley Biwott');

    const card = page.locator('#race-data');
    await page.keyboard.press('1');
    await page.keyboard.press('f');
    await page.keyboard.type('biw');
    await expect.poll(() => card.getByRole('list', { name: /^Entrants of ELITE MEN/ }).getByRole('listitem').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')))).toEqual(['2 · Stanley Biwott · KEN (on air)']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const form = card.getByRole('form', { name: 'Edit bib 2' });
    await form.getByLabel('Name', { exact: true }).fill('Stanley Kipleting Biwott');

    // Another operator changes bib 2 meanwhile: the form says so at once, and the save is refused with what it is now.
    await hub.post({ type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ ...BIWOTT, category: 'ELITE' }] });
    await form.getByRole('alert').filter({ hasText: 'Another operator changed bib 2 since you opened it' }).waitFor();
    await form.getByRole('button', { name: 'Save entrant' }).click();
    await form.getByText("Another operator changed bib 2 on ELITE MEN's start list since you opened it (now Stanley Biwott, KEN, ELITE).").waitFor();
    expect(await entrant('2')).toEqual({ ...BIWOTT, category: 'ELITE' });
    await form.getByRole('button', { name: 'Cancel' }).click();

    // Reopened: a wrong country is named at its field and nothing is sent; put right, Enter saves.
    await card.getByRole('button', { name: 'Edit bib 2' }).click();
    const again = card.getByRole('form', { name: 'Edit bib 2' });
    await again.getByLabel('Name', { exact: true }).fill('Stanley Kipleting Biwott');
    await again.getByLabel('Country').fill('Narnia');
    await again.getByRole('button', { name: 'Save entrant' }).click();
    const country = again.getByLabel('Country');
    await expect.poll(() => country.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`#${(await country.getAttribute('aria-describedby'))!.split(' ')[0]}`).textContent()).toMatch(/^"Narnia" is not a country/);
    expect((await entrant('2')).name).toBe('Stanley Biwott');
    await country.fill('Kenya');
    await country.press('Enter');
    await again.waitFor({ state: 'detached' });
    expect(await entrant('2')).toEqual({ ...BIWOTT, name: 'Stanley Kipleting Biwott', category: 'ELITE' });

    // The profile on air follows: the same graphic, updated in place with the corrected name.
    await expect.poll(profileTexts).toContain('Stanley Kipleting Biwott');
    expect((await hub.state()).onAir.lowerThird.id).toBe(onAirId);

    // Bib 2 is on air, so Delete is refused with the reason; bib 1 is removed after asking.
    await card.getByRole('searchbox', { name: 'Find entrant' }).fill('');
    await card.getByRole('listitem', { name: /^2 · / }).focus();
    await page.keyboard.press('Delete');
    await page.getByRole('alert').filter({ hasText: 'Stanley Kipleting Biwott (bib 2) is on air: take the graphic off air before removing the entrant.' }).waitFor();
    await card.getByRole('listitem', { name: /^1 · / }).focus();
    await page.keyboard.press('Delete');
    await page.getByRole('alertdialog', { name: 'Remove bib 1?' }).getByRole('button', { name: 'Remove' }).click();
    await expect.poll(async () => (await race('elite-men')).entrants.map((e: { bib: string }) => e.bib)).toEqual(['2']);
  });

  it('finds, edits and pages a mass start of 40,000 entrants: the panel gets a trimmed list and asks the hub, an edit is checked against the hub’s entrant', async () => {
    const index = (await hub.state()).races.findIndex((r: { id: string }) => r.id === 'mass'); // while the show is small
    const rows = Array.from({ length: 40_000 }, (_, i) => (i === 31_414 ? '31415,Zoë Çelik,TUR,F35,' : `${i + 1},Runner ${i + 1},${['KEN', 'GBR', 'ETH'][i % 3]},M40,3:${String(10 + (i % 50)).padStart(2, '0')}:00`));
    const imported = await fetch(`${hub.url}/api/races/mass/start-list`, { method: 'POST', headers: { authorization: `Bearer ${hub.token}` }, body: ['bib,name,country,category,pb', ...rows].join('\n') });
    expect(await imported.json()).toMatchObject({ imported: 40_000, refused: [] });
    const search = async (q: string) => (await (await fetch(`${hub.url}/api/races/mass/entrants?q=${encodeURIComponent(q)}&limit=1`)).json()).entrants[0];
    const CELIK = { bib: '31415', name: 'Zoë Çelik', country: 'TUR', category: 'F35' };
    expect(await search('31415')).toEqual(CELIK);

    const page = await panelPage();
    const card = page.locator('#race-data');
    await page.keyboard.press(String(index + 1));
    await card.getByRole('heading', { name: 'Entrants of MASS RACE (40000)' }).waitFor();
    await card.getByText('1–60 of 40000: PgUp/PgDn for more, or type a bib or name').waitFor();
    const rows60 = () => card.getByRole('list', { name: /^Entrants of MASS RACE/ }).getByRole('listitem').evaluateAll((items) => items.map((r) => r.getAttribute('data-bib')));
    expect((await rows60()).slice(0, 3)).toEqual(['1', '2', '3']);

    // Found by name without its accents, from the keyboard: Enter before the hub has answered waits for the answer.
    await page.keyboard.press('f');
    await page.keyboard.type('zoe celik');
    await page.keyboard.press('Enter');
    const form = card.getByRole('form', { name: 'Edit bib 31415' });
    await form.getByLabel('Name', { exact: true }).fill('Zoë Çelik-Yılmaz');
    // Another operator changes bib 31415 meanwhile: the form says so at once (asked of the hub), and the save is refused.
    await hub.post({ type: 'upsertEntrants', raceId: 'mass', entrants: [{ ...CELIK, category: 'F40' }] });
    await form.getByRole('alert').filter({ hasText: 'Another operator changed bib 31415 since you opened it' }).waitFor();
    // Reloaded (leaving asks: accepted), the form comes back once the hub's search has it, still as it was when opened.
    page.on('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await expect.poll(() => form.getByLabel('Name', { exact: true }).inputValue()).toBe('Zoë Çelik-Yılmaz');
    await form.getByRole('alert').filter({ hasText: 'Another operator changed bib 31415 since you opened it' }).waitFor();
    await form.getByRole('button', { name: 'Save entrant' }).click();
    await form.getByText("Another operator changed bib 31415 on MASS RACE's start list since you opened it (now Zoë Çelik, TUR, F40).").waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();
    await card.getByRole('searchbox', { name: 'Find entrant' }).fill('zoe celik');

    // Reopened from its row (the list was asked again after the change), it saves; the list shows the new name.
    await card.getByRole('listitem', { name: '31415 · Zoë Çelik · TUR · F40' }).waitFor();
    await card.getByRole('button', { name: 'Edit bib 31415' }).click();
    const again = card.getByRole('form', { name: 'Edit bib 31415' });
    await again.getByLabel('Name', { exact: true }).fill('Zoë Çelik-Yılmaz');
    await again.getByLabel('Name', { exact: true }).press('Enter');
    await again.waitFor({ state: 'detached' });
    await card.getByRole('listitem', { name: '31415 · Zoë Çelik-Yılmaz · TUR · F40' }).waitFor();
    expect(await search('31415')).toEqual({ ...CELIK, name: 'Zoë Çelik-Yılmaz', category: 'F40' });

    // Paged from the keyboard: PgDn in the list shows the next 60 and focuses the first of them.
    await card.getByRole('searchbox', { name: 'Find entrant' }).fill('');
    await card.getByText('1–60 of 40000: PgUp/PgDn for more, or type a bib or name').waitFor();
    await card.getByRole('listitem', { name: /^1 · / }).focus();
    await page.keyboard.press('PageDown');
    await card.getByText('61–120 of 40000: PgUp/PgDn for more, or type a bib or name').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-bib'))).toBe('61');
    expect((await rows60()).slice(0, 2)).toEqual(['61', '62']);

    // An import pasted in the panel too long for one command goes to the hub's start-list route, with the row-by-row report.
    await card.getByRole('button', { name: 'Import start list…' }).click();
    const bigger = Array.from({ length: 3000 }, (_, i) => `${i + 1},Runner ${i + 1},KEN,F50,`);
    // Pasted (Playwright's fill types 150 kB into the textarea far slower than a paste lands).
    await card.getByRole('textbox', { name: 'Start list CSV for MASS RACE' }).evaluate((area, csv) => {
      (area as HTMLTextAreaElement).value = csv;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, ['bib,name,country,category,pb', ...bigger, '3001,Bad,Narnia,,'].join('\n'));
    await card.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/^MASS RACE start list: 3000 added or updated; not imported: line 3002 \(bib 3001\): country: "Narnia" is not a country/).waitFor();
    expect(await search('2999')).toEqual({ bib: '2999', name: 'Runner 2999', country: 'KEN', category: 'F50' });

    // Names corrected in a list without the other columns: each athlete keeps their country and category.
    await card.getByRole('button', { name: 'Import start list…' }).click();
    const renamed = Array.from({ length: 3000 }, (_, i) => `${i + 1},Renamed Runner ${i + 1}`);
    await card.getByRole('textbox', { name: 'Start list CSV for MASS RACE' }).evaluate((area, csv) => {
      (area as HTMLTextAreaElement).value = csv;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, ['bib,name', ...renamed].join('\n'));
    await card.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/^MASS RACE start list: 3000 added or updated$/).waitFor();
    expect(await search('2999')).toEqual({ bib: '2999', name: 'Renamed Runner 2999', country: 'KEN', category: 'F50' });
    await card.getByRole('button', { name: 'Import start list…' }).click();
    await card.getByRole('textbox', { name: 'Start list CSV for MASS RACE' }).evaluate((area, csv) => {
      (area as HTMLTextAreaElement).value = csv;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, ['bib,name', ...bigger.slice(1).map((row) => row.split(',').slice(0, 2).join(','))].join('\n'));
    await card.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/^MASS RACE start list: 2999 added or updated$/).waitFor();
    expect(await search('2999')).toEqual({ bib: '2999', name: 'Runner 2999', country: 'KEN', category: 'F50' });

    // The list is kept beside the show file: a hub killed and restarted gives it back, the edit in it.
    await hub.kill('SIGKILL');
    await hub.restart();
    expect(await search('31415')).toEqual({ ...CELIK, name: 'Zoë Çelik-Yılmaz', category: 'F40' });
    expect((await (await fetch(`${hub.url}/api/races/mass/entrants?limit=1`)).json()).total).toBe(40_000);
    expect(await search('2999')).toEqual({ bib: '2999', name: 'Runner 2999', country: 'KEN', category: 'F50' });
  });
});
