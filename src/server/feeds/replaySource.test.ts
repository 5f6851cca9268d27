import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Command } from '../../protocol/command';
import type { Feed } from '../../protocol/feed';
import type { FeedFile } from '../../protocol/feedFile';
import { applyCommand } from '../../state/applyCommand';
import { emptyShow, type ShowState } from '../../state/showState';
import { createHub, type Hub } from '../hub';
import { createFeedIngest } from './feedIngest';
import { FeedHealth } from './feedHealth';
import { startReplaySource } from './replaySource';

const T0 = Date.parse('2016-04-24T10:00:00+01:00');
const SPEED = 10;
const message = (atMs: number, bib: string, metres: number, elapsedMs: number, note?: string) => ({ atMs, raceId: 'elite-men', bib, metres, elapsedMs, ...(note ? { note } : {}) });
const file: FeedFile = {
  format: 'finishline-feed/1',
  rehearsal: true,
  description: 'Five messages: two at 5K (one corrected), two at 10K.',
  races: [
    {
      raceId: 'elite-men',
      gunAtMs: 0,
      timingPoints: [
        { metres: 5000, label: '5K' },
        { metres: 10_000, label: '10K' },
      ],
      entrants: [
        { bib: '1', name: 'Eliud Kipchoge' },
        { bib: '2', name: 'Stanley Biwott' },
      ],
    },
  ],
  passings: [
    message(900_000, '1', 5000, 900_000),
    message(905_000, '2', 5000, 905_000),
    message(906_000, '2', 5000, 907_000, 'correction'),
    message(1_800_000, '1', 10_000, 1_800_000),
    message(1_830_000, '2', 10_000, 1_830_000),
  ],
};
const feedsDir = mkdtempSync(join(tmpdir(), 'finishline-replay-'));
writeFileSync(join(feedsDir, 'rehearsal.json'), JSON.stringify(file));

let clock = T0;
function replayShow(): ShowState {
  let show = emptyShow('Replay');
  for (const input of [
    { type: 'addRace', raceId: 'elite-men', name: 'ELITE MEN', kind: 'elite-men' },
    { type: 'setFeed', feed: { id: 'rehearsal', source: 'replay', file: 'rehearsal.json', speed: SPEED } },
    { type: 'startFeed', feedId: 'rehearsal' },
  ]) {
    const result = applyCommand(show, Command.parse(input), { now: T0 });
    if (!result.ok) throw new Error(result.error);
    show = result.state;
  }
  return show;
}

let running: { stop(): void }[] = [];
afterEach(() => {
  for (const r of running) r.stop();
  running = [];
});

/** Starts the replay as the feed runner does after a (re)start of the hub: a fresh health and ingest, the show as it is. */
function play(hub: Hub) {
  const feed = hub.store.getState().feeds!.find((f) => f.id === 'rehearsal') as Extract<Feed, { source: 'replay' }>;
  const health = new FeedHealth(() => clock);
  const ingest = createFeedIngest(hub, feed.id, health);
  const source = startReplaySource(feed, feedsDir, hub, ingest, health);
  const run = {
    health,
    report: () => health.report(hub.store.getState().feeds!.find((f) => f.id === 'rehearsal')!),
    // A hub killed: nothing of this run goes on.
    stop() {
      source.stop();
      ingest.close();
    },
  };
  running.push(run);
  return run;
}
const race = (hub: Hub) => hub.store.getState().races.find((r) => r.id === 'elite-men')!;
/** The stored time of a bib at a point (metres), or undefined. */
const timeOf = (hub: Hub, bib: string, metres: number) => {
  const r = race(hub);
  const point = r.timingPoints!.findIndex((p) => p.metres === metres);
  return r.passings?.find((row) => row[0] === bib && row[1] === point)?.[2];
};
const ticks = (n: number) => new Promise((resolve) => setTimeout(resolve, n * 100 + 50));

describe('the replay source', () => {
  it('should say a replay has finished once every message is in, and count no message while it sends none', async () => {
    clock = T0;
    const hub = createHub({ initial: replayShow(), now: () => clock, persist: async () => {} });
    const run = play(hub);
    await expect.poll(() => race(hub).timingPoints?.length).toBe(2);
    clock = T0 + 1_000_000 / SPEED; // 5K: the first three messages
    await expect.poll(() => timeOf(hub, '2', 5000)).toBe(907_000);
    expect(run.report()).toMatchObject({ state: 'ok', received: 3 });

    clock = T0 + 2_000_000 / SPEED; // past the last message
    await expect.poll(() => timeOf(hub, '2', 10_000)).toBe(1_830_000);
    await expect.poll(() => run.report().state).toBe('finished');
    const lastMessageAt = run.health.lastMessageAt;
    clock += 10_000;
    await ticks(3);
    expect(run.report()).toMatchObject({ state: 'finished', running: true, lastMessageAt, silentForS: 10, received: 5, waiting: 0 });
    // Long after: a finished replay is not a silent feed.
    clock += 3_600_000;
    await ticks(2);
    expect(run.report()).toMatchObject({ state: 'finished', lastMessageAt, passingsPerMin: 0 });
  });

  it('should carry on after a hub restart where the replay was: the race clock on air does not jump and nothing the race has is sent again', async () => {
    clock = T0;
    const hub = createHub({ initial: replayShow(), now: () => clock, persist: async () => {} });
    const first = play(hub);
    await expect.poll(() => race(hub).timingPoints?.length).toBe(2);
    clock = T0 + 1_000_000 / SPEED; // the replayed clock at 16:40: the 5K messages, the correction among them
    await expect.poll(() => timeOf(hub, '2', 5000)).toBe(907_000);
    const gun = race(hub).gunTime!;
    expect(clock - gun, 'the race clock on air is the replayed clock').toBe(1_000_000);
    first.stop();

    // Down for 13:20: on air the race clock ran on at 1x to 30:00, so the first 10K message is due and no other.
    clock += 800_000;
    const restarted = play(hub);
    await expect.poll(() => timeOf(hub, '1', 10_000)).toBe(1_800_000);
    await ticks(3);
    expect(race(hub).gunTime, 'the gun is where it was: the clock on air did not jump').toBe(gun);
    expect(restarted.report()).toMatchObject({ received: 1, delivered: 1, errors: [] });
    expect(timeOf(hub, '2', 5000), 'the correction stays').toBe(907_000);
    expect(timeOf(hub, '2', 10_000)).toBeUndefined();

    // Then at 10x again from there: 3 s later the clock is 30 s on, and the last message is in.
    clock += 3000;
    await expect.poll(() => timeOf(hub, '2', 10_000)).toBe(1_830_000);
    expect(Math.abs(clock - race(hub).gunTime! - 1_830_000)).toBeLessThanOrEqual(500);
    await expect.poll(() => restarted.report().state).toBe('finished');
    const endedGun = race(hub).gunTime;
    restarted.stop();

    // Restarted again 20 minutes after it ended: it stays finished, its gun where it was, nothing sent or saved.
    const revision = hub.store.getState().revision;
    clock += 20 * 60_000;
    const again = play(hub);
    await expect.poll(() => again.report().state).toBe('finished');
    await ticks(3);
    expect(race(hub).gunTime).toBe(endedGun);
    expect(hub.store.getState().revision).toBe(revision);
    expect(again.report()).toMatchObject({ received: 0, lastMessageAt: null });
  });
});
