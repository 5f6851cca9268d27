import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import finishline from '../templates/themes/finishline.json';
import night from '../templates/themes/night.json';
import { grab, isColour, launchBrowser, openOutput, renderAt, type Frame, type Renderer } from './harness/browser';
import { startHub, type HubProcess } from './harness/hubProcess';

// The hub watches a scratch copy of templates/, so these edits never touch the repository's files.
const templatesDir = join(mkdtempSync(join(tmpdir(), 'finishline-live-')), 'templates');
cpSync(resolve(import.meta.dirname, '../templates'), templatesDir, { recursive: true });
const nameCardFile = join(templatesDir, 'nameCard.json');
const shippedNameCard = readFileSync(nameCardFile, 'utf8');

const region = finishline.regions.lowerThird;
const cardBottom = region.y + region.height - 16;
const oldTop = cardBottom - 84 - 50; // nameHeight 84 + roleHeight 50
const newTop = cardBottom - 120 - 50; // after the edit below: nameHeight 120
const cram = { type: 'take', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC athletics commentator on BBC One' } } };

let hub: HubProcess;
let browser: Browser;
let panel: PanelSocket;
beforeAll(async () => {
  [hub, browser] = await Promise.all([startHub({ templatesDir }), launchBrowser()]);
  panel = await openPanelSocket(`ws://127.0.0.1:${hub.port}/ws?token=${hub.token}`);
});
afterAll(async () => {
  panel?.close();
  await browser?.close();
  await hub?.kill();
});

type PanelSocket = { next(type: string): Promise<any>; clear(): void; close(): void };

/** An operator socket that keeps every message, so a test can wait for the next one of a type. */
async function openPanelSocket(url: string): Promise<PanelSocket> {
  const socket = new WebSocket(url);
  const queue: any[] = [];
  let wake: (() => void) | null = null;
  socket.on('message', (data) => {
    queue.push(JSON.parse(String(data)));
    wake?.();
  });
  await new Promise((opened) => socket.once('open', opened));
  return {
    async next(type) {
      for (;;) {
        const index = queue.findIndex((m) => m.type === type);
        if (index >= 0) return queue.splice(index, 1)[0];
        await new Promise<void>((r) => (wake = r));
      }
    },
    /** Forgets what has arrived so far: the next `next` waits for a new message. */
    clear: () => void queue.splice(0),
    close: () => socket.close(),
  };
}

/** Saves like an editor doing an atomic save: a temp file renamed over the template. */
function save(text: string) {
  writeFileSync(`${nameCardFile}.tmp~`, text);
  renameSync(`${nameCardFile}.tmp~`, nameCardFile);
}

const sameFrame = (a: Frame, b: Frame) => a.data.equals(b.data);
const version = (page: Page) => page.evaluate(() => window.finishline!.templatesVersion!());
const onAirIds = (page: Page) => page.evaluate(() => window.finishline!.onAir!().map((g) => g.id));

describe.each<Renderer>(['webgl', 'canvas'])('live templates on the %s renderer', (renderer) => {
  it('re-lays out a name card on air in place when its template file is edited, never re-entering', async () => {
    const page = await openOutput(browser, hub.url, renderer);
    expect(await page.evaluate(() => window.finishline!.renderer)).toBe(renderer);
    const { body } = await hub.post(cram);
    await renderAt(page, 100_000, body.revision);
    let t = 102_000; // the enter is over
    await renderAt(page, t);
    const before = await grab(page);
    expect(isColour(before.at(620, oldTop + 8), finishline.colours.panel)).toBe(true);
    expect(before.at(620, newTop + 8)[3], 'nothing above the card yet').toBe(0);
    const ids = await onAirIds(page);
    const startVersion = await version(page);

    panel.clear();
    const savedAt = Date.now();
    save(JSON.stringify({ ...JSON.parse(shippedNameCard), nameHeight: 120 }, null, 2));
    // Draw frames as an output would until the new look arrives: every one shows the whole card.
    let frame = before;
    while ((await version(page)) === startVersion) {
      expect(Date.now() - savedAt, 'the edit reached the output').toBeLessThan(10_000);
      t += 40;
      await renderAt(page, t);
      frame = await grab(page);
      expect(isColour(frame.at(620, cardBottom - 6), finishline.colours.strip), `strip drawn at ${t}`).toBe(true);
      expect(isColour(frame.at(620, oldTop + 8), finishline.colours.panel), `panel drawn at ${t}`).toBe(true);
    }
    console.log(`template edit on air (${renderer}): output drew it ${Date.now() - savedAt} ms after the save (including screenshots)`);
    await renderAt(page, t);
    const after = await grab(page);
    expect(isColour(after.at(620, newTop + 8), finishline.colours.panel), 'the card grew upwards').toBe(true);
    expect(isColour(after.at(620, cardBottom - 6), finishline.colours.strip)).toBe(true);
    expect(await onAirIds(page), 'the same take, not a new one').toEqual(ids);
    // Already in its on-air state: later frames are identical (no enter animation is playing).
    await renderAt(page, t + 1000);
    expect(sameFrame(await grab(page), after)).toBe(true);

    panel.clear();
    save(shippedNameCard);
    await panel.next('templates');
    await hub.post({ type: 'clear', layer: 'lowerThird' });
    await page.close();
  });

  it('reports an invalid edit to panels and the hub log, and changes nothing on air', async () => {
    const page = await openOutput(browser, hub.url, renderer);
    const { body } = await hub.post(cram);
    await renderAt(page, 200_000, body.revision);
    await renderAt(page, 202_000);
    const before = await grab(page);
    const startVersion = await version(page);
    const panelPage = await browser.newPage();
    await panelPage.goto(`${hub.url}/?token=${hub.token}`);
    await panelPage.locator('#templates-status', { hasText: 'the files are valid' }).waitFor();

    panel.clear();
    save(JSON.stringify({ ...JSON.parse(shippedNameCard), nameSize: 'big' }, null, 2));
    const reported = await panel.next('templateProblems');
    expect(reported.problems).toEqual([{ file: 'nameCard.json', path: 'nameSize', message: 'Invalid input: expected number, received string' }]);
    expect(hub.log()).toContain('templates/nameCard.json: nameSize: Invalid input: expected number, received string');
    const api = await (await fetch(`${hub.url}/api/templates`)).json();
    expect(api.problems).toEqual(reported.problems);
    expect(api.version).toBe(startVersion);
    await panelPage.locator('#template-problems li', { hasText: 'templates/nameCard.json: nameSize: Invalid input: expected number, received string' }).waitFor();
    // The top bar says so too (the Templates card is often scrolled away), and takes the operator to it.
    const warning = panelPage.getByRole('button', { name: '⚠ Templates: 1 problem (last good look on air)' });
    await warning.click();
    await expect.poll(() => panelPage.evaluate(() => document.activeElement?.id)).toBe('templates-heading');
    expect(await panelPage.locator('#templates-heading').isVisible()).toBe(true);

    // A gallery opened while the file is broken shows the problems the hub sends as it connects.
    const gallery = renderer === 'canvas' ? await browser.newPage({ viewport: { width: 1600, height: 1000 } }) : null;
    if (gallery) {
      await gallery.goto(`${hub.url}/gallery.html?renderer=canvas`);
      await gallery.locator('ul.problems li', { hasText: 'templates/nameCard.json: nameSize: Invalid input: expected number, received string' }).waitFor({ timeout: 20_000 });
    }

    await renderAt(page, 203_000);
    expect(sameFrame(await grab(page), before), 'air is unchanged').toBe(true);
    expect(await version(page)).toBe(startVersion);

    panel.clear();
    save(shippedNameCard);
    expect((await panel.next('templateProblems')).problems).toEqual([]);
    await panel.next('templates');
    await panelPage.locator('#templates-status', { hasText: 'the files are valid' }).waitFor();
    expect(await panelPage.locator('#template-problems li').count()).toBe(0);
    expect(await warning.isHidden()).toBe(true);
    if (gallery) {
      await expect.poll(() => gallery.locator('ul.problems li').count()).toBe(0);
      await gallery.close();
    }
    await panelPage.close();
    await hub.post({ type: 'clear', layer: 'lowerThird' });
    await page.close();
  });

  it('switches the theme of a graphic on air in place, and refuses a theme that does not exist', async () => {
    const page = await openOutput(browser, hub.url, renderer);
    const { body } = await hub.post(cram);
    await renderAt(page, 300_000, body.revision);
    await renderAt(page, 302_000);
    expect(isColour((await grab(page)).at(620, oldTop + 8), finishline.colours.panel)).toBe(true);
    const ids = await onAirIds(page);

    const refused = await hub.post({ type: 'show.setTheme', theme: 'neon' });
    expect(refused).toEqual({ status: 422, body: { error: 'There is no theme "neon" with valid template files: the themes are finishline, night (templates/themes/<name>.json)', revision: body.revision } });

    const switched = await hub.post({ type: 'show.setTheme', theme: 'night' });
    expect(switched.status).toBe(200);
    // Fonts for a new theme load before it is drawn: keep drawing frames until it shows.
    let t = 302_000;
    await page.waitForFunction((r) => window.finishline!.receivedRevision()! >= r, switched.body.revision);
    let frame = await grab(page);
    const switchedAt = Date.now();
    while (!isColour(frame.at(620, oldTop + 8), night.colours.panel)) {
      expect(Date.now() - switchedAt, 'the night theme reached the output').toBeLessThan(10_000);
      t += 40;
      await renderAt(page, t);
      frame = await grab(page);
      expect(frame.at(620, oldTop + 8)[3], `the card stays on air at ${t}`).toBe(255);
    }
    expect(isColour(frame.at(100, oldTop + 60), night.colours.accent)).toBe(true);
    expect(isColour(frame.at(620, cardBottom - 6), night.colours.strip)).toBe(true);
    expect(await onAirIds(page)).toEqual(ids);

    await hub.post({ type: 'show.setTheme', theme: 'finishline' });
    await hub.post({ type: 'clear', layer: 'lowerThird' });
    await page.close();
  });
});

describe('a theme file removed', () => {
  it('is reported while the show uses it; once the show switches away, the set without it applies and it can no longer be selected', async () => {
    const nightFile = join(templatesDir, 'themes/night.json');
    const nightText = readFileSync(nightFile, 'utf8');
    const templates = async () => (await fetch(`${hub.url}/api/templates`)).json();
    const startVersion = (await templates()).version;
    expect((await hub.post({ type: 'show.setTheme', theme: 'night' })).status).toBe(200);

    panel.clear();
    rmSync(nightFile);
    const missing = { file: 'themes/night.json', path: '', message: 'theme file is missing, and the show is using the night theme: switch the show to another theme first' };
    expect((await panel.next('templateProblems')).problems).toEqual([missing]);
    expect(await templates()).toMatchObject({ version: startVersion, problems: [missing] });

    panel.clear();
    expect((await hub.post({ type: 'show.setTheme', theme: 'finishline' })).status).toBe(200);
    const pushed = await panel.next('templates');
    expect(pushed.version).toBe(startVersion + 1);
    expect(Object.keys(pushed.templates.themes)).toEqual(['finishline']);
    expect((await panel.next('templateProblems')).problems).toEqual([]);
    expect(await templates()).toMatchObject({ version: startVersion + 1, problems: [] });

    const refused = await hub.post({ type: 'show.setTheme', theme: 'night' });
    expect(refused).toMatchObject({ status: 422, body: { error: 'There is no theme "night" with valid template files: the themes are finishline (templates/themes/<name>.json)' } });

    panel.clear();
    writeFileSync(nightFile, nightText);
    expect(Object.keys((await panel.next('templates')).templates.themes).sort()).toEqual(['finishline', 'night']);
  });
});
