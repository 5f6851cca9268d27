import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { emptyShow } from '../state/showState';
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

const snapshot = (revision: number) => ({ type: 'snapshot', revision, state: { ...emptyShow('Test'), revision }, hubTime: 1000 + revision });

describe('connectToHub', () => {
  it('hands on only the latest of snapshots read together, before any message that follows them', async () => {
    const url = await serving([snapshot(1), snapshot(2), snapshot(3), { type: 'outputs', outputs: [] }, snapshot(4), snapshot(5)]);
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
});
