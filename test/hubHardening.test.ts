import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { bigShowSeed } from './harness/bigShow';
import { startHub, type HubProcess } from './harness/hubProcess';
import { bodyOf, openClient, rawRequest, renderedReport, statusOf, upgradeTo } from './harness/rawClients';

// One hub for most findings: a fast heartbeat, outputs forgotten a second after they go, and a short queue.
let hub: HubProcess;
beforeAll(async () => {
  // 70 outputs from one address in 'lists at most 64 outputs': over the default of 64 a machine may open.
  hub = await startHub({ env: { HEARTBEAT_MS: '300', OUTPUT_FORGET_MS: '1000', COMMAND_QUEUE_MAX: '2', WS_PER_ADDRESS_MAX: '100' } });
});
afterAll(() => hub?.kill());

const alive = async (h = hub) => (await fetch(`${h.url}/api/health`)).status === 200;
const listedOutputs = async (): Promise<any[]> => (await (await fetch(`${hub.url}/api/outputs`)).json()).outputs;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('bad request targets', () => {
  it.each(['//[/ws', 'http://[/ws', 'http://%/ws'])('answers a WebSocket upgrade to %s with 400 and keeps running', async (target) => {
    const answer = await rawRequest(hub.port, upgradeTo(target));
    expect(statusOf(answer)).toBe(400);
    expect(bodyOf(answer).error).toMatch(/^The request target .* is not a valid path/);
    expect(await alive()).toBe(true);
  });

  it.each(['/%', '/%E0%A4%A', '/%ff%fe', '/assets/%', 'http://[/api/state', '/api/%zz'])('answers GET %s with 400 naming the problem', async (target) => {
    const answer = await rawRequest(hub.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    expect(statusOf(answer)).toBe(400);
    expect(bodyOf(answer).error).toMatch(/is not a valid path: use a path like \/api\/state$/);
    expect(await alive()).toBe(true);
  });

  it('answers an upgrade to a path other than /ws with 404', async () => {
    const answer = await rawRequest(hub.port, upgradeTo('/nope'));
    expect(statusOf(answer)).toBe(404);
    expect(bodyOf(answer).error).toBe('No WebSocket at /nope: connect to /ws');
  });
});

describe('show caps', () => {
  it('refuses a 21st race and a 101st split with 422, and the hub starts again on its own file', async () => {
    const { races } = await hub.state();
    for (let n = races.length; n < 20; n++) {
      expect((await hub.post({ type: 'addRace', raceId: `extra-${n}`, name: `EXTRA ${n}`, kind: 'mass' })).status).toBe(200);
    }
    const full = await hub.state();
    const refused = await hub.post({ type: 'addRace', raceId: 'one-too-many', name: 'ONE TOO MANY', kind: 'mass' });
    expect(refused).toEqual({ status: 422, body: { revision: full.revision, error: 'Refused: the show would no longer be valid (races: Too big: expected array to have <=20 items); nothing was changed' } });

    // Wheelchair women has a gun time and no splits in the demo show.
    for (let n = 0; n < 100; n++) {
      const result = await hub.post({ type: 'addSplit', raceId: 'wheelchair-women', metres: 400 * (n + 1), elapsedMs: 80_000 * (n + 1) });
      if (result.status !== 200) throw new Error(`split ${n}: ${result.body.error}`);
    }
    const split = await hub.post({ type: 'addSplit', raceId: 'wheelchair-women', metres: 41_000, elapsedMs: 8_200_000 });
    expect(split.status).toBe(422);
    expect(split.body.error).toMatch(/^Refused: the show would no longer be valid \(races\.\d+\.splits: Too big: expected array to have <=100 items\)/);

    const before = await hub.state();
    await hub.restart();
    expect(await hub.state()).toEqual(before);
  });
});

describe('start-up', () => {
  it('starts when the last good templates cannot be written, with a warning; removes temp files a kill left; keeps the token file private', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'finishline-start-'));
    // A folder where the file should be makes its write fail, as a full disk would.
    mkdirSync(join(dataDir, 'templates-last-good.json'));
    writeFileSync(join(dataDir, 'templates-last-good.json', 'keep'), '');
    writeFileSync(join(dataDir, '.show.json.4242.1700000000000.tmp'), '{"torn":');
    const started = await startHub({ dataDir, env: { HUB_TOKEN: '' } });
    try {
      expect(await alive(started)).toBe(true);
      expect(started.log()).toContain(`Warning: could not save the last good templates to ${join(dataDir, 'templates-last-good.json')}`);
      expect(existsSync(join(dataDir, '.show.json.4242.1700000000000.tmp'))).toBe(false);
      expect(started.log()).toContain('left by a hub that was stopped mid-save');
      const tokenFile = join(dataDir, 'operator-token');
      expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
      const token = readFileSync(tokenFile, 'utf8').trim();
      const ok = await fetch(`${started.url}/api/commands`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{"type":"clearAll"}' });
      expect(ok.status).toBe(200);
    } finally {
      await started.kill();
    }
  });
});

