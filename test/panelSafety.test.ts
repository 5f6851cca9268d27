import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';
import { openPanel, rundownItem } from './harness/panel';

// Issue 12: an operator can't put the wrong thing on air by accident. Each test drives the panel as an
// operator would, by role, label and keyboard.

const hms = (h: number, m: number, s: number) => ((h * 60 + m) * 60 + s) * 1000;

let hub: HubProcess;
let browser: Browser;
let pages: Page[] = [];
useHubAndBrowser((started) => ({ hub, browser } = started));
afterEach(async () => {
  await Promise.all(pages.map((page) => page.close()));
  pages = [];
  await hub.post({ type: 'clearAll' });
});

async function panelPage(viewport?: { width: number; height: number }) {
  const page = await openPanel(browser, hub, '', viewport);
  pages.push(page);
  return page;
}
const race = async (id: string) => (await hub.state()).races.find((r: { id: string }) => r.id === id);
const raceControl = (page: Page) => page.getByRole('region', { name: 'Race control' });
const pvwCaption = (page: Page) => page.locator('#pvw-caption').textContent();

describe('taking', () => {
  it('never takes with Enter: the Enter that sends a split, and a habitual second one, put nothing on air', async () => {
    const panel = await panelPage();
    await expect.poll(() => rundownItem(panel, 'Steve Cram').first().getAttribute('aria-selected')).toBe('true');
    await panel.keyboard.press('s');
    await panel.keyboard.type('25K');
    await panel.keyboard.press('Tab');
    await panel.keyboard.type('1:12:00');
    await panel.keyboard.press('Enter');
    await expect.poll(async () => (await race('elite-men')).splits.map((s: { label: string }) => s.label)).toEqual(['10K', 'HALFWAY', '25K']);
    const sent = (await hub.state()).revision;
    await panel.keyboard.press('Enter');
    await panel.keyboard.press('Enter');
    await panel.keyboard.press('NumpadEnter');
    // Space is the deliberate key, and it still takes.
    await panel.keyboard.press('Space');
    await expect.poll(async () => Object.keys((await hub.state()).onAir)).toEqual(['lowerThird']);
    expect((await hub.state()).revision).toBe(sent + 1);
    await hub.post({ type: 'removeSplit', raceId: 'elite-men', metres: 25000 });
  });

  it('counts a double Space as one take, leaves the item on air where it is when taken again, and updates it in place once edited', async () => {
    const panel = await panelPage();
    await rundownItem(panel, 'Brendan Foster').first().click();
    const before = (await hub.state()).revision;
    await panel.keyboard.press('Space');
    await panel.keyboard.press('Space');
    await expect.poll(async () => (await hub.state()).onAir.lowerThird?.graphic.props.name).toBe('Brendan Foster');
    await panel.getByRole('status').filter({ hasText: 'Took “Brendan Foster” to Lower third' }).waitFor();
    await panel.waitForTimeout(800); // anything the second press sent has arrived by now
    expect((await hub.state()).revision).toBe(before + 1);
    const taken = (await hub.state()).onAir.lowerThird;

    // Later, a deliberate second Take of the same item: it stays on air as it is (no out and in).
    await panel.getByRole('button', { name: /^Take/ }).click();
    await expect.poll(async () => (await hub.state()).revision).toBe(before + 2);
    expect((await hub.state()).onAir.lowerThird).toEqual(taken);

    // Edited, then taken: the same graphic animates to its new look in place.
    await panel.keyboard.press('e');
    const form = panel.getByRole('form', { name: /^Edit “Brendan Foster”/ });
    await form.getByLabel('Role').fill('Great North Run founder');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await hub.state()).rundown.find((i: { graphic: { props: { name?: string } } }) => i.graphic.props.name === 'Brendan Foster').graphic.props.role).toBe('Great North Run founder');
    await panel.waitForTimeout(600);
    await panel.keyboard.press('Space');
    await expect.poll(async () => (await hub.state()).onAir.lowerThird?.graphic.props.role).toBe('Great North Run founder');
    const updated = (await hub.state()).onAir.lowerThird;
    expect({ id: updated.id, takenAt: updated.takenAt }).toEqual({ id: taken.id, takenAt: taken.takenAt });
    expect(updated.updatedAt).toBeGreaterThan(taken.updatedAt);
  });

  it('with auto-advance on (A), cues the next item after Take', async () => {
    const panel = await panelPage();
    await rundownItem(panel, 'Brendan Foster').first().click();
    await panel.keyboard.press('a');
    expect(await panel.getByRole('checkbox', { name: /Auto-advance/ }).isChecked()).toBe(true);
    await panel.keyboard.press('Space');
    await expect.poll(() => rundownItem(panel, 'Jonathan Edwards').first().getAttribute('aria-selected')).toBe('true');
    expect((await hub.state()).onAir.lowerThird.graphic.props.name).toBe('Brendan Foster');
  });
});

