import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openOutput, renderAt } from './harness/browser';
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

type Item = { id: string; kind: string; text: string; handle?: string; tag?: string };
const crawl = async () => (await hub.state()).crawl;
const texts = async () => ((await crawl()).items as Item[]).map((item) => item.text);
const editor = (page: Page) => page.getByRole('region', { name: 'Crawl' });
const items = (page: Page) => editor(page).getByRole('list', { name: 'Crawl items' }).getByRole('listitem');
const item = (page: Page, text: string | RegExp) => items(page).filter({ hasText: text });
const names = (page: Page) => items(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label')));

describe('the ticker editor', () => {
  it('adds a post from the form generated from the schema, refusing an empty required field at the field, and both panels list it', async () => {
    const before = await crawl();
    await editor(a).getByRole('button', { name: 'Add item' }).click();
    const form = a.getByRole('form', { name: 'New crawl item' });
    await form.getByRole('button', { name: 'Add to crawl' }).click();
    const text = form.getByLabel('Text');
    await expect.poll(() => text.getAttribute('aria-invalid')).toBe('true');
    expect(await a.locator(`#${await text.getAttribute('aria-describedby')}`).textContent()).toBe('is required');
    expect(await crawl()).toEqual(before);

    await form.getByLabel('Kind').selectOption({ label: 'Social post' });
    await form.getByLabel('Handle').fill('Tim Peake');
    await form.getByLabel('Text').fill('Running the London Marathon from space');
    await form.getByLabel('Tag').fill('#GetInspired');
    await form.getByRole('button', { name: 'Add to crawl' }).click();
    await form.waitFor({ state: 'detached' });
    const added = (await crawl()).items.at(-1);
    expect(added).toMatchObject({ kind: 'social', handle: 'Tim Peake', text: 'Running the London Marathon from space', tag: '#GetInspired' });
    expect((await crawl()).items.slice(0, -1)).toEqual(before.items);
    await item(b, 'Running the London Marathon from space').waitFor();
    expect(await names(b)).toEqual(await names(a));
    expect((await names(b)).at(-1)).toBe(`${before.items.length + 1}. Social post: Tim Peake: Running the London Marathon from space #GetInspired`);
  });

  it('edits, reorders and removes items from the keyboard in one panel while the other follows, and the arrows in the list never move the rundown cue', async () => {
    const start = await texts();
    const runners = item(a, '39,698 runners were set to start');
    await runners.focus();
    await a.keyboard.press('Enter');
    const form = a.getByRole('form', { name: 'Edit crawl item' });
    await form.getByLabel('Text').fill('39,698 runners were set to start in Greenwich');
    await form.getByRole('button', { name: 'Save' }).click();
    await item(b, '39,698 runners were set to start in Greenwich').waitFor();
    expect(await texts()).toEqual(start.map((t) => (t === '39,698 runners were set to start' ? '39,698 runners were set to start in Greenwich' : t)));
    const edited = await texts();

    // Alt+↑ moves the focused item up; two quick presses move it two places (worked out on the hub). The focus stays on it.
    const cue = await rundownItem(a, 'Steve Cram').first().getAttribute('aria-selected');
    const at = edited.indexOf('39,698 runners were set to start in Greenwich');
    await expect.poll(() => a.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/39,698 runners were set to start in Greenwich$/);
    await a.keyboard.press('Alt+ArrowUp');
    await a.keyboard.press('Alt+ArrowUp');
    await expect.poll(texts).toEqual([...edited.slice(0, at - 2), edited[at], edited[at - 2], edited[at - 1], ...edited.slice(at + 1)]);
    await expect.poll(() => a.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(new RegExp(`^${at - 1}\\. Headline: 39,698 runners`));
    // Now at index at - 2; ↓ moves the focus to the item below it (number at, counting from 1), not the cue.
    await a.keyboard.press('ArrowDown');
    await expect.poll(() => a.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(new RegExp(`^${at}\\. `));
    expect(await rundownItem(a, 'Steve Cram').first().getAttribute('aria-selected')).toBe(cue);
    await expect.poll(() => names(b)).toEqual(await names(a));

    // A move button does the same for the mouse.
    const moved = await texts();
    await editor(b).getByRole('button', { name: 'Move down item 1' }).click();
    await expect.poll(texts).toEqual([moved[1], moved[0], ...moved.slice(2)]);

    // Delete asks first; Esc keeps the item.
    const gone = (await texts())[0]!;
    await item(a, gone).focus();
    await a.keyboard.press('Delete');
    const dialog = a.getByRole('alertdialog', { name: 'Remove this crawl item?' });
    await dialog.waitFor();
    await a.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await texts())[0]).toBe(gone);
    await item(a, gone).focus();
    await a.keyboard.press('Delete');
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(texts).toEqual([moved[0], ...moved.slice(2)]);
    await expect.poll(() => item(b, gone).count()).toBe(0);
  });

  it('never loses another operator’s items: an edit, an add and a removal made at once in two panels all land', async () => {
    const start = (await crawl()).items as Item[];
    const [first, second, third] = [start[0]!, start[1]!, start[2]!];
    await item(a, first.text).focus();
    await a.keyboard.press('Enter');
    const form = a.getByRole('form', { name: 'Edit crawl item' });
    await form.getByLabel('Text').fill(`${first.text} (edited)`);

    // Meanwhile in the other panel: an item added and another removed.
    await editor(b).getByRole('button', { name: 'Add item' }).click();
    const formB = b.getByRole('form', { name: 'New crawl item' });
    await formB.getByLabel('Kind').selectOption({ label: 'Result' });
    await formB.getByLabel('Text').fill('Tatyana McFadden wins in 1:44:20');
    await formB.getByRole('button', { name: 'Add to crawl' }).click();
    await item(b, third.text).getByRole('button', { name: /^Remove/ }).click();
    await b.getByRole('alertdialog', { name: 'Remove this crawl item?' }).getByRole('button', { name: 'Remove' }).click();
    await expect.poll(async () => (await crawl()).items.length).toBe(start.length);

    // Another operator changing the item being edited is said at once, and saving over their change is refused
    // with the typed text kept; reopened, the item shows their version and the edit lands.
    await hub.post({ type: 'crawlUpdate', id: first.id, item: { kind: first.kind, text: `${first.text} (theirs)` } });
    await form.getByRole('alert').filter({ hasText: 'Another operator changed this item since you opened it' }).waitFor();
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('alert').filter({ hasText: `Another operator changed crawl item "${first.id}" while you were editing it` }).waitFor();
    expect(await form.getByLabel('Text').inputValue()).toBe(`${first.text} (edited)`);
    expect((await crawl()).items.find((i: Item) => i.id === first.id)?.text).toBe(`${first.text} (theirs)`);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await item(a, `${first.text} (theirs)`).focus();
    await a.keyboard.press('Enter');
    await expect.poll(() => form.getByLabel('Text').inputValue()).toBe(`${first.text} (theirs)`);
    await form.getByLabel('Text').fill(`${first.text} (edited)`);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await crawl()).items.find((i: Item) => i.id === first.id)?.text).toBe(`${first.text} (edited)`);
    const after = (await crawl()).items as Item[];
    expect(after.map((i) => i.text)).toEqual([`${first.text} (edited)`, second.text, ...start.slice(3).map((i) => i.text), 'Tatyana McFadden wins in 1:44:20']);
    // Both panels come to the hub's list (each on its own snapshot: neither is read once and compared as it was).
    const shown = async () => [await names(a), await names(b)];
    await expect.poll(async () => (await shown()).map((list) => list[0]?.endsWith(`${first.text} (edited)`) && list.length === after.length)).toEqual([true, true]);
    const [inA, inB] = await shown();
    expect(inA).toEqual(inB);
  });

  it('stops and runs the crawl, refuses a speed out of range at the field, and puts the crawl on air and off (outputs on both renderers show it)', async () => {
    const outputs = [await openOutput(browser, hub.url, 'webgl'), await openOutput(browser, hub.url, 'canvas')];
    try {
      expect(await Promise.all(outputs.map((output) => output.evaluate(() => window.finishline!.renderer)))).toEqual(['webgl', 'canvas']);
      expect((await crawl()).running).toBe(true);
      await editor(a).getByRole('button', { name: 'Stop crawl' }).click();
      await expect.poll(async () => (await crawl()).running).toBe(false);
      await editor(b).getByRole('button', { name: 'Run crawl', pressed: false }).waitFor();
      await editor(b).getByRole('button', { name: 'Run crawl' }).click();
      await editor(a).getByRole('button', { name: 'Stop crawl', pressed: true }).waitFor();

      const before = await hub.state();
      const speed = editor(a).getByLabel('Speed (px/s)');
      await speed.fill('1000');
      await speed.press('Enter');
      const [error] = (await speed.getAttribute('aria-describedby'))!.split(' ');
      await expect.poll(() => a.locator(`#${error}`).textContent()).toBe('must be from 20 to 480 pixels per second, not 1000');
      expect(await hub.state()).toEqual(before);
      await speed.fill('150');
      await editor(a).getByText('shows as 150 px/s on a 50 fps output (whole pixels per frame)').waitFor();
      await speed.press('Enter');
      await expect.poll(async () => (await crawl()).speedPxPerS).toBe(150);

      await editor(a).getByLabel('Label').fill('LONDON MARATHON');
      await editor(a).getByRole('button', { name: 'Crawl to air' }).click();
      await expect.poll(async () => (await hub.state()).onAir.crawl?.graphic).toEqual({ kind: 'crawl', props: { label: 'LONDON MARATHON' } });
      await editor(b).getByText(/· on air$/).waitFor();
      for (const output of outputs) {
        // The crawl runs from the hub time it was taken: ten seconds on, items are on screen.
        const { revision, onAir } = await hub.state();
        await renderAt(output, onAir.crawl.takenAt, revision);
        await renderAt(output, onAir.crawl.takenAt + 10_000);
        const shown = await output.evaluate(() => window.finishline!.texts!().filter((t) => t.layer === 'crawl').map((t) => t.text));
        expect(shown).toContain('LONDON MARATHON');
        expect(shown).toContain((await crawl()).items[0].text);
      }

      await editor(b).getByRole('button', { name: /^Clear crawl/ }).click();
      await expect.poll(async () => (await hub.state()).onAir.crawl).toBeUndefined();
      await editor(a).getByText(/· off air$/).waitFor();
    } finally {
      await Promise.all(outputs.map((output) => output.close()));
    }
  });

  it('shows an empty label field as no label, in a style no value has, and draws a label inside graphics-safe', async () => {
    const label = editor(a).getByLabel('Label');
    await label.fill('');
    const look = await label.evaluate((input: HTMLInputElement) => {
      const empty = getComputedStyle(input, '::placeholder');
      return { placeholder: input.placeholder, fontStyle: empty.fontStyle, colour: empty.color, valueColour: getComputedStyle(input).color };
    });
    // The placeholder says what an empty label does; it is not a sample value an operator could read as set.
    expect(look.placeholder).toBe('no label');
    expect(look.fontStyle).toBe('italic');
    expect(look.colour).not.toBe(look.valueColour);

    const output = await openOutput(browser, hub.url, 'canvas');
    try {
      await label.fill('LONDON MARATHON');
      await editor(a).getByRole('button', { name: 'Crawl to air' }).click();
      await expect.poll(async () => (await hub.state()).onAir.crawl?.graphic.props.label).toBe('LONDON MARATHON');
      const { revision } = await hub.state();
      await renderAt(output, Date.now(), revision);
      await renderAt(output, Date.now() + 5000);
      const drawn = await output.evaluate(() => window.finishline!.texts!().filter((t) => t.layer === 'crawl' && t.text === 'LONDON MARATHON'));
      expect(drawn).toHaveLength(1);
      // EBU R 95 graphics-safe starts 5 % in: 96 px of the 1920 px frame.
      expect(drawn[0]!.left).toBeGreaterThanOrEqual(96);
      await editor(a).getByRole('button', { name: /^Clear crawl/ }).click();
      await expect.poll(async () => (await hub.state()).onAir.crawl).toBeUndefined();
    } finally {
      await output.close();
    }
  });
});
