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

describe('socket server roles', () => {
  const tokens = { operator: 'operator-tok-aaaaaaaa', data: 'data-tok-bbbbbbbb', viewer: 'viewer-tok-cccccccc' };
  /** A hub with the roles of README's example, its outputs list sent to panels as main.ts sends it. */
  async function hubWithRoles() {
    const hub = createHub({ initial: emptyShow(), persist: () => Promise.resolve() });
    const server: Server = createServer();
    let sockets: ReturnType<typeof attachSocketServer> | null = null;
    const outputs = createOutputRegistry({ onChange: (list) => sockets?.sendOutputs(list), now: Date.now, listEveryMs: 0 });
    const roles = createRoles(TOKEN, { tokens: [
      { name: 'Gallery A', token: tokens.operator, role: 'operator' },
      { name: 'Timing feed', token: tokens.data, role: 'data' },
      { name: 'Sponsor screen', token: tokens.viewer, role: 'viewer' },
    ] });
    sockets = attachSocketServer(server, hub, outputs, roles);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stop.push(() => (sockets.close(), outputs.close(), server.close()));
    return { base: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws`, outputs };
  }
  const answer = async (client: { messages: any[] }, id: string) => {
    await until(() => client.messages.some((m) => m.id === id));
    return client.messages.find((m) => m.id === id);
  };

  it('welcomes each token with its own role and name, and sends the outputs list only to the roles that may name outputs', async () => {
    const { base } = await hubWithRoles();
    const producer = await connect(`${base}?token=${TOKEN}`);
    const operator = await connect(`${base}?token=${tokens.operator}`);
    const data = await connect(`${base}?token=${tokens.data}`);
    const viewer = await connect(`${base}?token=${tokens.viewer}`);
    const anonymous = await connect(base);
    await until(() => [producer, operator, data, viewer, anonymous].every((c) => c.messages.some((m) => m.type === 'snapshot')));
    const welcome = (c: { messages: any[] }) => c.messages.find((m) => m.type === 'welcome');
    expect(welcome(producer)).toMatchObject({ role: 'producer', access: { name: 'producer', role: 'producer' } });
    expect(welcome(operator)).toMatchObject({ role: 'operator', access: { name: 'Gallery A', role: 'operator' } });
    expect(welcome(data)).toMatchObject({ role: 'data', access: { name: 'Timing feed', role: 'data' } });
    expect(welcome(viewer)).toMatchObject({ role: 'viewer', access: { name: 'Sponsor screen', role: 'viewer' } });
    expect(welcome(anonymous).role).toBe('viewer');
    expect(welcome(anonymous).access).toBeUndefined();

    // An output connecting afterwards: the list goes to the producer and the operator, as it did on connect.
    await connect(`${base}?role=output&name=victim`);
    for (const panel of [producer, operator]) await until(() => panel.messages.some((m) => m.type === 'outputs' && m.outputs.some((o: any) => o.name === 'victim')));
    for (const panel of [data, viewer, anonymous]) expect(panel.messages.filter((m) => m.type === 'outputs')).toEqual([]);
  });

  it('refuses to let a data or viewer token name an output, with 403 and the sentence HTTP refusals use; an operator may', async () => {
    const { base, outputs } = await hubWithRoles();
    const output = await connect(`${base}?role=output&name=victim`);
    await until(() => output.messages.some((m) => m.type === 'welcome'));
    const { connectionId } = output.messages.find((m) => m.type === 'welcome');
    const nameIt = (id: string, name: string) => JSON.stringify({ type: 'nameOutput', id, connectionId, name });

    const data = await connect(`${base}?token=${tokens.data}`);
    data.socket.send(nameIt('n1', 'renamed by data'));
    expect(await answer(data, 'n1')).toMatchObject({
      type: 'rejected',
      status: 403,
      error: 'Forbidden: "Timing feed" has the data role, which may not see or name the outputs; the data role may do races, splits, records, entrants, passings and timing feeds only',
    });
    const viewer = await connect(`${base}?token=${tokens.viewer}`);
    viewer.socket.send(nameIt('n2', 'renamed by viewer'));
    expect(await answer(viewer, 'n2')).toMatchObject({ type: 'rejected', status: 403, error: expect.stringMatching(/^Forbidden: "Sponsor screen" has the viewer role, which may not see or name the outputs/) });
    expect(outputs.list().map((o) => o.name)).toEqual(['victim']);
    expect(output.messages.filter((m) => m.type === 'named')).toEqual([]);

    const operator = await connect(`${base}?token=${tokens.operator}`);
    operator.socket.send(nameIt('n3', 'Studio A'));
    expect(await answer(operator, 'n3')).toMatchObject({ type: 'ack' });
    expect(outputs.list().map((o) => o.name)).toEqual(['Studio A']);
  });
});

/** A client's WebSocket frame (masked, with a zero key: the payload as it is). */
function clientFrame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length < 126 ? Buffer.from([payload.length | 0x80]) : Buffer.from([126 | 0x80, payload.length >> 8, payload.length & 0xff]);
  return Buffer.concat([Buffer.from([0x80 | opcode]), length, Buffer.alloc(4), payload]);
}