describe('heartbeat and send buffers', () => {
  it('closes a connection that sends messages but never answers the heartbeat', async () => {
    const client = await openClient(hub.port, '', { autoPong: false });
    const timer = setInterval(() => client.socket.send(JSON.stringify({ type: 'ping', sentLocal: 0 })), 50);
    const closed = await new Promise<boolean>((resolve) => {
      client.socket.once('close', () => resolve(true));
      setTimeout(() => resolve(false), 5000);
    });
    clearInterval(timer);
    expect(closed).toBe(true);
    expect(hub.log()).toContain(`Connection ${client.welcome.connectionId} (viewer) missed its heartbeat: closed`);
  });

  it('sends a page that does not read only the latest snapshot once it reads again, not every one it missed', async () => {
    // A big show (~1 MB), so a few changes fill the socket buffers of a page that stops reading.
    const big = await startHub({ seed: bigShowSeed() });
    try {
      const slow = await openClient(big.port);
      await slow.next('snapshot');
      const tcp = (slow.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
      tcp.pause();
      const changes = 40;
      let last = 0;
      for (let i = 0; i < changes; i++) last = (await big.post({ type: 'take', graphic: { kind: 'nameCard', props: { name: `Change ${i}`, role: '' } } })).body.revision;
      tcp.resume();
      await expect.poll(() => slow.messages.at(-1)?.revision, { timeout: 20_000 }).toBe(last);
      const snapshots = slow.messages.filter((m) => m.type === 'snapshot').length - 1;
      // The kernel holds a few, then the hub held back the rest and sent the latest.
      expect(snapshots).toBeLessThan(changes / 2);
      slow.close();
    } finally {
      await big.kill();
    }
  });
});

describe('outputs list', () => {
  it('refuses reports from a connection that is not an output, and a revision the show never had', async () => {
    const { revision } = await hub.state();
    const viewer = await openClient(hub.port);
    viewer.socket.send(JSON.stringify(renderedReport(revision)));
    expect((await viewer.next('rejected')).error).toBe('Report refused: only output pages report what they drew (they connect to /ws?role=output)');
    const output = await openClient(hub.port, '?role=output');
    output.socket.send(JSON.stringify(renderedReport(999_999)));
    expect((await output.next('rejected')).error).toBe(`Report refused: revision 999999 was never part of this show (it is at revision ${revision})`);
    const listed = (await listedOutputs()).find((o) => o.connectionId === output.welcome.connectionId);
    expect(listed).toMatchObject({ connected: true, report: null });
    expect((await listedOutputs()).some((o) => o.connectionId === viewer.welcome.connectionId)).toBe(false);
    viewer.close();
    output.close();
  });

  it('greys a disconnected output, then forgets it', async () => {
    const output = await openClient(hub.port, '?role=output&name=Gone%20soon');
    const id = output.welcome.connectionId;
    output.socket.send(JSON.stringify(renderedReport((await hub.state()).revision)));
    await expect.poll(async () => (await listedOutputs()).find((o) => o.connectionId === id)?.report?.page).toBe('output');
    expect((await listedOutputs()).find((o) => o.connectionId === id).name).toBe('Gone soon');
    output.close();
    await expect.poll(async () => (await listedOutputs()).find((o) => o.connectionId === id)?.connected).toBe(false);
    await expect.poll(async () => (await listedOutputs()).some((o) => o.connectionId === id), { timeout: 10_000 }).toBe(false);
  });

  it('lists at most 64 outputs', async () => {
    const many = await Promise.all(Array.from({ length: 70 }, () => openClient(hub.port, '?role=output')));
    expect((await listedOutputs()).length).toBe(64);
    expect(await alive()).toBe(true);
    for (const client of many) client.close();
  });

  it('sends panels the outputs list at a bounded rate, however often outputs report', async () => {
    const panel = await openClient(hub.port, `?token=${hub.token}`);
    const output = await openClient(hub.port, '?role=output');
    await sleep(600);
    const before = panel.messages.filter((m) => m.type === 'outputs').length;
    const { revision } = await hub.state();
    for (let i = 0; i < 300; i++) output.socket.send(JSON.stringify(renderedReport(revision, { droppedFrames: i })));
    // 300 reports in a burst: on a loaded machine the hub takes more than a poll's default second to read them all.
    await expect.poll(async () => (await listedOutputs()).find((o) => o.connectionId === output.welcome.connectionId)?.report?.droppedFrames, { timeout: 15_000 }).toBe(299);
    await sleep(600);
    const lists = panel.messages.filter((m) => m.type === 'outputs').slice(before);
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.length).toBeLessThan(10);
    expect(lists.at(-1)!.outputs.find((o: any) => o.connectionId === output.welcome.connectionId).report.droppedFrames).toBe(299);
    panel.close();
    output.close();
  });

  it('lets an operator name a connected output, which adopts the name; a viewer cannot', async () => {
    const output = await openClient(hub.port, '?role=output&name=vMix%20main');
    const id = output.welcome.connectionId;
    expect((await listedOutputs()).find((o) => o.connectionId === id).name).toBe('vMix main');
    const viewer = await openClient(hub.port);
    viewer.socket.send(JSON.stringify({ type: 'nameOutput', id: 'v1', connectionId: id, name: 'Hijacked' }));
    expect((await viewer.next('rejected')).error).toMatch(/^This connection is read-only/);
    const panel = await openClient(hub.port, `?token=${hub.token}`);
    panel.socket.send(JSON.stringify({ type: 'nameOutput', id: 'p1', connectionId: id, name: '  Stadium screen ' }));
    expect(await panel.next('ack')).toMatchObject({ id: 'p1' });
    expect(await output.next('named')).toEqual({ type: 'named', name: 'Stadium screen' });
    await expect.poll(async () => (await listedOutputs()).find((o) => o.connectionId === id)?.name).toBe('Stadium screen');
    panel.socket.send(JSON.stringify({ type: 'nameOutput', id: 'p2', connectionId: 'nobody', name: 'X' }));
    expect(await panel.next('rejected')).toMatchObject({ id: 'p2', error: 'No connected output nobody: an output can be named while it is connected' });
    for (const client of [output, viewer, panel]) client.close();
  });
});

