import { connect } from 'nats';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import defaultTheme from '../templates/themes/finishline.json';
import { grab, isColour, launchBrowser, openOutput, renderAt } from './harness/browser';
import { startHub, type HubProcess } from './harness/hubProcess';
import { startNatsCluster, startNatsServer, type NatsCluster, type NatsServer } from './harness/natsServer';
import { openPanel } from './harness/panel';

const take = (name: string) => ({ type: 'take', graphic: { kind: 'nameCard', props: { name, role: 'BBC One' } } });
const panelPoint = { x: 560, y: defaultTheme.regions.lowerThird.y + defaultTheme.regions.lowerThird.height - 16 - 134 + 8 };

/** The show's stream (the hubs' NATS_SHOW is the default, `show`). */
const STREAM = 'FINISHLINE_show';
let nats: NatsCluster;
let hubs: HubProcess[] = [];
let browser: Browser;
const startNatsHub = (name: string, natsUrl?: string) =>
  startHub({ env: natsUrl ? { NATS_URL: natsUrl, HUB_NAME: name } : { NATS_URL: nats.url, NATS_REPLICAS: '3', HUB_NAME: name } });
/** A hub answers HTTP at once; it takes commands once it has read the show from NATS (health 200). */
async function following(hub: HubProcess) {
  for (const end = Date.now() + 30_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    if ((await fetch(`${hub.url}/api/health`)).status === 200) return;
  }
  throw new Error(`hub did not follow the show in NATS within 30 s:\n${hub.log()}`);
}

beforeAll(async () => {
  // Three hubs on a three-node cluster; the stream and the snapshots keep three copies.
  [nats, browser] = await Promise.all([startNatsCluster(3), launchBrowser()]);
  hubs = await Promise.all([startNatsHub('hub-a'), startNatsHub('hub-b'), startNatsHub('hub-c')]);
  for (const hub of hubs) await following(hub);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(hubs.map((hub) => hub.kill()));
  await nats?.kill();
});

/** Every live hub's show, once they have all reached the same revision. */
async function settledStates(live: HubProcess[], timeout = 15_000) {
  let states: any[] = [];
  await expect
    .poll(async () => {
      states = await Promise.all(live.map((hub) => hub.state()));
      return new Set(states.map((s) => s.revision)).size;
    }, { timeout })
    .toBe(1);
  return states;
}

