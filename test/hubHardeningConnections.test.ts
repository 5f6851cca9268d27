import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type HubProcess } from './harness/hubProcess';
import { bodyOf, rawRequest, statusOf } from './harness/rawClients';

// A big show (~1 MB of JSON), so every unread answer to GET /api/state costs the hub a megabyte.
let hub: HubProcess;
beforeAll(async () => {
  const seed = JSON.parse(readFileSync(join(import.meta.dirname, '../shows/london-2016.json'), 'utf8'));
  seed.rundown = Array.from({ length: 2000 }, (_, i) => ({
    id: `big${i}`,
    revision: 0,
    group: 'Filler',
    graphic: { kind: 'nameCard', props: { name: `Filler name ${i} `.padEnd(80, 'x'), role: 'A role long enough to make the show big '.padEnd(120, 'y') } },
  }));
  const seedFile = join(mkdtempSync(join(tmpdir(), 'finishline-big-')), 'big.json');
  writeFileSync(seedFile, JSON.stringify(seed));
  hub = await startHub({ seed: seedFile, env: { REQUEST_IDLE_MS: '1000' } });
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