describe('overload', () => {
  it('refuses commands past the queue bound with 503 and a sentence, over HTTP and WebSocket, and applies the rest', async () => {
    const before = await hub.state();
    const take = (name: string) => ({ type: 'take', graphic: { kind: 'nameCard', props: { name, role: '' } } });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => hub.post(take(`Burst ${i}`))));
    const busy = results.filter((r) => r.status === 503);
    expect(results.every((r) => r.status === 200 || r.status === 503)).toBe(true);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]!.body.error).toMatch(/^The hub is busy: 2 commands are already waiting to be saved, so this one was refused rather than put on air late; nothing was changed/);
    const accepted = results.filter((r) => r.status === 200).length;
    expect((await hub.state()).revision).toBe(before.revision + accepted);

    const operator = await openClient(hub.port, `?token=${hub.token}`);
    for (let i = 0; i < 30; i++) operator.socket.send(JSON.stringify({ type: 'command', id: `w${i}`, command: take(`Socket ${i}`) }));
    const answered = () => operator.messages.filter((m) => m.type === 'ack' || m.type === 'rejected');
    await expect.poll(() => answered().length).toBe(30);
    const answers = answered();
    // Acks come in the order the commands were sent.
    const acked = answers.filter((m) => m.type === 'ack').map((m) => Number(m.id.slice(1)));
    expect(acked).toEqual([...acked].sort((a, b) => a - b));
    expect(answers.some((m) => m.type === 'rejected' && /^The hub is busy/.test(m.error))).toBe(true);
    operator.close();
  });
});

