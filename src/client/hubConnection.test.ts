import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { Command } from '../protocol/command';
import { applyCommand } from '../state/applyCommand';
import { emptyShow, type ShowState } from '../state/showState';
import { connectToHub } from './hubConnection';

let server: WebSocketServer | null = null;
afterEach(() => server?.close());

/** A real WebSocket server that sends `messages` in one go to whoever connects; returns its URL. */
async function serving(messages: unknown[]): Promise<string> {
  const wss = new WebSocketServer({ port: 0 });
  server = wss;
  await new Promise((resolve) => wss.once('listening', resolve));
  wss.on('connection', (socket) => {
    for (const message of messages) socket.send(JSON.stringify(message));
  });
  return `ws://127.0.0.1:${(wss.address() as { port: number }).port}`;
}

const snapshot = (revision: number, show: ShowState = emptyShow('Test')) => ({ type: 'snapshot', revision, state: { ...show, revision }, hubTime: 1000 + revision });

/** A show whose snapshot is over 64 kB of JSON (a race of 1000 entrants), like a mass race's. */
function bigShow(): ShowState {
  const run = (state: ShowState, input: unknown) => {
    const result = applyCommand(state, Command.parse(input), { now: 0 });
    if (!result.ok) throw new Error(result.error);
    return result.state;
  };
  const state = run(emptyShow('Test'), { type: 'addRace', raceId: 'mass', name: 'MASS', kind: 'mass' });
  return run(state, { type: 'setEntrants', raceId: 'mass', entrants: Array.from({ length: 1000 }, (_, i) => ({ bib: String(i + 1), name: `Runner with a long name ${i + 1}` })) });
}
const big = bigShow();

/** A connection (snapshots deferred, as an output's) that notes each snapshot and outputs list it hands on, in order. */
function recording(url: string) {
  const seen: string[] = [];
  const connection = connectToHub({
    url,
    deferSnapshots: true,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    events: {
      onSnapshot: (state, hubTime) => seen.push(`snapshot ${state.revision} at ${hubTime}`),
      onOutputs: () => seen.push('outputs'),
    },
  });
  return { seen, connection };
}

describe('connectToHub', () => {
  it('hands on only the latest of snapshots read together, before any message that follows them', async () => {
    const url = await serving([snapshot(1, big), snapshot(2, big), snapshot(3, big), { type: 'outputs', outputs: [] }, snapshot(4, big), snapshot(5, big)]);
    const { seen, connection } = recording(url);
    try {
      await expect.poll(() => seen.at(-1)).toBe('snapshot 5 at 1005');
      // Snapshots read in the same task as a later one are skipped (how many depends on how TCP delivers them);
      // the one before the outputs list always reaches the page before it, and none goes backwards.
      expect(seen[seen.indexOf('outputs') - 1]).toBe('snapshot 3 at 1003');
      const revisions = seen.filter((s) => s !== 'outputs').map((s) => Number(s.split(' ')[1]));
      expect(revisions).toEqual([...revisions].sort((x, y) => x - y));
      expect(new Set(revisions).size).toBe(revisions.length);
    } finally {
      connection.close();
    }
  });

  it('hands on every small snapshot in the task reading it, and drops a big one still waiting when a small one follows', async () => {
    const url = await serving([snapshot(1), snapshot(2), { type: 'outputs', outputs: [] }, snapshot(3), snapshot(4, big), snapshot(5)]);
    const { seen, connection } = recording(url);
    try {
      await expect.poll(() => seen.at(-1)).toBe('snapshot 5 at 1005');
      // The big one is handed on only if it was read in a task before the small one after it.
      expect(seen.filter((s) => !s.startsWith('snapshot 4'))).toEqual(['snapshot 1 at 1001', 'snapshot 2 at 1002', 'outputs', 'snapshot 3 at 1003', 'snapshot 5 at 1005']);
    } finally {
      connection.close();
    }
  });

  it('keeps trying when a hub address is one the socket will not open (it throws), and connects once the address is good', async () => {
    const good = await serving([snapshot(7)]);
    const seen: string[] = [];
    const problems: string[] = [];
    let attempts = 0;
    const connection = connectToHub({
      url: () => (attempts++ === 0 ? 'ws://:::/ws' : good),
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
      events: { onSnapshot: (state) => seen.push(`snapshot ${state.revision}`), onProblem: (message) => problems.push(message) },
    });
    try {
      await expect.poll(() => seen).toEqual(['snapshot 7']);
      expect(problems[0]).toMatch(/^Could not connect to the hub: /);
    } finally {
      connection.close();
    }
  });

  it('leaves a hub that stops answering (frozen) for the next one, without waiting for the closing handshake', async () => {
    // The first hub sends its snapshot, then answers nothing: not even the pings.
    const frozen = await serving([snapshot(7)]);
    const frozenServer = server!;
    const alive = await serving([snapshot(8)]);
    const aliveServer = server!;
    aliveServer.on('connection', (socket) => socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong', sentLocal: message.sentLocal, hubTime: 1 }));
    }));
    const urls = [frozen, alive];
    const seen: string[] = [];
    const problems: string[] = [];
    const connection = connectToHub({
      url: () => urls.shift() ?? alive,
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
      pingEveryMs: 100,
      silentHubMs: 400,
      events: { onSnapshot: (state) => seen.push(`snapshot ${state.revision}`), onProblem: (message) => problems.push(message) },
    });
    try {
      await expect.poll(() => seen, { timeout: 5000 }).toEqual(['snapshot 7', 'snapshot 8']);
      expect(problems).toEqual([expect.stringMatching(/^The hub has not answered for \d+ s: connecting again$/)]);
      // The hub that answers its pings is kept.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(seen).toEqual(['snapshot 7', 'snapshot 8']);
    } finally {
      connection.close();
      frozenServer.close();
    }
  });

  it('never goes back to an older revision on one connection (a hub catching up replayed older ones)', async () => {
    const url = await serving([snapshot(825), snapshot(800), snapshot(801), snapshot(825), snapshot(826)]);
    const seen: string[] = [];
    const problems: string[] = [];
    const connection = connectToHub({
      url,
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
      events: { onSnapshot: (state) => seen.push(`snapshot ${state.revision}`), onProblem: (message) => problems.push(message) },
    });
    try {
      await expect.poll(() => seen).toEqual(['snapshot 825', 'snapshot 825', 'snapshot 826']);
      expect(problems).toEqual(['The hub sent revision 800 after 825: an older show, not drawn', 'The hub sent revision 801 after 825: an older show, not drawn']);
    } finally {
      connection.close();
    }
  });
});
