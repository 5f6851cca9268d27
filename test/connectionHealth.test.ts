import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { useHubAndBrowser } from './harness/hubAndBrowser';
import type { HubProcess } from './harness/hubProcess';
import { openPanel } from './harness/panel';

// A hub that checks its connections every 300 ms (10 s by default), so a dead one is found within a second.
let hub: HubProcess;
let browser: Browser;
useHubAndBrowser(
  (started) => ({ hub, browser } = started),
  () => ({ env: { HEARTBEAT_MS: '300' } }),
);

/** A hand-made output: a WebSocket that says it drew the show once, then says nothing more. */
async function quietOutput(options: { answersPings: boolean }): Promise<{ socket: WebSocket; id: string }> {
  const socket = new WebSocket(`ws://127.0.0.1:${hub.port}/ws?role=output`, { autoPong: options.answersPings });
  const welcome = await new Promise<{ connectionId: string }>((resolve, reject) => {
    socket.once('message', (data) => resolve(JSON.parse(String(data))));
    socket.once('error', reject);
  });
  const { revision } = await hub.state();
  const report = { type: 'rendered', revision, renderer: 'canvas', requestedRenderer: 'auto', rendererReason: 'a test client', width: 1920, height: 1080 };
  socket.send(JSON.stringify({ ...report, fps: 50, droppedFrames: 0, onAir: [], page: 'output' }));
  return { socket, id: welcome.connectionId };
}

const listed = async (id: string) => {
  const { outputs } = (await (await fetch(`${hub.url}/api/outputs`)).json()) as { outputs: { connectionId: string; connected: boolean }[] };
  return outputs.find((o) => o.connectionId === id);
};

describe('connection health', () => {
  it('closes a connection that stops answering the heartbeat and lists its output as disconnected, keeping one that answers', async () => {
    const gone = await quietOutput({ answersPings: false });
    const alive = await quietOutput({ answersPings: true });
    // Listed (it may already be closed: only pongs count, and it sends none).
    await expect.poll(async () => (await listed(gone.id)) !== undefined).toBe(true);
    const closed = new Promise<void>((resolve) => (gone.socket.readyState === WebSocket.CLOSED ? resolve() : gone.socket.once('close', () => resolve())));

    await closed; // the hub closed it: it missed a ping
    await expect.poll(async () => (await listed(gone.id))?.connected).toBe(false);
    expect(hub.log()).toContain(`Connection ${gone.id} (viewer) missed its heartbeat: closed`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(alive.socket.readyState).toBe(WebSocket.OPEN);
    expect((await listed(alive.id))?.connected).toBe(true);
    alive.socket.close();
  });

  it('warns in the panel when an output is connected but has stopped reporting', async () => {
    const panel = await openPanel(browser, hub);
    const frozen = await quietOutput({ answersPings: true });
    const row = panel.locator(`[data-output="${frozen.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).not.toContain('Silent');
    await row.getByText(/^⚠ Silent for \d+ s: connected, but its page has stopped reporting/).waitFor({ timeout: 15_000 });
    expect(await row.getAttribute('data-state')).toBe('warn');
    frozen.socket.close();
    await panel.close();
  });

  it('shows output health as unknown, not silent, while the panel has lost the hub', async () => {
    const panel = await openPanel(browser, hub);
    const output = await quietOutput({ answersPings: true });
    const reported = Date.now();
    const row = panel.locator(`[data-output="${output.id}"]`);
    await row.waitFor();
    await hub.kill('SIGKILL');
    await panel.getByRole('status').filter({ hasText: /Disconnected/ }).waitFor();
    await panel.getByText('Output health unknown: this panel is not connected to the hub').waitFor();
    expect(await row.getAttribute('data-state')).toBe('unknown');
    // Past the silence threshold (5 s since its report): the panel says nothing about the output's health, it cannot know it.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, reported + 6000 - Date.now())));
    expect(await row.textContent()).toContain('LAST HEARD');
    expect(await row.textContent()).not.toContain('Silent');
    expect(await row.getAttribute('data-state')).toBe('unknown');
    await hub.restart();
    await panel.getByRole('status').filter({ hasText: /^Connected$/ }).waitFor({ timeout: 15_000 });
    await expect.poll(() => panel.getByText('Output health unknown').count()).toBe(0);
    await panel.close();
  });
});
