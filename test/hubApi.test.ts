import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHub, type HubProcess } from './harness/hubProcess';

let hub: HubProcess;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.kill());

const cram = { type: 'take', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC athletics commentator on BBC One' } } };

/** Every refused request must leave the show exactly as it was. */
async function expectUnchanged(action: () => Promise<void>) {
  const before = await hub.state();
  await action();
  expect(await hub.state()).toEqual(before);
}

describe('hub HTTP API', () => {
  it('serves the whole show state with its revision', async () => {
    const state = await hub.state();
    expect(state.format).toBe('finishline-show/1');
    expect(typeof state.revision).toBe('number');
  });

  it('applies a command and answers with the new revision', async () => {
    const { revision } = await hub.state();
    const result = await hub.post(cram);
    expect(result).toEqual({ status: 200, body: { revision: revision + 1 } });
    expect((await hub.state()).onAir.lowerThird.graphic.props.name).toBe('Steve Cram');
  });

  it('refuses a command without the operator token with 401', async () => {
    await expectUnchanged(async () => {
      const response = await fetch(`${hub.url}/api/commands`, { method: 'POST', body: JSON.stringify({ type: 'clearAll' }) });
      expect(response.status).toBe(401);
      expect((await response.json()).error).toMatch(/operator token/);
    });
  });

  it('refuses a wrong token with 401', async () => {
    await expectUnchanged(async () => {
      const result = await hub.post({ type: 'clearAll' }, { authorization: 'Bearer nope' });
      expect(result.status).toBe(401);
    });
  });

  it.each([
    ['invalid JSON', '{"type":', 400, /^Body is not valid JSON/],
    ['an unknown command type', { type: 'explode' }, 400, /^Command refused: type: Invalid discriminator value/],
    ['a missing field', { type: 'clear' }, 400, /^Command refused: layer: Invalid option/],
    ['a wrong-typed field', { type: 'take', graphic: { kind: 'nameCard', props: { name: 7 } } }, 400, /graphic\.props\.name: Invalid input: expected string, received number/],
    ['an oversized field', { type: 'take', graphic: { kind: 'nameCard', props: { name: 'x'.repeat(200) } } }, 400, /graphic\.props\.name: Too big/],
    ['an unknown field', { type: 'clearAll', force: true }, 400, /Unrecognized key: "force"/],
    ['a command the show cannot apply', { type: 'update', layer: 'centre', graphic: cram.graphic }, 422, /^Nothing is on air on Centre to update$/],
  ])('refuses %s with a message naming the problem', async (_name, body, status, message) => {
    await expectUnchanged(async () => {
      const result = await hub.post(body);
      expect(result.status).toBe(status);
      expect(result.body.error).toMatch(message);
    });
  });

  it('refuses a body over the size limit with 413', async () => {
    await expectUnchanged(async () => {
      const result = await hub.post(JSON.stringify({ type: 'clearAll', pad: 'x'.repeat(100_000) }));
      expect(result.status).toBe(413);
    });
  });

  it('refuses a command made against a stale revision with 409', async () => {
    const { revision } = await hub.state();
    await expectUnchanged(async () => {
      const result = await hub.post(cram, { 'if-match': String(revision - 1) });
      expect(result.status).toBe(409);
      expect(result.body.error).toMatch(/has changed since you loaded it/);
    });
    expect((await hub.post(cram, { 'if-match': String(revision) })).status).toBe(200);
  });

  it('refuses an If-Match too big to be a revision with 400, not as stale', async () => {
    await expectUnchanged(async () => {
      const result = await hub.post(cram, { 'if-match': '99999999999999999999999' });
      expect(result.status).toBe(400);
      expect(result.body.error).toBe('If-Match must be a show revision number, got "99999999999999999999999"');
    });
  });

  it('refuses a body that is not valid UTF-8, reads one declared in latin1 in it, and refuses a charset it cannot read', async () => {
    const send = (body: Uint8Array, contentType: string) =>
      fetch(`${hub.url}/api/commands`, { method: 'POST', headers: { authorization: `Bearer ${hub.token}`, 'content-type': contentType }, body: new Uint8Array(body) });
    const take = (name: string) => JSON.stringify({ type: 'take', graphic: { kind: 'nameCard', props: { name, role: 'Commentator' } } });
    await expectUnchanged(async () => {
      const bad = await send(Buffer.from(take('José'), 'latin1'), 'application/json');
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toBe('The body is not valid UTF-8: send the JSON as UTF-8');
      const unknown = await send(Buffer.from(take('José')), 'application/json; charset=klingon');
      expect(unknown.status).toBe(415);
      expect((await unknown.json()).error).toBe('The body is declared as charset klingon, which the hub cannot read: send it as UTF-8');
    });
    expect((await send(Buffer.from(take('José'), 'latin1'), 'application/json; charset=ISO-8859-1')).status).toBe(200);
    expect((await hub.state()).onAir.lowerThird.graphic.props.name).toBe('José');
    await hub.post({ type: 'clear', layer: 'lowerThird' });
  });

  it('reads a JSON body that starts with a byte-order mark', async () => {
    const result = await hub.post(`\uFEFF${JSON.stringify(cram)}`);
    expect(result.status).toBe(200);
    await hub.post({ type: 'clear', layer: 'lowerThird' });
  });

  it('answers an unknown API path with 404', async () => {
    const response = await fetch(`${hub.url}/api/nothing`);
    expect(response.status).toBe(404);
  });

  it('serves every page and the icon each links to from assets/, with nothing from elsewhere', async () => {
    for (const page of ['/', '/output.html', '/gallery.html', '/testpattern.html']) {
      const html = await (await fetch(`${hub.url}${page}`)).text();
      // The output, in a playout, has an empty icon: nothing fetched, no SVG document built before its first frame.
      expect(html, page).toContain(page === '/output.html' ? '<link rel="icon" href="data:," />' : '<link rel="icon" href="/favicon.svg"');
      expect(html, page).not.toMatch(/(src|href)="https?:/);
    }
    const icon = await fetch(`${hub.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toBe(readFileSync(new URL('../assets/favicon.svg', import.meta.url), 'utf8'));
  });
});

function openSocket(query = ''): Promise<{ socket: WebSocket; next: () => Promise<any> }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${hub.port}/ws${query}`);
    const queue: any[] = [];
    const waiters: ((m: any) => void)[] = [];
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'outputs') return; // output status comes and goes with other tests' pages
      const waiter = waiters.shift();
      if (waiter) waiter(message);
      else queue.push(message);
    });
    const next = () => (queue.length > 0 ? Promise.resolve(queue.shift()) : new Promise((r) => waiters.push(r)));
    socket.on('open', () => resolve({ socket, next }));
    socket.on('error', reject);
  });
}

