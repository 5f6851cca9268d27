import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { connect as connectTcp, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { Command } from '../protocol/command';
import { emptyShow } from '../state/showState';
import { createHub, type Hub } from './hub';
import { createOutputRegistry } from './outputRegistry';
import { createRoles } from './roles';
import { attachSocketServer, MAX_COMMANDS_IN_FLIGHT } from './socketServer';

const TOKEN = 'operator-secret';
const lock: Command = { type: 'show.lock' };

let stop: (() => void)[] = [];
afterEach(() => {
  for (const f of stop) f();
  stop = [];
  vi.restoreAllMocks();
});

/** A hub behind a real WebSocket endpoint whose saves wait until `release` is called; counts commands handed to it. */
async function hubOnSocket() {
  let release = () => {};
  const saving = new Promise<void>((resolve) => (release = resolve));
  const hub: Hub = createHub({ initial: emptyShow(), maxWaiting: 10_000, persist: () => saving });
  let submitted = 0;
  const counted: Hub = { ...hub, submit: (...args) => (submitted++, hub.submit(...args)) };
  const server: Server = createServer();
  const outputs = createOutputRegistry({ onChange: () => {}, now: Date.now });
  const sockets = attachSocketServer(server, counted, outputs, createRoles(TOKEN));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stop.push(() => (release(), sockets.close(), outputs.close(), server.close()));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws?token=${TOKEN}`;
  return { url, submitted: () => submitted, release };
}

async function connect(url: string) {
  const socket = new WebSocket(url);
  const messages: any[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(data.toString())));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return { socket, messages };
}

const until = async (check: () => boolean) => {
  for (let tries = 0; !check(); tries++) {
    if (tries > 200) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('socket server', () => {
  it(`refuses a connection's commands past ${MAX_COMMANDS_IN_FLIGHT} waiting, with a sentence, and answers the rest once applied`, async () => {
    const { url, submitted, release } = await hubOnSocket();
    const { socket, messages } = await connect(url);
    for (let n = 0; n < 300; n++) socket.send(JSON.stringify({ type: 'command', id: `c${n}`, command: lock }));
    await until(() => messages.filter((m) => m.type === 'rejected').length === 300 - MAX_COMMANDS_IN_FLIGHT);
    expect(submitted()).toBe(MAX_COMMANDS_IN_FLIGHT);
    const refused = messages.find((m) => m.type === 'rejected');
    expect(refused).toMatchObject({ id: `c${MAX_COMMANDS_IN_FLIGHT}`, status: 503 });
    expect(refused.error).toBe(
      `The hub is busy: this connection already has ${MAX_COMMANDS_IN_FLIGHT} commands waiting to be applied, the most one connection may have; this one was refused, nothing was changed — wait for their answers, then try again`,
    );

    release();
    await until(() => messages.filter((m) => m.type === 'ack' || m.type === 'rejected').length === 300);
    // The connection has room again.
    socket.send(JSON.stringify({ type: 'command', id: 'later', command: { type: 'show.unlock' } }));
    await until(() => messages.some((m) => m.id === 'later'));
    expect(messages.find((m) => m.id === 'later')).toMatchObject({ type: 'ack' });
  });

  it('logs one line, not one per command, for commands whose connection closed before the hub got to them', async () => {
    const { url, submitted } = await hubOnSocket();
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    const { host, pathname, search } = new URL(url);
    const socket = connectTcp(Number(host.split(':')[1]), '127.0.0.1');
    socket.write(`GET ${pathname}${search} HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    await new Promise((resolve) => socket.once('data', resolve));
    // 200 commands and a close in one write: the hub reads them together, the close before it gets to any command.
    const commands = Array.from({ length: 200 }, (_, n) => clientFrame(0x1, Buffer.from(JSON.stringify({ type: 'command', id: `c${n}`, command: lock }))));
    socket.write(Buffer.concat([...commands, clientFrame(0x8, Buffer.from([0x03, 0xe8]))]));
    await until(() => lines.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
    expect(lines.filter((line) => line.includes('was not applied'))).toEqual(['A show.lock from producer was not applied: its connection had closed before the hub could apply it']);
    expect(submitted()).toBe(0);
  });
});

/** A client's WebSocket frame (masked, with a zero key: the payload as it is). */
function clientFrame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length < 126 ? Buffer.from([payload.length | 0x80]) : Buffer.from([126 | 0x80, payload.length >> 8, payload.length & 0xff]);
  return Buffer.concat([Buffer.from([0x80 | opcode]), length, Buffer.alloc(4), payload]);
}
