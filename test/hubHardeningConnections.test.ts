import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigShowSeed } from './harness/bigShow';
import { startHub, type HubProcess } from './harness/hubProcess';
import { bodyOf, openClient, rawRequest, statusOf, type SocketClient } from './harness/rawClients';

// A big show (~1 MB of JSON), so every unread answer to GET /api/state costs the hub a megabyte.
let hub: HubProcess;
beforeAll(async () => {
  hub = await startHub({ seed: bigShowSeed(), env: { REQUEST_IDLE_MS: '1000' } });
});
afterAll(() => hub?.kill());

const healthy = async () => (await fetch(`${hub.url}/api/health`)).status === 200;
const rssBytes = () => Number(readFileSync(`/proc/${hub.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)![1]) * 1024;

/** A client that sends `count` pipelined GET /api/state at once and does not read until told. */
function pipeliningClient(count: number): { socket: Socket; closed: Promise<void>; answers(): number } {
  const socket = connect(hub.port, '127.0.0.1');
  socket.pause();
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString('latin1')));
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.on('connect', () => socket.write('GET /api/state HTTP/1.1\r\nHost: x\r\n\r\n'.repeat(count)));
  return { socket, closed, answers: () => received.split('HTTP/1.1 200 OK').length - 1 };
}

describe('pipelined requests from a client that does not read', () => {
  it('closes a connection that sends a thousand requests ahead, without working them all out; others are answered', async () => {
    expect((await hub.state()).rundown.length).toBe(2000);
    const before = rssBytes();
    const greedy = pipeliningClient(1000);
    await expect.poll(() => hub.log()).toMatch(/HTTP connection from 127\.0\.0\.1:\d+ sent more than 16 requests ahead of their answers \(HTTP pipelining\); send the next request once an answer has been read: closed, 16 requests left unanswered/);
    expect(await healthy()).toBe(true);
    expect((await hub.state()).rundown.length).toBe(2000);
    // The hub worked out at most the first answer: a megabyte, where every answer held took it past 1 GB.
    expect(rssBytes() - before).toBeLessThan(200 * 1024 * 1024);
    greedy.socket.resume();
    await greedy.closed;
    expect(greedy.answers()).toBeLessThanOrEqual(1);
  });

  it('closes a connection whose answers stay unread for REQUEST_IDLE_MS, having worked out only what the network took', async () => {
    const slow = pipeliningClient(16);
    await expect.poll(() => hub.log()).toMatch(/HTTP connection from 127\.0\.0\.1:\d+ has not read its answer for 1 s \(REQUEST_IDLE_MS\): closed, \d+ requests? left unanswered/);
    expect(await healthy()).toBe(true);
    const unanswered = Number(hub.log().match(/has not read its answer for 1 s \(REQUEST_IDLE_MS\): closed, (\d+) request/)![1]);
    expect(unanswered).toBeGreaterThan(0);
    slow.socket.resume();
    await slow.closed;
    expect(slow.answers()).toBeLessThan(16);
  });

  it('answers pipelined requests in order to a client that reads them', async () => {
    const requests = 'GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n'.repeat(3) + 'GET /api/nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n';
    const answers = await new Promise<string>((resolve) => {
      const socket = connect(hub.port, '127.0.0.1', () => socket.write(requests));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('latin1')));
      socket.on('close', () => resolve(text));
    });
    expect(answers.match(/HTTP\/1\.1 \d{3}/g)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200', 'HTTP/1.1 200', 'HTTP/1.1 404']);
  });
});

describe('requests without a Host header', () => {
  it('answers 400 with a sentence and closes', async () => {
    const answer = await rawRequest(hub.port, 'GET /api/health HTTP/1.1\r\n\r\n');
    expect(statusOf(answer)).toBe(400);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(bodyOf(answer)).toEqual({ error: 'The request has no Host header, which HTTP/1.1 requires: send "Host: <hub address>"' });
    expect(await healthy()).toBe(true);
  });
});

describe('WebSocket connections', () => {
  // A hub with the default show (small snapshots) and the default per-address limit, 64.
  let small: HubProcess;
  beforeAll(async () => {
    small = await startHub();
  });
  afterAll(() => small?.kill());

  /** The hub's answer to a WebSocket upgrade from `localAddress` (any of 127.0.0.0/8 reaches the hub): 101, or a refusal's status and JSON. */
  const upgradeAnswer = (query: string, localAddress = '127.0.0.1') =>
    new Promise<{ status: number; body: any }>((resolve, reject) => {
      const headers = { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', 'sec-websocket-version': '13' };
      const request = get({ host: '127.0.0.1', port: small.port, path: `/ws${query}`, localAddress, headers });
      request.on('upgrade', (_response, socket) => {
        socket.destroy();
        resolve({ status: 101, body: null });
      });
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
      });
      request.on('error', reject);
    });
  const openFrom = (localAddress: string, count: number, query = '?role=output') => Promise.all(Array.from({ length: count }, () => openClient(small.port, query, { localAddress })));
  const closeAll = async (clients: SocketClient[]) => {
    await Promise.all(clients.map((c) => new Promise((resolve) => (c.socket.once('close', resolve), c.close()))));
  };

  it('refuses a 65th connection without a token from one address with 429 and a sentence; other addresses and tokens still connect', async () => {
    const flood = await openFrom('127.0.0.2', 64);
    expect(await upgradeAnswer('?role=output', '127.0.0.2')).toEqual({
      status: 429,
      body: { error: '127.0.0.2 already has 64 connections to the hub without a token, the most one address may open (WS_PER_ADDRESS_MAX): close some, or raise WS_PER_ADDRESS_MAX for a machine with more outputs' },
    });
    const output = await openClient(small.port, '?role=output', { localAddress: '127.0.0.3' });
    const panel = await openClient(small.port, `?token=${small.token}`, { localAddress: '127.0.0.2' });
    expect(panel.welcome.role).toBe('producer');
    await closeAll([...flood, output, panel]);
    await expect.poll(async () => (await upgradeAnswer('?role=output', '127.0.0.2')).status).toBe(101);
  });

  it('keeps room for connections with a token when 256 without one are open', async () => {
    const flood = (await Promise.all(['127.0.0.4', '127.0.0.5', '127.0.0.6', '127.0.0.7'].map((address) => openFrom(address, 64)))).flat();
    const refused = await upgradeAnswer('?role=output', '127.0.0.8');
    expect(refused.status).toBe(503);
    expect(refused.body.error).toBe('The hub already serves 256 connections without a token, its limit: try again later (panels with the operator token still connect)');
    const panel = await openClient(small.port, `?token=${small.token}`, { localAddress: '127.0.0.8' });
    expect(panel.welcome.role).toBe('producer');
    panel.socket.send(JSON.stringify({ type: 'command', id: 'c1', command: { type: 'take', graphic: { kind: 'nameCard', props: { name: 'Still in control', role: '' } } } }));
    expect(await panel.next('ack')).toMatchObject({ id: 'c1' });
    await closeAll([...flood, panel]);
  });

  it('refuses a wrong token with 401 and a sentence; without a token the connection is read-only as before', async () => {
    expect(await upgradeAnswer('?token=not-a-known-token')).toEqual({
      status: 401,
      body: { error: 'The token in this URL is not known to the hub: use the operator URL printed by npm start, or a token from roles.json (without a token the connection is read-only)' },
    });
    const viewer = await openClient(small.port);
    expect(viewer.welcome.role).toBe('viewer');
    const output = await openClient(small.port, '?role=output&token=');
    expect(output.welcome.role).toBe('viewer');
    await closeAll([viewer, output]);
  });
});