describe('auto-advance', () => {
  it('takes with Space after the Auto-advance checkbox was clicked, instead of turning it off', async () => {
    const panel = await panelPage();
    await rundownItem(panel, 'Brendan Foster').first().click();
    const box = panel.getByRole('checkbox', { name: /Auto-advance/ });
    if (await box.isChecked()) await panel.keyboard.press('a'); // the setting is the browser's, kept from an earlier test
    await box.click();
    expect(await box.isChecked()).toBe(true);
    await panel.keyboard.press('Space');
    await expect.poll(async () => (await hub.state()).onAir.lowerThird?.graphic.props.name).toBe('Brendan Foster');
    expect(await box.isChecked()).toBe(true);
    await panel.locator('label.auto-advance').click(); // the label, too
    expect(await box.isChecked()).toBe(false);
    await panel.keyboard.press('u');
    await panel.getByRole('status').filter({ hasText: /^Updated Lower third/ }).waitFor();
    expect(await box.isChecked()).toBe(false);
  });
});

describe('feed splits', () => {
  it('never sends feed splits to air directly on a stray key: the switch asks first, Cancel the default', async () => {
    const panel = await panelPage();
    const control = panel.locator('#race-data').getByLabel(/^Feed splits/);
    await control.focus();
    for (const key of ['ArrowDown', 'End', 'g', 'ArrowUp']) await panel.keyboard.press(key);
    await panel.waitForTimeout(300); // a command a key sent would have arrived by now
    expect((await race('elite-men')).feedSplits ?? 'approve').toBe('approve');
    await control.click();
    const ask = panel.getByRole('alertdialog', { name: /feed splits to air directly/ });
    await ask.waitFor();
    await panel.keyboard.press('Enter'); // Cancel has the focus
    await ask.waitFor({ state: 'detached' });
    expect((await race('elite-men')).feedSplits ?? 'approve').toBe('approve');
    await control.click();
    await ask.getByRole('button', { name: 'Go to air directly' }).click();
    await expect.poll(async () => (await race('elite-men')).feedSplits).toBe('direct');
    await panel.locator('#race-data').getByRole('button', { name: 'Feed splits: wait for approval' }).click();
    await expect.poll(async () => (await race('elite-men')).feedSplits).toBe('approve');
  });
});

