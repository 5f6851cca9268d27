import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type HubProcess } from './harness/hubProcess';
import { openClient } from './harness/rawClients';

let hub: HubProcess;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.kill());

const take = (name: string) => ({ type: 'take', graphic: { kind: 'nameCard', props: { name, role: 'Commentator' } } });

describe('a hub frozen for a while (a stopped process, a machine swapping)', () => {
  it('does not apply, once running again, a command whose client gave up waiting', async () => {
    const before = await hub.state();
    process.kill(hub.pid!, 'SIGSTOP');
    try {
      // The client gives up after half a second, as any HTTP client with a timeout does, and closes its connection.
      const gaveUp = await fetch(`${hub.url}/api/commands`, {
        method: 'POST',
        headers: { authorization: `Bearer ${hub.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(take('Sent while frozen')),
        signal: AbortSignal.timeout(500),
      }).then(
        () => false,
        () => true,
      );
      expect(gaveUp).toBe(true);
    } finally {
      process.kill(hub.pid!, 'SIGCONT');
    }
    await expect.poll(() => hub.log()).toContain('was not applied: its client had gone before the hub could apply it');
    const after = await hub.state();
    expect(after.revision).toBe(before.revision);
    expect(after.onAir.lowerThird).toBeUndefined();
    // A client that waits is answered as ever.
    expect((await hub.post(take('Sent after'))).status).toBe(200);
    await hub.post({ type: 'clear', layer: 'lowerThird' });
  });

  it('does not apply a WebSocket command whose panel closed its connection while the hub was frozen', async () => {
    const panel = await openClient(hub.port, `?token=${hub.token}`);
    const before = await hub.state();
    process.kill(hub.pid!, 'SIGSTOP');
    try {
      // The panel sends a Take, hears nothing, and gives up on the hub (as its silence check does after 8 s).
      panel.socket.send(JSON.stringify({ type: 'command', id: 'frozen-1', command: take('Pressed while frozen') }));
      panel.socket.close();
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      process.kill(hub.pid!, 'SIGCONT');
    }
    await expect.poll(() => hub.log()).toMatch(/A take from \S+ was not applied: its connection had closed before the hub could apply it/);
    const after = await hub.state();
    expect(after.revision).toBe(before.revision);
    expect(after.onAir.lowerThird).toBeUndefined();
  });
});
