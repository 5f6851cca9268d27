import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openOutput, renderAt } from './harness/browser';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import { openPanel } from './harness/panel';
import type { HubProcess } from './harness/hubProcess';

const galleryToken = 'gallery-a-token-0001';
let hub: HubProcess;
let browser: Browser;
useHubAndBrowser(
  (started) => ({ hub, browser } = started),
  () => ({ env: { ROLES_FILE: rolesFile() } }),
);

function rolesFile() {
  const path = join(process.env.TMPDIR ?? '/tmp', `finishline-asrun-roles-${process.pid}.json`);
  writeFileSync(path, JSON.stringify({ tokens: [{ name: 'Gallery A', token: galleryToken, role: 'operator' }] }));
  return path;
}

const asRun = async (query = '') => (await (await fetch(`${hub.url}/api/asrun${query}`)).json()).entries as any[];
const csv = async (query = '') => {
  const response = await fetch(`${hub.url}/api/asrun.csv${query}`);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};
const asGallery = (command: unknown) =>
  fetch(`${hub.url}/api/commands`, { method: 'POST', headers: { authorization: `Bearer ${galleryToken}` }, body: JSON.stringify(command) }).then(async (r) => ({ status: r.status, body: await r.json() }));

describe('as-run log', () => {
  it('records take, update and clear with hub time, item, what was shown, who sent it and when the output drew it', async () => {
    const output = await openOutput(browser, hub.url, 'canvas', '&name=Main%20PGM');
    const show = await hub.state();
    const cram = show.rundown.find((item: any) => item.graphic.props.name === 'Steve Cram');
    const before = Date.now();
    const taken = await asGallery({ type: 'take', graphic: cram.graphic, itemId: cram.id });
    expect(taken.status).toBe(200);
    await renderAt(output, 1000, taken.body.revision);
    const updated = await hub.post({ type: 'update', layer: 'lowerThird', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'Commentator' } } });
    await renderAt(output, 2000, updated.body.revision);
    const cleared = await asGallery({ type: 'clear', layer: 'lowerThird' });
    await renderAt(output, 3000, cleared.body.revision);
    await renderAt(output, 9000);

    await expect.poll(async () => (await asRun()).filter((e) => e.drawn['Main PGM'] !== undefined).map((e) => e.action)).toEqual(['take', 'update', 'clear']);
    const entries = await asRun();
    expect(entries.map(({ revision, action, layer, item, kind, text, by }) => ({ revision, action, layer, item, kind, text, by }))).toEqual([
      { revision: taken.body.revision, action: 'take', layer: 'lowerThird', item: 'Steve Cram', kind: 'nameCard', text: `Steve Cram · ${cram.graphic.props.role}`, by: 'Gallery A' },
      { revision: updated.body.revision, action: 'update', layer: 'lowerThird', item: '', kind: 'nameCard', text: 'Steve Cram · Commentator', by: 'producer' },
      { revision: cleared.body.revision, action: 'clear', layer: 'lowerThird', item: '', kind: 'nameCard', text: 'Steve Cram · Commentator', by: 'Gallery A' },
    ]);
    for (const entry of entries) {
      expect(entry.at).toBeGreaterThanOrEqual(before - 1000);
      expect(entry.drawn['Main PGM']).toBeGreaterThanOrEqual(entry.at);
    }

    const file = await csv();
    expect(file.type).toBe('text/csv; charset=utf-8');
    const lines = file.text.trim().split('\r\n');
    expect(lines[0]).toBe('hub_time,revision,action,layer,item_id,item,kind,shown,by,first_drawn,drawn_by_output');
    expect(lines[1]).toBe(
      [new Date(entries[0].at).toISOString(), taken.body.revision, 'take', 'lowerThird', cram.id, 'Steve Cram', 'nameCard', `Steve Cram · ${cram.graphic.props.role}`, 'Gallery A', new Date(entries[0].drawn['Main PGM']).toISOString(), `Main PGM=${new Date(entries[0].drawn['Main PGM']).toISOString()}`].join(','),
    );
    expect(lines).toHaveLength(4);
    await output.close();
  });

  it('filters by item and date, and refuses a date that is not one', async () => {
    await hub.post({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'Paula Radcliffe', role: 'Pundit' } } });
    expect((await asRun('?item=radcliffe')).map((e) => e.text)).toEqual(['Paula Radcliffe · Pundit']);
    expect((await csv('?item=radcliffe')).text.trim().split('\r\n')).toHaveLength(2);
    expect((await csv('?date=2001-01-01')).text.trim().split('\r\n')).toHaveLength(1);
    expect(await csv('?date=yesterday')).toMatchObject({ status: 400, text: JSON.stringify({ error: 'date must be a day as YYYY-MM-DD (UTC), got "yesterday"' }) });
  });

  it('keeps the log through kill -9, with the entry of every acknowledged take of a burst the kill lands in', async () => {
    const earlier = await asRun();
    const acked: number[] = [];
    const burst = Array.from({ length: 30 }, (_, i) =>
      hub.post({ type: 'take', graphic: { kind: 'nameCard', props: { name: `Runner ${i}`, role: 'Burst' } } }).then(
        (r) => void (r.status === 200 && acked.push(r.body.revision)),
        () => {},
      ),
    );
    await new Promise((r) => setTimeout(r, 40));
    await hub.kill('SIGKILL');
    await Promise.all(burst);
    await hub.restart();
    expect((await asRun()).slice(0, earlier.length), 'what was logged before, drawn times and all').toEqual(earlier);
    const state = await hub.state();
    const logged = (await asRun('?item=Burst')).map((e) => e.revision);
    for (const revision of acked) expect(logged).toContain(revision);
    expect(logged.every((r) => r <= state.revision), 'nothing logged past the saved show').toBe(true);
    // Revisions after the restart are logged once each, even where the crash had written lines it then dropped.
    const next = await hub.post({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'After', role: 'Burst' } } });
    expect((await asRun('?item=Burst')).filter((e) => e.revision === next.body.revision)).toHaveLength(1);
  });

  it('lists today in the panel, newest first, filterable', async () => {
    const panel = await openPanel(browser, hub);
    await panel.getByRole('button', { name: 'As-run…' }).click();
    const table = panel.getByRole('table', { name: 'As-run log' });
    await table.getByRole('row').nth(1).waitFor();
    expect(await table.getByRole('row').nth(1).textContent()).toContain('After · Burst');
    await panel.getByLabel('Filter').fill('Cram');
    await expect.poll(async () => (await table.getByRole('row').allTextContents()).slice(1).map((t) => t.slice(t.indexOf('.') + 4))).toEqual([
      expect.stringMatching(/^clearlowerThirdnameCard: Steve Cram · CommentatorGallery AMain PGM/),
      expect.stringMatching(/^updatelowerThirdnameCard: Steve Cram · CommentatorproducerMain PGM/),
      expect.stringMatching(/^takelowerThirdSteve CramnameCard: Steve Cram · .*Gallery AMain PGM/),
    ]);
    await panel.close();
  });

  it('logs one airing for a take of what is already on air, sent three times: the repeats are no change', async () => {
    const show = await hub.state();
    const item = show.rundown.find((i: any) => i.id === 'r2');
    const takes = [];
    for (let n = 0; n < 3; n++) takes.push(await asGallery({ type: 'take', graphic: item.graphic, itemId: item.id }));
    expect(takes.map((t) => t.status)).toEqual([200, 200, 200]);
    const revisions = takes.map((t) => t.body.revision);
    const mine = (entries: any[]) => entries.filter((e) => revisions.includes(e.revision)).map((e) => `${e.action} ${e.itemId}`);
    expect(mine(await asRun())).toEqual(['take r2']);
    expect(mine(await asRun('?all=1'))).toEqual(['take r2', 'take (no change) r2', 'take (no change) r2']);
    const layer = Object.entries((await hub.state()).onAir).find(([, g]: [string, any]) => g.itemId === 'r2')![0];
    expect((await asGallery({ type: 'clear', layer })).status).toBe(200);
  });
});