describe('split entry', () => {
  it('asks before sending 12850 at 25K while the clock reads 1:12, says why, and a stray Enter cancels', async () => {
    await hub.post({ type: 'setGunTime', raceId: 'wheelchair-men', gunTime: Date.now() - hms(1, 12, 3) });
    const panel = await panelPage();
    await panel.keyboard.press('3');
    const form = panel.getByRole('form', { name: 'Split for WHEELCHAIR MEN' });
    await form.getByLabel('Distance').fill('25K');
    await form.getByLabel('Time').fill('12850');
    await form.getByRole('alert').filter({ hasText: /^Check this split: 25K at 3:34:10 is later than WHEELCHAIR MEN's clock, which reads 1:12:\d\d now\./ }).waitFor();
    const before = await hub.state();

    await form.getByLabel('Time').press('Enter');
    const dialog = panel.getByRole('alertdialog', { name: 'Send 25K at 3:34:10 for WHEELCHAIR MEN?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('25K at 3:34:10 is a pace of 8:34/km: wheelchair men reach 25K in 41:28 to 1:28:53.');
    await panel.keyboard.press('Enter'); // Cancel has the focus
    await dialog.waitFor({ state: 'hidden' });
    expect(await hub.state()).toEqual(before);

    await form.getByLabel('Time').fill('1:11:50');
    await form.getByRole('status', { name: 'Split preview' }).filter({ hasText: /^25K 1:11:50/ }).waitFor();
    await form.getByLabel('Time').press('Enter');
    await expect.poll(async () => (await race('wheelchair-men')).splits.map((s: { elapsedMs: number }) => s.elapsedMs)).toEqual([hms(1, 11, 50)]);
    await hub.post({ type: 'resetRace', raceId: 'wheelchair-men' });
  });

  it('draws the graphics a split would change in PVW before it is sent', async () => {
    const panel = await panelPage();
    await panel.keyboard.press('1');
    await panel.keyboard.press('p');
    await expect.poll(async () => (await hub.state()).onAir.ticker?.graphic.kind).toBe('projectionTicker');
    const pgmBefore = await hub.state();
    await panel.keyboard.press('s');
    await panel.keyboard.type('25K');
    await panel.keyboard.press('Tab');
    await panel.keyboard.type('1:12:00');
    await expect.poll(() => pvwCaption(panel)).toBe('PVW · draft: ELITE MEN 25K 1:12:00 split · changes Projection ticker on air when sent');
    expect(await hub.state()).toEqual(pgmBefore);
    await panel.keyboard.press('Escape');
    await raceControl(panel).getByRole('form', { name: 'Split for ELITE MEN' }).getByLabel('Time').fill('');
    await expect.poll(() => pvwCaption(panel)).toMatch(/^PVW · Steve Cram/);
  });
});

describe('proof-reading in PVW', () => {
  it('opens a large PVW with V or a double-click, closes it with Esc, and draws the item being edited as it is typed', async () => {
    const panel = await panelPage();
    const pvw = panel.getByRole('figure', { name: /^PVW/ });
    const small = (await pvw.boundingBox())!;
    await panel.keyboard.press('v');
    await expect.poll(async () => (await pvw.boundingBox())!.width).toBeGreaterThan(1600 * 0.8);
    await panel.keyboard.press('Escape');
    await expect.poll(async () => (await pvw.boundingBox())!.width).toBe(small.width);
    await pvw.dblclick();
    await expect.poll(async () => (await pvw.boundingBox())!.width).toBeGreaterThan(1600 * 0.8);
    await panel.keyboard.press('v');
    await expect.poll(async () => (await pvw.boundingBox())!.width).toBe(small.width);

    const png = () => panel.evaluate(() => window.finishlinePanel!.monitorPng('pvw', { x: 0, y: 700, width: 1920, height: 380 }));
    const cued = await png();
    await panel.keyboard.press('e');
    const role = panel.getByRole('form', { name: /^Edit “Steve Cram”/ }).getByLabel('Role');
    await role.fill('A different role, drawn in PVW before it is saved');
    await expect.poll(() => pvwCaption(panel)).toBe('PVW · draft: editing “Steve Cram”');
    await expect.poll(png).not.toBe(cued);
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => pvwCaption(panel)).toBe('PVW · Steve Cram (Lower third)');
  });
});

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
])('the layout at $width×$height', (viewport) => {
  it('fits the window, and nothing moves when layers go on air and messages appear', async () => {
    const panel = await panelPage(viewport);
    const parts = {
      rundown: panel.getByRole('listbox', { name: 'Rundown' }),
      pvw: panel.getByRole('figure', { name: /^PVW/ }),
      pgm: panel.getByRole('figure', { name: /^PGM/ }),
      take: panel.getByRole('button', { name: /^Take/ }),
      clearAll: panel.getByRole('button', { name: /^Clear all/ }),
      races: raceControl(panel).getByRole('tablist', { name: 'Races' }),
      raceClock: raceControl(panel).getByRole('timer'),
    };
    const boxes = async () => {
      const out = {} as Record<keyof typeof parts, { x: number; y: number; width: number; height: number }>;
      for (const [name, part] of Object.entries(parts)) out[name as keyof typeof parts] = (await part.boundingBox())!;
      return out;
    };
    const page = await panel.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, scrollHeight: document.documentElement.scrollHeight }));
    expect(page).toEqual({ scrollWidth: viewport.width, scrollHeight: viewport.height });
    const first = await boxes();
    for (const [name, box] of Object.entries(first)) {
      expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height, `${name} is on screen`).toBe(true);
    }
    expect(first.pvw.width).toBeCloseTo(first.pgm.width, 0);
    expect(first.pvw.x + first.pvw.width <= first.pgm.x && first.rundown.x + first.rundown.width <= first.pvw.x, 'rundown, PVW and PGM side by side').toBe(true);

    // Five layers on air with long names, a refusal in the message line and one in race control.
    const names = ['Baroness Tanni Grey-Thompson', 'Jonathan Edwards', 'Brendan Foster'];
    for (const label of ['Elite men — projection', 'Elite men — HALFWAY', 'Race clocks — elite men and women', 'Kipchoge wins the men\'s race']) {
      const item = (await hub.state()).rundown.find((i: { label?: string }) => i.label === label);
      await hub.post({ type: 'take', graphic: item.graphic, itemId: item.id });
    }
    await rundownItem(panel, names[0]!).first().click();
    await panel.keyboard.press('Space');
    await expect.poll(async () => Object.keys((await hub.state()).onAir).length).toBe(5);
    await panel.keyboard.press('1');
    await panel.keyboard.press('g'); // the elite men have started: refused, with the reason
    await raceControl(panel).getByRole('alert').filter({ hasText: /has already started/ }).waitFor();
    expect(await boxes()).toEqual(first);
  });
});