describe('smaller refusals', () => {
  it('cuts a huge unknown key in the refusal', async () => {
    const before = await hub.state();
    const result = await hub.post(JSON.stringify({ type: 'clearAll', ['k'.repeat(60_000)]: 1 }));
    expect(result.status).toBe(400);
    expect(result.body.error).toBe(`Command refused: Unrecognized key: "${'k'.repeat(40)}…"`);
    expect(await hub.state()).toEqual(before);
  });

  it('refuses an as-run day that is not a day', async () => {
    for (const date of ['2026-13-45', '2026-02-30', 'today']) {
      const response = await fetch(`${hub.url}/api/asrun.csv?date=${date}`);
      expect(response.status, date).toBe(400);
      expect((await response.json()).error).toBe(`date must be a day as YYYY-MM-DD (UTC), got "${date}"`);
    }
    expect((await fetch(`${hub.url}/api/asrun?date=2024-02-29`)).status).toBe(200);
  });

  it('says an empty body is empty', async () => {
    const result = await hub.post('');
    expect(result).toEqual({ status: 400, body: { error: `The body is empty: send the JSON in it (with curl, -d '{"type":"clearAll"}')` } });
  });

  it('does not take the operator token from the query string', async () => {
    const before = await hub.state();
    const response = await fetch(`${hub.url}/api/commands?token=${hub.token}`, { method: 'POST', body: '{"type":"clearAll"}' });
    expect(response.status).toBe(401);
    expect((await response.json()).error).toBe('The API does not take the operator token in the URL (it would end up in logs and history): send "Authorization: Bearer <token>" instead');
    expect(await hub.state()).toEqual(before);
  });
});

describe('methods and bodies', () => {
  it('answers HEAD as GET without a body, OPTIONS with the methods, and another method with 405 naming the right one; changes nothing', async () => {
    const before = await hub.state();
    const head = await fetch(`${hub.url}/api/health`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await head.text()).toBe('');
    expect((await fetch(`${hub.url}/api/races/mass/entrants`, { method: 'HEAD' })).status).toBe(200);

    const options = await fetch(`${hub.url}/api/commands`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('POST, OPTIONS');

    const wrong = [
      ['PUT', '/api/commands', '/api/commands does not take PUT: send POST /api/commands'],
      ['GET', '/api/commands', '/api/commands does not take GET: send POST /api/commands'],
      ['DELETE', '/api/state', '/api/state does not take DELETE: send GET /api/state'],
      ['PATCH', '/api/feeds/rr-push/passings', '/api/feeds/rr-push/passings does not take PATCH: send POST /api/feeds/rr-push/passings'],
      ['GET', '/api/shows/open', '/api/shows/open does not take GET: send POST /api/shows/open'],
    ];
    for (const [method, path, error] of wrong) {
      const response = await fetch(`${hub.url}${path}`, { method, headers: { authorization: `Bearer ${hub.token}` }, body: method === 'GET' ? undefined : '{"type":"clearAll"}' });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(await response.json()).toEqual({ error });
    }
    const page = await fetch(`${hub.url}/output.html`, { method: 'POST', body: '{"type":"clearAll"}' });
    expect(page.status).toBe(405);
    expect(page.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(await page.text()).toBe('/output.html is a page, read with GET; POST changes nothing here (commands go to POST /api/commands)');
    const socketPath = await fetch(`${hub.url}/ws`);
    expect(socketPath.status).toBe(426);
    expect((await socketPath.json()).error).toMatch(/^\/ws is the hub's WebSocket: connect to it with a WebSocket client/);
    expect(await hub.state()).toEqual(before);
  });

  it('answers a body that stops arriving (a chunked body never ended), or headers that never end, with 408 and a sentence, and closes; nothing changes', async () => {
    // A hub of its own: a wait this short would cut off requests to a hub stalled by a loaded machine.
    const own = await startHub({ env: { REQUEST_IDLE_MS: '1000' } });
    try {
      const before = await own.state();
      const head = `POST /api/commands HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${own.token}\r\n`;
      const [chunked, short, endless] = await Promise.all([
        rawRequest(own.port, `${head}Transfer-Encoding: chunked\r\n\r\n5\r\n{"typ\r\n`, 5000),
        rawRequest(own.port, `${head}Content-Length: 19\r\n\r\n{"type":`, 5000),
        rawRequest(own.port, `${head}X-More: `, 5000),
      ]);
      expect(statusOf(chunked)).toBe(408);
      expect(chunked).toMatch(/\r\nconnection: close\r\n/i);
      expect(bodyOf(chunked).error).toBe('The body stopped arriving: nothing came for 1 s after 5 bytes; send the whole body (with its Content-Length, or end a chunked one)');
      expect(statusOf(short)).toBe(408);
      expect(statusOf(endless)).toBe(408);
      expect(bodyOf(endless).error).toBe('The request did not arrive in time: its headers must come within 1 s (REQUEST_IDLE_MS)');
      expect(await own.state()).toEqual(before);
      expect(await alive(own)).toBe(true);
    } finally {
      await own.kill();
    }
  });
});
