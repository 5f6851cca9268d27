import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type HubProcess } from './harness/hubProcess';

let hub: HubProcess;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.kill());

async function shows(action: string, body: unknown, token = hub.token) {
  const response = await fetch(`${hub.url}/api/shows/${action}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}
// The demo show's rundown, as the hub starts with it.
const seedItems: number = JSON.parse(readFileSync(resolve(import.meta.dirname, '../shows/london-2016.json'), 'utf8')).rundown.length;
const list = async () => (await fetch(`${hub.url}/api/shows`)).json();
const addCard = (name: string) => hub.post({ type: 'rundown.add', item: { group: 'Commentators', graphic: { kind: 'nameCard', props: { name } } } });

describe('show files API', () => {
  it('saves the show under a new name, opens another, and keeps every show and an ever-rising revision', async () => {
    const start = await hub.state();
    expect(start.name).toBe('London Marathon 2016');
    expect(start.rundown.length).toBe(seedItems);

    const saved = await shows('save-as', { name: 'London 2016 rehearsal' });
    expect(saved).toEqual({ status: 200, body: { revision: start.revision + 1, name: 'London 2016 rehearsal' } });
    expect(existsSync(join(hub.dataDir, 'shows', 'london-2016-rehearsal.json'))).toBe(true);

    const fresh = await shows('new', { name: 'Berlin 2016' });
    expect(fresh.status).toBe(200);
    const berlin = await hub.state();
    expect(berlin).toMatchObject({ name: 'Berlin 2016', revision: start.revision + 2, rundown: [], onAir: {} });
    await addCard('Berlin commentator');

    const opened = await shows('open', { file: 'london-2016-rehearsal' });
    expect(opened.status).toBe(200);
    const london = await hub.state();
    expect(london.name).toBe('London 2016 rehearsal');
    expect(london.revision).toBe(start.revision + 4);
    expect(london.rundown.map((item: any) => item.graphic.props.name)).toEqual(start.rundown.map((item: any) => item.graphic.props.name));
    expect(london.rundown.every((item: any) => item.revision === london.revision)).toBe(true);

    // Berlin, with the item added after it was created, was saved when London was opened.
    const { shows: saved2, current } = await list();
    expect(current).toEqual({ name: 'London 2016 rehearsal', file: 'london-2016-rehearsal' });
    expect(saved2.map((s: any) => [s.file, s.items])).toEqual([
      ['berlin-2016', 1],
      ['london-2016-rehearsal', seedItems],
    ]);
    const berlinFile = JSON.parse(readFileSync(join(hub.dataDir, 'shows', 'berlin-2016.json'), 'utf8'));
    expect(berlinFile.rundown[0].graphic.props.name).toBe('Berlin commentator');
  });

  it('refuses to switch shows while graphics are on air, and changes nothing', async () => {
    await hub.post({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'Steve Cram' } } });
    const before = await hub.state();
    expect(await shows('open', { file: 'berlin-2016' })).toEqual({
      status: 422,
      body: { error: 'Clear the air before you open another show (on air: Lower third); nothing was changed', revision: before.revision },
    });
    expect((await shows('new', { name: 'Boston 2016' })).status).toBe(422);
    expect(await hub.state()).toEqual(before);
    await hub.post({ type: 'clearAll' });
  });

  it('refuses to switch a locked show', async () => {
    await hub.post({ type: 'show.lock' });
    const result = await shows('open', { file: 'berlin-2016' });
    expect(result).toMatchObject({ status: 422, body: { error: 'The show is locked: unlock it before you open another show' } });
    await hub.post({ type: 'show.unlock' });
  });

  it('refuses to replace another saved show by accident', async () => {
    const result = await shows('save-as', { name: 'Berlin 2016' });
    expect(result).toMatchObject({ status: 422, body: { error: 'A show is already saved as berlin-2016.json; choose another name, or replace it (overwrite)' } });
    expect((await hub.state()).name).toBe('London 2016 rehearsal');
  });

  it.each([
    ['an empty name', 'new', { name: '  ' }, 400, 'Request refused: name: is required'],
    ['a path as a file', 'open', { file: '../show' }, 400, 'Request refused: file: must be a saved show file like london-2016 (see GET /api/shows)'],
    ['a file that does not exist', 'open', { file: 'nowhere' }, 422, 'There is no saved show nowhere.json (see GET /api/shows)'],
    ['an unknown field', 'new', { name: 'X', colour: 'red' }, 400, 'Request refused: Unrecognized key: "colour"'],
  ])('refuses %s with a message and changes nothing', async (_, action, body, status, error) => {
    const before = await hub.state();
    const result = await shows(action, body);
    expect(result.status).toBe(status);
    expect(result.body.error).toBe(error);
    expect(await hub.state()).toEqual(before);
  });

  it('needs the operator token to change shows', async () => {
    expect((await shows('new', { name: 'Sneaky' }, 'wrong')).status).toBe(401);
  });
});