describe('hub WebSocket', () => {
  it('sends a welcome, the templates and the snapshot on connect', async () => {
    const { socket, next } = await openSocket();
    expect(await next()).toMatchObject({ type: 'welcome', role: 'viewer' });
    const templates = await next();
    expect(templates).toMatchObject({ type: 'templates', version: 1 });
    expect(Object.keys(templates.templates.themes).sort()).toEqual(['finishline', 'night']);
    const snapshot = await next();
    expect(snapshot.type).toBe('snapshot');
    expect(snapshot.revision).toBe((await hub.state()).revision);
    socket.close();
  });

  it('answers frames that are not commands with an error and stays up', async () => {
    const { socket, next } = await openSocket(`?token=${hub.token}`);
    await next();
    await next();
    await next(); // welcome, templates, snapshot
    await expectUnchanged(async () => {
      socket.send('not json');
      expect(await next()).toMatchObject({ type: 'rejected', id: null, error: expect.stringMatching(/^Message is not valid JSON/) });
      socket.send(JSON.stringify({ type: 'command', id: 'a1', command: { type: 'fly' } }));
      expect(await next()).toMatchObject({ type: 'rejected', id: 'a1', error: expect.stringMatching(/command\.type: Invalid discriminator/) });
      socket.send(JSON.stringify({ hello: 'there' }));
      expect(await next()).toMatchObject({ type: 'rejected', error: expect.stringMatching(/^Message refused/) });
    });
    expect((await fetch(`${hub.url}/api/health`)).status).toBe(200);
    socket.close();
  });

  it('refuses commands from a connection without the token', async () => {
    const { socket, next } = await openSocket();
    await next();
    await next();
    await next(); // welcome, templates, snapshot
    await expectUnchanged(async () => {
      socket.send(JSON.stringify({ type: 'command', id: 'x', command: { type: 'clearAll' } }));
      expect(await next()).toMatchObject({ type: 'rejected', id: 'x', error: expect.stringMatching(/read-only/) });
    });
    socket.close();
  });

  it('acks an operator command only after the change, and sends the new snapshot to every client', async () => {
    const viewer = await openSocket();
    await viewer.next();
    await viewer.next();
    await viewer.next(); // welcome, templates, snapshot
    const operator = await openSocket(`?token=${hub.token}`);
    await operator.next();
    await operator.next();
    await operator.next(); // welcome, templates, snapshot
    const { revision } = await hub.state();
    operator.socket.send(JSON.stringify({ type: 'command', id: 'k1', command: { type: 'clearAll' } }));
    const messages = [await operator.next(), await operator.next()];
    expect(messages).toContainEqual({ type: 'ack', id: 'k1', revision: revision + 1 });
    expect(messages.find((m) => m.type === 'snapshot').revision).toBe(revision + 1);
    expect(await viewer.next()).toMatchObject({ type: 'snapshot', revision: revision + 1 });
    viewer.socket.close();
    operator.socket.close();
  });
});

describe('the OpenAPI document the hub serves', () => {
  it('lists routes the hub really answers: reads with 200, changes without the token with 401', async () => {
    const response = await fetch(`${hub.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((method) => [method.toUpperCase(), path] as const));
    expect(operations.length).toBeGreaterThanOrEqual(10);
    // A path's parameters are filled from the show (a race it has); a parameter with no value here fails the test.
    const values: Record<string, string> = { raceId: (await hub.state()).races[0].id, feedId: 'any-feed' };
    for (const [method, template] of operations) {
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? expect.fail(`${method} ${template}: no value for {${name}}`));
      const answer = await fetch(`${hub.url}${path}`, { method, ...(method === 'POST' ? { body: '{}' } : {}) });
      expect(answer.status, `${method} ${path}`).toBe(method === 'POST' ? 401 : 200);
    }
    // …and nothing else: a name every object inherits is no route either.
    for (const path of ['/api/shows/constructor', '/api/constructor', '/api/shows/toString']) {
      expect((await fetch(`${hub.url}${path}`, { method: 'POST', body: '{}' })).status, path).toBe(404);
    }
  });
});