describe('reload', () => {
  it('keeps the cue, the selected race and unsent drafts across a reload, and warns before leaving with a draft', async () => {
    const panel = await panelPage();
    await rundownItem(panel, 'Jonathan Edwards').first().click();
    await panel.keyboard.press('2');
    await raceControl(panel).getByRole('form', { name: 'Split for ELITE WOMEN' }).getByLabel('Distance').fill('20 mi');
    await panel.keyboard.press('Escape');
    await panel.keyboard.press('e');
    await panel.getByRole('form', { name: /^Edit “Jonathan Edwards”/ }).getByLabel('Role').fill('Unsaved role');
    // A crawl item half written: a social post (its kind decides its fields).
    const crawl = panel.getByRole('region', { name: 'Crawl' });
    await crawl.getByRole('button', { name: 'Add item' }).click();
    const post = panel.getByRole('form', { name: 'New crawl item' });
    await post.getByLabel('Kind').selectOption({ label: 'Social post' });
    await post.getByLabel('Handle').fill('Tim Peake');
    await post.getByLabel('Text').fill('Running the London Marathon from space');
    // An entrant half added to the selected race.
    await panel.locator('#race-data').getByRole('button', { name: 'Add entrant' }).click();
    const newEntrant = panel.getByRole('form', { name: 'New entrant in ELITE WOMEN' });
    await newEntrant.getByLabel('Bib').fill('F12');
    await newEntrant.getByLabel('Name', { exact: true }).fill('Aselefech Mergia');
    // A race being edited in the races editor.
    await panel.getByRole('button', { name: 'Races…' }).click();
    const racesEditor = panel.getByRole('dialog', { name: 'Races' });
    await racesEditor.getByRole('button', { name: 'Edit WHEELCHAIR MEN' }).click();
    await racesEditor.getByRole('form').getByLabel('Record holder').fill('David Weir');

    let asked = '';
    panel.on('dialog', (dialog) => {
      asked = dialog.type();
      void dialog.accept();
    });
    await panel.reload();
    expect(asked).toBe('beforeunload');
    await panel.waitForFunction(() => window.finishlinePanel?.revision() != null);
    await expect.poll(() => rundownItem(panel, 'Jonathan Edwards').first().getAttribute('aria-selected')).toBe('true');
    expect(await raceControl(panel).getByRole('tab', { name: /^ELITE WOMEN/ }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => raceControl(panel).getByRole('form', { name: 'Split for ELITE WOMEN' }).getByLabel('Distance').inputValue()).toBe('20 mi');
    await expect.poll(() => panel.getByRole('form', { name: /^Edit “Jonathan Edwards”/ }).getByLabel('Role').inputValue()).toBe('Unsaved role');
    await expect.poll(() => post.getByLabel('Text').inputValue()).toBe('Running the London Marathon from space');
    expect(await post.getByLabel('Kind').inputValue()).toBe('social');
    expect(await post.getByLabel('Handle').inputValue()).toBe('Tim Peake');
    await expect.poll(() => newEntrant.getByLabel('Name', { exact: true }).inputValue()).toBe('Aselefech Mergia');
    expect(await newEntrant.getByLabel('Bib').inputValue()).toBe('F12');
    await racesEditor.getByRole('heading', { name: 'Edit WHEELCHAIR MEN' }).waitFor();
    await expect.poll(() => racesEditor.getByRole('form').getByLabel('Record holder').inputValue()).toBe('David Weir');

    // Cancelled and cleared, nothing is left unsent: leaving asks nothing, and the next reload starts clean.
    await racesEditor.getByRole('button', { name: 'Close' }).click();
    await panel.getByRole('form', { name: /^Edit “Jonathan Edwards”/ }).getByRole('button', { name: 'Cancel' }).click();
    await post.getByRole('button', { name: 'Cancel' }).click();
    await newEntrant.getByRole('button', { name: 'Cancel' }).click();
    await raceControl(panel).getByRole('form', { name: 'Split for ELITE WOMEN' }).getByLabel('Distance').fill('');
    asked = '';
    await panel.reload();
    expect(asked).toBe('');
    await panel.waitForFunction(() => window.finishlinePanel?.revision() != null);
    expect(await panel.getByRole('form', { name: /^Edit/ }).count()).toBe(0);
    expect(await post.count()).toBe(0);
    expect(await newEntrant.count()).toBe(0);
    expect(await racesEditor.isVisible()).toBe(false);
  });

  it('brings an entrant or crawl item being edited back as it was when opened, so a change made meanwhile still refuses the save, and says what was typed for an entrant removed', async () => {
    const [mcfadden, schar] = [{ bib: '1', name: 'Tatyana McFadden', country: 'USA' }, { bib: '2', name: 'Manuela Schär', country: 'CHE' }];
    expect((await hub.post({ type: 'setEntrants', raceId: 'wheelchair-women', entrants: [mcfadden, schar] })).status).toBe(200);
    const panel = await panelPage();
    const card = panel.locator('#race-data');
    let asked = '';
    panel.on('dialog', (dialog) => {
      asked = dialog.type();
      void dialog.accept();
    });
    const reload = async () => {
      asked = '';
      await panel.reload();
      await panel.waitForFunction(() => window.finishlinePanel?.revision() != null);
    };
    await panel.keyboard.press('4');
    await card.getByRole('button', { name: 'Edit bib 1' }).click();
    const form = card.getByRole('form', { name: 'Edit bib 1' });
    await form.getByLabel('Category').fill('T54');
    await hub.post({ type: 'upsertEntrants', raceId: 'wheelchair-women', entrants: [{ ...mcfadden, displayName: 'McFadden' }] });
    await form.getByRole('alert').filter({ hasText: 'Another operator changed bib 1 since you opened it' }).waitFor();
    // A crawl item being edited that another operator changes meanwhile, the same way.
    const crawlForm = panel.getByRole('form', { name: 'Edit crawl item' });
    await panel.getByRole('region', { name: 'Crawl' }).getByRole('button', { name: 'Edit item 3' }).click();
    await crawlForm.getByLabel('Text').fill('39,698 runners set off');
    const runners = (await hub.state()).crawl.items.find((i: { id: string }) => i.id === 'runners');
    await hub.post({ type: 'crawlUpdate', id: 'runners', item: { kind: 'headline', text: '39,698 runners started' } });
    await crawlForm.getByRole('alert').filter({ hasText: 'Another operator changed this item since you opened it' }).waitFor();

    // Leaving asks, and both come back still knowing what they were when opened: the hub refuses their saves.
    await reload();
    expect(asked).toBe('beforeunload');
    await expect.poll(() => form.getByLabel('Category').inputValue()).toBe('T54');
    await form.getByRole('alert').filter({ hasText: 'Another operator changed bib 1 since you opened it' }).waitFor();
    await form.getByRole('button', { name: 'Save entrant' }).click();
    await form.getByText("Another operator changed bib 1 on WHEELCHAIR WOMEN's start list since you opened it").waitFor();
    expect((await race('wheelchair-women')).entrants).toEqual([{ ...mcfadden, displayName: 'McFadden' }, schar]);
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(await crawlForm.getByLabel('Text').inputValue()).toBe('39,698 runners set off');
    await crawlForm.getByRole('button', { name: 'Save', exact: true }).click();
    await crawlForm.getByText('Another operator changed crawl item "runners" while you were editing it').waitFor();
    await crawlForm.getByRole('button', { name: 'Cancel' }).click();
    await hub.post({ type: 'crawlUpdate', id: 'runners', item: runners });

    // Bib 2 removed while it is being edited: after the reload its form is not reopened, and the message line says so with what was typed.
    await card.getByRole('button', { name: 'Edit bib 2' }).click();
    await card.getByRole('form', { name: 'Edit bib 2' }).getByLabel('Name', { exact: true }).fill('Manuela Schaer');
    await hub.post({ type: 'removeEntrant', raceId: 'wheelchair-women', bib: '2' });
    await reload();
    await panel.getByRole('alert').filter({ hasText: "Bib 2 was removed from WHEELCHAIR WOMEN's start list (or renumbered) since you opened the form, so after the reload your edit of bib 2 (Manuela Schär) is not reopened. You had typed: Name “Manuela Schaer”." }).waitFor();
    expect(await card.getByRole('form').count()).toBe(0);
    await hub.post({ type: 'setEntrants', raceId: 'wheelchair-women', entrants: [] });
  });
});

describe('messages', () => {
  it('speaks in operator words, never internal names', async () => {
    const panel = await panelPage();
    await rundownItem(panel, 'Steve Cram').first().click();
    await panel.keyboard.press('Space');
    await panel.getByRole('status').filter({ hasText: 'Took “Steve Cram” to Lower third' }).waitFor();
    const profile = (await hub.state()).rundown.find((i: { graphic: { kind: string } }) => i.graphic.kind === 'athleteProfile');
    await panel.locator(`[data-item="${profile.id}"]`).click();
    await panel.keyboard.press('u');
    const refusal = panel.getByRole('alert').filter({ hasText: /^Lower third has Commentator name card on air, not Athlete profile/ });
    await refusal.waitFor();
    expect(await panel.getByRole('button', { name: /^Clear Lower third/ }).count()).toBe(1);
    const words = await panel.locator('#air').textContent();
    expect(words).not.toMatch(/lowerThird|athleteProfile|nameCard|setGunTime|revision \d/);
  });

  it('clears a conflict when the edit is cancelled', async () => {
    const a = await panelPage();
    const b = await panelPage();
    for (const page of [a, b]) {
      await rundownItem(page, 'Brendan Foster').first().click();
      await page.keyboard.press('e');
    }
    await b.getByRole('form', { name: /^Edit/ }).getByLabel('Role').fill('BBC Sport');
    await b.getByRole('form', { name: /^Edit/ }).getByRole('button', { name: 'Save', exact: true }).click();
    await a.getByRole('form', { name: /^Edit/ }).getByRole('alert').filter({ hasText: 'Another operator changed this item' }).waitFor();
    await a.getByRole('form', { name: /^Edit/ }).getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = a.locator('#air-controls').getByRole('alert').filter({ hasText: /^Another operator changed “Brendan Foster”/ });
    await conflict.waitFor();
    await a.getByRole('form', { name: /^Edit/ }).getByRole('button', { name: 'Cancel' }).click();
    await conflict.waitFor({ state: 'detached' });
  });
});

describe('opening another show', () => {
  it('cues nothing in the show just opened, so Space cannot take an item that shares an id with the old cue', async () => {
    const shows = async (action: string, body: unknown) => {
      const response = await fetch(`${hub.url}/api/shows/${action}`, { method: 'POST', headers: { authorization: `Bearer ${hub.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.status).toBe(200);
    };
    await shows('save-as', { name: 'Safety B' });
    await shows('save-as', { name: 'Safety A' });
    const listed = await (await fetch(`${hub.url}/api/shows`)).json();
    const fileB = listed.shows.find((s: { name: string }) => s.name === 'Safety B').file;

    const panel = await panelPage();
    await rundownItem(panel, 'Jonathan Edwards').first().click();
    await panel.locator('#race-data').getByRole('button', { name: 'Add entrant' }).click();
    await panel.getByRole('form', { name: /^New entrant/ }).getByLabel('Bib').fill('7');
    await shows('open', { file: fileB });
    await panel.locator('.show-name', { hasText: 'Safety B' }).waitFor();
    // A form of the old show is closed with it, and what was typed in it is given back.
    await panel.getByRole('form', { name: /^New entrant/ }).waitFor({ state: 'detached' });
    await panel.getByRole('alert').filter({ hasText: 'Another show was opened (Safety B), so the forms you had open were closed. You had typed: Bib “7”.' }).waitFor();
    await expect.poll(() => panel.getByRole('listbox', { name: 'Rundown' }).locator('[aria-selected="true"]').count()).toBe(0);
    await panel.keyboard.press('Space');
    await panel.getByRole('alert').filter({ hasText: 'Nothing is cued to take' }).waitFor();
    expect((await hub.state()).onAir).toEqual({});
  });
});