describe('hubs sharing one show through NATS JetStream', () => {
  it('ends in the same state on every hub when commands are sent to different hubs at once, the revision being the stream position', async () => {
    const before = (await hubs[0]!.state()).revision;
    const results = await Promise.all(Array.from({ length: 45 }, (_, i) => hubs[i % 3]!.post(i % 5 === 4 ? { type: 'clear', layer: 'lowerThird' } : take(`Runner ${i}`))));
    const acked = results.filter((r) => r.status === 200).map((r) => r.body.revision);
    // A clear can find the layer already empty (another hub's clear got in first): refused with a reason, never lost.
    for (const r of results) if (r.status !== 200) expect(r).toMatchObject({ status: 422, body: { error: 'Nothing is on air on Lower third' } });
    expect(new Set(acked).size, 'each acknowledged command has its own stream position').toBe(acked.length);
    const states = await settledStates(hubs);
    expect(states[0].revision).toBe(before + acked.length);
    expect(states[1]).toEqual(states[0]);
    expect(states[2]).toEqual(states[0]);
  });

  it('moves an output and a panel to another hub when theirs is killed mid-burst, keeping the picture and every acknowledged command', async () => {
    const [a, b, c] = hubs as [HubProcess, HubProcess, HubProcess];
    const others = `&hubs=127.0.0.1:${b.port},127.0.0.1:${c.port}`;
    const output = await openOutput(browser, a.url, 'canvas', `${others}&name=Main`);
    const panel = await openPanel(browser, a, others);
    const hubLabel = panel.getByLabel('Hub');
    expect(await hubLabel.textContent()).toBe('on hub hub-a');
    const first = await a.post(take('Steve Cram'));
    await renderAt(output, 1000, first.body.revision);
    await renderAt(output, 5000);
    expect(await output.evaluate(() => document.documentElement.dataset.hubName)).toBe('hub-a');

    let acked = first.body.revision;
    const burst = Array.from({ length: 30 }, (_, i) =>
      hubs[i % 3]!.post(take(`Burst ${i}`)).then(
        (r) => void (r.status === 200 && (acked = Math.max(acked, r.body.revision))),
        () => {}, // hub A died with the request: not acknowledged
      ),
    );
    await new Promise((r) => setTimeout(r, 30));
    await a.kill('SIGKILL');
    await Promise.all(burst);

    await output.waitForFunction(() => document.documentElement.dataset.hub === 'open' && document.documentElement.dataset.hubName !== 'hub-a', null, { timeout: 10_000 });
    await expect.poll(() => hubLabel.textContent()).toMatch(/^on hub hub-[bc]$/);
    // A hub whose stream consumer lived on the dead node follows the stream again (its watchdog looks every 2 s;
    // the cluster may still be electing leaders, so that can take a few tries).
    const [onB, onC] = await settledStates([b, c], 40_000);
    expect(onC).toEqual(onB);
    expect(onB.revision).toBeGreaterThanOrEqual(acked);

    // The output shows what the surviving hubs hold, without re-entering anything, and follows them.
    await renderAt(output, 5100, onB.revision);
    expect(isColour((await grab(output)).at(panelPoint.x, panelPoint.y), defaultTheme.colours.panel), 'still on air after the move').toBe(true);
    const after = await c.post({ type: 'clear', layer: 'lowerThird' });
    await renderAt(output, 6000, after.body.revision);
    await renderAt(output, 9000);
    expect((await grab(output)).at(panelPoint.x, panelPoint.y)[3]).toBe(0);

    // The panel carries on: a take from it lands on the hub it moved to.
    await panel.keyboard.press('Space');
    await expect.poll(async () => (await b.state()).onAir.lowerThird?.graphic.props.name).toBeTruthy();
    await Promise.all([output.close(), panel.close()]);

    // Hub A comes back and starts from the latest snapshot in the KV bucket, not from the top of the stream.
    await a.restart();
    await following(a);
    expect(a.log()).toMatch(/at revision \d+ \(from the snapshot at revision \d+ and \d+ commands after it\)/);
    const [again, onBNow] = await settledStates([a, b]);
    expect(again).toEqual(onBNow);
    hubs = [b, c, a];
  });

  it('keeps accepting commands when the NATS node leading the stream is killed (two of three remain), losing nothing acknowledged', { timeout: 90_000 }, async () => {
    const [b, c] = hubs as [HubProcess, HubProcess];
    const client = await connect({ servers: nats.url.split(','), maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    const jsm = await client.jetstreamManager({ timeout: 3000 });
    const { cluster, state } = await jsm.streams.info(STREAM);
    const leader = nats.nodes.find((node) => node.name === cluster?.leader)!;
    expect(leader, `the stream's leader (${cluster?.leader}) is one of the three nodes`).toBeDefined();
    try {
      await leader.kill('SIGKILL');
      const names = Array.from({ length: 20 }, (_, i) => `Node down ${i}`);
      const results = await Promise.all(names.map((name, i) => [b, c][i % 2]!.post(take(name))));
      // While the stream elects a new leader a command may be refused (503) with the reason: refused, never lost.
      for (const r of results) if (r.status !== 200) expect(r).toMatchObject({ status: 503, body: { error: expect.stringMatching(/nothing was changed|check the show before sending it again/) } });
      // Two nodes of three are a majority: the stream (three copies) keeps taking commands once it has a leader.
      await expect.poll(async () => (await b.post(take('Still on'))).status, { timeout: 30_000 }).toBe(200);
      const states = await settledStates(hubs, 40_000);
      for (const other of states.slice(1)) expect(other).toEqual(states[0]);
      expect(states[0].onAir.lowerThird.graphic.props.name).toBe('Still on');

      // The stream is the record: every hub holds all of it, each acknowledged command is at its revision, and a
      // command refused with "nothing was changed" is nowhere in it.
      const end = (await jsm.streams.info(STREAM)).state.last_seq;
      expect(states[0].revision).toBe(end);
      const stored = new Map<number, string>();
      for (let seq = state.last_seq + 1; seq <= end; seq++) stored.set(seq, (await jsm.streams.getMessage(STREAM, { seq })).json<any>().command?.graphic?.props?.name);
      results.forEach((r, i) => {
        if (r.status === 200) expect(stored.get(r.body.revision), `acknowledged as revision ${r.body.revision}`).toBe(names[i]);
        else if (/nothing was changed/.test(r.body.error)) expect([...stored.values()], `refused: ${r.body.error}`).not.toContain(names[i]);
      });
    } catch (error) {
      // A failure explains itself: what each hub logged about NATS (its deadlines log the stream and consumer state).
      const logs = hubs.map((hub) => `--- ${hub.url}\n${hub.log().split('\n').filter((line) => /NATS|stream|revision|consumer/i.test(line)).slice(-25).join('\n')}`);
      throw new Error(`${(error as Error).message}\n${logs.join('\n')}`, { cause: error });
    } finally {
      await client.close();
      await leader.restart();
    }
  });

  it('says in its health when NATS is connected but takes no commands (two of three nodes gone), and recovers by itself', { timeout: 90_000 }, async () => {
    const [b] = hubs as [HubProcess];
    const [, second, third] = nats.nodes as [NatsServer, NatsServer, NatsServer];
    expect((await fetch(`${b.url}/api/health`)).status).toBe(200);
    await Promise.all([second.kill('SIGKILL'), third.kill('SIGKILL')]);
    try {
      // One node of three is no majority: the stream takes nothing, though the hub is connected (to the one left).
      const healthAfterCommand = async () => {
        expect((await b.post(take('No majority'))).status).toBe(503);
        const health = await fetch(`${b.url}/api/health`);
        return `${health.status} ${(await health.json()).problem ?? ''}`;
      };
      await expect.poll(healthAfterCommand, { timeout: 60_000, interval: 500 }).toMatch(/^503 NATS at .+ did not take this hub's last command within 6 s/);
    } finally {
      await Promise.all([second.restart(), third.restart()]);
    }
    await expect.poll(async () => (await b.post(take('Majority back'))).status, { timeout: 45_000 }).toBe(200);
    expect((await fetch(`${b.url}/api/health`)).status).toBe(200);
  });

  it('leaves a frozen NATS node for another one by itself and takes commands again, its connections still open', { timeout: 60_000 }, async () => {
    // A hub that knows only the first node connects to it (and learns the others from it).
    const [first] = nats.nodes as [NatsServer];
    const hub = await startHub({ env: { NATS_URL: first.url, NATS_REPLICAS: '3', HUB_NAME: 'on-first' } });
    hubs.push(hub);
    await following(hub);
    expect((await hub.post(take('Before the freeze'))).status).toBe(200);
    // The node its connection is on, as its health says (the client learns the cluster's other nodes from the
    // first, and on a loaded machine it has been seen on another one already): that is the one frozen.
    const health = await (await fetch(`${hub.url}/api/health`)).json();
    const frozen = nats.nodes.find((node) => health.natsServer?.endsWith(`:${node.port}`));
    expect(frozen, `the node of ${JSON.stringify(health)}`).toBeDefined();
    frozen!.freeze(true);
    try {
      // SIGSTOP breaks no connection: only the client's own pings can tell that the node no longer answers.
      await expect.poll(async () => (await hub.post(take('Node frozen'))).status, { timeout: 40_000, interval: 500 }).toBe(200);
    } finally {
      frozen!.freeze(false);
    }
    expect(hub.log()).toMatch(/Lost NATS at .+/);
    await settledStates([hub, hubs[0]!], 20_000);
    expect((await hubs[0]!.state()).onAir.lowerThird.graphic.props.name).toBe('Node frozen');
  });

  it('refuses commands with a clear sentence while NATS is down (at start or mid-show), changes nothing, and recovers when it is back', async () => {
    // Its own single server: a whole cluster restarting takes far longer than the behaviour needs.
    const single = await startNatsServer();
    const main = await startNatsHub('main', single.url);
    hubs.push(main);
    await following(main);
    await main.post(take('Before the outage'));
    const before = await main.state();
    await single.kill();
    const refused = await main.post(take('While NATS is down'));
    expect(refused.status).toBe(503);
    expect(refused.body.error).toMatch(/^Lost NATS at nats:\/\/127\.0\.0\.1:\d+: commands are refused \(nothing is acknowledged that NATS has not stored\) until it is back; nothing was changed$/);
    expect(await main.state(), 'air unchanged').toEqual(before);

    // A hub started while NATS is down serves its own copy of the show and refuses commands.
    const backup = await startNatsHub('backup', single.url);
    hubs.push(backup);
    expect((await backup.post(take('Too early'))).body.error).toMatch(/^(Connecting to NATS at .+: commands are refused until this hub has read the show from it|NATS at .+ is unreachable .+); nothing was changed$/);
    await expect.poll(async () => (await backup.post(take('Too early'))).body.error, { timeout: 10_000 }).toMatch(/^NATS at nats:\/\/127\.0\.0\.1:\d+ is unreachable \(.+\): commands are refused until it is back; retrying; nothing was changed$/);
    expect((await fetch(`${backup.url}/api/health`)).status).toBe(503);

    await single.restart();
    await expect.poll(async () => (await main.post(take('NATS is back'))).status, { timeout: 20_000 }).toBe(200);
    const [onMain, onBackup] = await settledStates([main, backup]);
    expect(onBackup).toEqual(onMain);
    expect(onMain.onAir.lowerThird.graphic.props.name).toBe('NATS is back');
    await single.kill();
  });
  it('gives a new hub the whole show from a snapshot too big for one NATS message, the passings included', { timeout: 60_000 }, async () => {
    // Its own server taking messages of 64 kB at most: a show of 8,000 passings is several times that.
    const MAX_PAYLOAD = 64 * 1024;
    const small = await startNatsServer({ maxPayload: MAX_PAYLOAD });
    const first = await startNatsHub('big-a', small.url);
    hubs.push(first);
    await following(first);
    const points = Array.from({ length: 8 }, (_, i) => ({ metres: (i + 1) * 5000, label: `${(i + 1) * 5}K` }));
    const setUp = [
      { type: 'addRace', raceId: 'big-mass', name: 'BIG MASS', kind: 'mass' },
      { type: 'setGunTime', raceId: 'big-mass', gunTime: Date.now() - 5 * 3_600_000 },
      { type: 'setEntrants', raceId: 'big-mass', entrants: Array.from({ length: 1000 }, (_, i) => ({ bib: String(i + 1), name: `Runner ${i + 1}` })) },
      { type: 'setTimingPoints', raceId: 'big-mass', points },
    ];
    for (const command of setUp) expect((await first.post(command)).body).toMatchObject({ revision: expect.any(Number) });
    for (const point of points) {
      for (let from = 0; from < 1000; from += 500) {
        const passings = Array.from({ length: 500 }, (_, i) => ({ bib: String(from + i + 1), metres: point.metres, elapsedMs: point.metres * 200 + (from + i) * 1000, source: 'rr-live' }));
        expect((await first.post({ type: 'recordPassings', raceId: 'big-mass', passings })).status).toBe(200);
      }
    }
    // A snapshot is written every 50 stream messages: go past the next one.
    while ((await first.state()).revision < 60) expect((await first.post(take('Filler'))).status).toBe(200);

    const client = await connect({ servers: small.url });
    try {
      const kv = await (await client.jetstream()).views.kv('finishline-snapshots');
      await expect.poll(async () => (await kv.get('show'))?.json<{ seq: number }>().seq ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(50);
      const pointer = (await kv.get('show'))!.json<{ seq: number; chunks: number; bytes: number }>();
      expect(pointer.bytes, 'the snapshot is bigger than one message').toBeGreaterThan(MAX_PAYLOAD * 2);
      expect(pointer.chunks).toBeGreaterThan(2);

      const second = await startNatsHub('big-b', small.url);
      hubs.push(second);
      await following(second);
      expect(second.log()).toMatch(new RegExp(`from the snapshot at revision ${pointer.seq} and \\d+ commands after it`));
      const [onFirst, onSecond] = await settledStates([first, second]);
      expect(onSecond).toEqual(onFirst);
      expect(onSecond.races.find((r: { id: string }) => r.id === 'big-mass').passings).toHaveLength(8000);

      // A whole show bigger than one message (Save as: the show under another name) goes to every hub too, in parts.
      const response = await fetch(`${second.url}/api/shows/save-as`, { method: 'POST', headers: { authorization: `Bearer ${second.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Big mass rehearsal' }) });
      const saved = { status: response.status, body: await response.json() };
      expect(saved).toMatchObject({ status: 200, body: { revision: expect.any(Number) } });
      const [afterFirst, afterSecond] = await settledStates([first, second]);
      expect(afterSecond).toEqual(afterFirst);
      expect(afterFirst).toMatchObject({ name: 'Big mass rehearsal', revision: saved.body.revision });
      expect(afterFirst.races.find((r: { id: string }) => r.id === 'big-mass').passings).toHaveLength(8000);
      // And a command after it lands on both.
      expect((await first.post(take('After the save'))).status).toBe(200);
      const [last] = await settledStates([first, second]);
      expect(last.onAir.lowerThird.graphic.props.name).toBe('After the save');
    } finally {
      await client.close();
      await small.kill();
    }
  });
});
