import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type HubProcess } from './harness/hubProcess';
import { openClient } from './harness/rawClients';

const tokens = { operator: 'operator-token-0001', data: 'data-token-000001', viewer: 'viewer-token-0001' };
const take = { type: 'take', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC One' } } };
const addRace = (raceId: string) => ({ type: 'addRace', raceId, name: 'FUN RUN', kind: 'mass', distanceM: 5000 });

let hub: HubProcess;
beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'finishline-roles-'));
  writeFileSync(
    join(dataDir, 'roles.json'),
    JSON.stringify({ tokens: [
      { name: 'Gallery A', token: tokens.operator, role: 'operator' },
      { name: 'Timing feed', token: tokens.data, role: 'data' },
      { name: 'Sponsor screen', token: tokens.viewer, role: 'viewer' },
    ] }),
  );
  hub = await startHub({ dataDir });
});
afterAll(() => hub?.kill());

const post = async (path: string, token: string, body: unknown) => {
  const response = await fetch(`${hub.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
};
const command = (token: string, body: unknown) => post('/api/commands', token, body);

describe('roles over HTTP', () => {
  it('lets the producer (the main token) do everything, show files included', async () => {
    expect((await command(hub.token, take)).status).toBe(200);
    expect((await command(hub.token, addRace('producer-race'))).status).toBe(200);
    expect((await command(hub.token, { type: 'show.setTheme', theme: 'finishline' })).status).toBe(200);
    expect((await post('/api/shows/save-as', hub.token, { name: 'Roles day' })).status).toBe(200);
  });

  it('lets an operator take, clear, edit the crawl and control races, and refuses race edits and show files with 403 naming the role', async () => {
    expect((await command(tokens.operator, take)).status).toBe(200);
    expect((await command(tokens.operator, { type: 'crawlRun', running: false })).status).toBe(200);
    expect((await command(tokens.operator, { type: 'startRace', raceId: 'producer-race' })).status).toBe(200);
    expect((await command(tokens.operator, { type: 'clear', layer: 'lowerThird' })).status).toBe(200);
    const before = await hub.state();
    const race = await command(tokens.operator, addRace('operator-race'));
    expect(race).toEqual({
      status: 403,
      body: { error: 'Forbidden: "Gallery A" has the operator role, which may not send addRace; the operator role may do take, update and clear, the rundown (and its lock), the crawl, race control (start, gun time, finish, reset, splits), accepting held passings and feed splits and removing a passing' },
    });
    expect((await command(tokens.operator, { type: 'show.setTheme', theme: 'finishline' })).status).toBe(403);
    const file = await post('/api/shows/new', tokens.operator, { name: 'Not allowed' });
    expect(file.status).toBe(403);
    expect(file.body.error).toContain('may not switch or save show files');
    expect(await hub.state(), 'nothing changed').toEqual(before);
  });

  it('lets the data role edit races and splits only', async () => {
    expect((await command(tokens.data, addRace('data-race'))).status).toBe(200);
    expect((await command(tokens.data, { type: 'removeRace', raceId: 'data-race' })).status).toBe(200);
    const refused = await command(tokens.data, take);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('Forbidden: "Timing feed" has the data role, which may not send take; the data role may do races, splits, records, entrants, passings and timing feeds only');
    expect((await command(tokens.data, { type: 'crawlRun', running: true })).status).toBe(403);
  });

  it('lets a viewer read but send nothing, and refuses unknown tokens with 401', async () => {
    expect((await fetch(`${hub.url}/api/state`)).status).toBe(200);
    const refused = await command(tokens.viewer, take);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toContain('"Sponsor screen" has the viewer role, which may not send take; the viewer role may do nothing but read the show');
    expect((await command('not-a-known-token-at-all', take)).status).toBe(401);
  });
});

describe('roles over the WebSocket', () => {
  const send = async (token: string, commands: unknown[]) => {
    const client = await openClient(hub.port, `?token=${token}`);
    const answers = [];
    for (const [i, c] of commands.entries()) {
      client.socket.send(JSON.stringify({ type: 'command', id: `c${i}`, command: c }));
      for (;;) {
        const message = await client.next();
        if ((message.type === 'ack' || message.type === 'rejected') && message.id === `c${i}`) {
          answers.push(message.type === 'ack' ? 'ack' : `${message.status ?? ''} ${message.error}`);
          break;
        }
      }
    }
    client.close();
    return { welcome: client.welcome, answers };
  };

  it('tells each connection its role and refuses what the role may not do with 403', async () => {
    const operator = await send(tokens.operator, [take, addRace('ws-operator'), { type: 'clear', layer: 'lowerThird' }]);
    expect(operator.welcome).toMatchObject({ role: 'operator', access: { name: 'Gallery A', role: 'operator' } });
    expect(operator.answers[0]).toBe('ack');
    expect(operator.answers[1]).toMatch(/^403 Forbidden: "Gallery A" has the operator role, which may not send addRace/);
    expect(operator.answers[2]).toBe('ack');

    const data = await send(tokens.data, [addRace('ws-data'), take]);
    expect(data.welcome.access).toEqual({ name: 'Timing feed', role: 'data' });
    expect(data.answers[0]).toBe('ack');
    expect(data.answers[1]).toMatch(/^403 Forbidden: "Timing feed" has the data role, which may not send take/);

    const viewer = await send(tokens.viewer, [take]);
    expect(viewer.welcome).toMatchObject({ role: 'viewer', access: { name: 'Sponsor screen', role: 'viewer' } });
    expect(viewer.answers[0]).toMatch(/^403 Forbidden: "Sponsor screen" has the viewer role/);

    const producer = await send(hub.token, [addRace('ws-producer'), take]);
    expect(producer.welcome.access).toEqual({ name: 'producer', role: 'producer' });
    expect(producer.answers).toEqual(['ack', 'ack']);
  });

  it('welcomes a data token as data, without the outputs list, and refuses its renaming of an output with 403', async () => {
    const output = await openClient(hub.port, '?role=output&name=victim');
    const data = await openClient(hub.port, `?token=${tokens.data}`);
    expect(data.welcome).toMatchObject({ role: 'data', access: { name: 'Timing feed', role: 'data' } });
    data.socket.send(JSON.stringify({ type: 'nameOutput', id: 'n1', connectionId: output.welcome.connectionId, name: 'renamed by data' }));
    expect(await data.next('rejected')).toMatchObject({
      id: 'n1',
      status: 403,
      error: 'Forbidden: "Timing feed" has the data role, which may not see or name the outputs; the data role may do races, splits, records, entrants, passings and timing feeds only',
    });
    const listed = (await (await fetch(`${hub.url}/api/outputs`)).json()).outputs as { connectionId: string; name: string }[];
    expect(listed.find((o) => o.connectionId === output.welcome.connectionId)?.name).toBe('victim');
    expect(output.messages.filter((m: { type: string }) => m.type === 'named')).toEqual([]);
    // The operator's panel gets the list (and may rename); the data token got none.
    const operator = await openClient(hub.port, `?token=${tokens.operator}`);
    expect((await operator.next('outputs')).outputs.some((o: { name: string }) => o.name === 'victim')).toBe(true);
    expect(data.messages.filter((m: { type: string }) => m.type === 'outputs')).toEqual([]);
    for (const client of [output, data, operator]) client.close();
  });
});

describe('senders on record', () => {
  it('records who sent every applied command, not only takes and clears', async () => {
    const log = (await (await fetch(`${hub.url}/api/asrun?all=1`)).json()).entries as { action: string; by: string }[];
    const pairs = new Set(log.map((e) => `${e.action} by ${e.by}`));
    for (const pair of ['take by producer', 'addRace by producer', 'show.setTheme by producer', 'show.replace by producer', 'take by Gallery A', 'crawlRun by Gallery A', 'startRace by Gallery A', 'addRace by Timing feed', 'removeRace by Timing feed']) {
      expect(pairs).toContain(pair);
    }
    expect([...pairs].some((p) => p.endsWith('by Sponsor screen')), 'a viewer changed nothing').toBe(false);
    const asRun = (await (await fetch(`${hub.url}/api/asrun`)).json()).entries as { action: string }[];
    expect(new Set(asRun.map((e) => e.action))).toEqual(new Set(['take', 'clear']));
  });
});
