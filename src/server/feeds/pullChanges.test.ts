import { describe, expect, it } from 'vitest';
import { Command } from '../../protocol/command';
import { applyCommand } from '../../state/applyCommand';
import { emptyShow, type ShowState } from '../../state/showState';
import { createHub } from '../hub';
import { FeedHealth } from './feedHealth';
import { createFeedIngest, type IncomingPassing } from './feedIngest';
import { createPullChanges } from './pullChanges';

const GUN = Date.parse('2016-04-24T10:00:00+01:00');
const clock = GUN + 40 * 60_000;

function raceShow(): ShowState {
  let show = emptyShow('Pull');
  for (const input of [
    { type: 'addRace', raceId: 'mass', name: 'MASS', kind: 'mass' },
    { type: 'setGunTime', raceId: 'mass', gunTime: GUN },
    { type: 'setEntrants', raceId: 'mass', entrants: [{ bib: 'P3', name: 'Pacer Three' }, { bib: '4', name: 'Runner Four' }] },
    { type: 'setTimingPoints', raceId: 'mass', points: [{ metres: 5000, label: '5K' }] },
  ]) {
    const result = applyCommand(show, Command.parse(input), { now: clock });
    if (!result.ok) throw new Error(result.error);
    show = result.state;
  }
  return show;
}

/** A hub, a pull feed's ingest and its changes, polled with whole answers as a full-state feed gives them. */
function pullFeed() {
  const hub = createHub({ initial: raceShow(), now: () => clock, persist: async () => {} });
  const health = new FeedHealth(() => clock);
  const ingest = createFeedIngest(hub, 'results-site', health);
  const changes = createPullChanges(ingest, health);
  return {
    hub,
    health,
    ingest,
    /** One answer read, its rows taken; resolves once the hub has what was sent. */
    poll: (rows: IncomingPassing[]) => ingest.take(changes.pick(rows)),
    revision: () => hub.store.getState().revision,
    rows: () => hub.store.getState().races[0]!.passings ?? [],
  };
}
const row = (n: number, bib: string, elapsedMs: unknown, problem?: string): IncomingPassing => ({ row: `row ${n} (bib ${bib})`, raceId: 'mass', bib, metres: 5000, elapsedMs, ...(problem ? { problem } : {}) });

describe('a pulled answer', () => {
  it('should take the later of two rows for the same athlete and point, report the pair once, and change nothing while the answer stays the same', async () => {
    const feed = pullFeed();
    const answer = [row(1, '4', 1_100_000), row(2, 'P3', 1_012_000), row(3, 'P3', 1_013_000), row(4, 'P3', 'x', 'time "16:5x" (not a time)')];
    expect(await feed.poll(answer)).toEqual({ accepted: 2, refused: [{ row: 'row 4 (bib P3)', reason: 'time "16:5x" (not a time)' }], unsaved: [] });
    expect(feed.rows().map((r) => r.slice(0, 3))).toEqual([
      ['P3', 0, 1_013_000],
      ['4', 0, 1_100_000],
    ]);
    const revision = feed.revision();
    const { received, delivered } = feed.health;
    const errors = feed.health.errors.map((e) => `${e.message} ×${e.times}`);
    expect(errors).toEqual(['row 2 (bib P3) and row 3 (bib P3) give two times at 5000 m (16:52 and 16:53): the later row\'s 16:53 is taken, as a correction ×1', 'row 4 (bib P3): time "16:5x" (not a time) ×1']);

    for (let again = 0; again < 3; again++) await feed.poll(answer);
    expect(feed.revision(), 'no command, no revision').toBe(revision);
    expect([feed.health.received, feed.health.delivered]).toEqual([received, delivered]);
    expect(feed.health.errors.map((e) => `${e.message} ×${e.times}`)).toEqual(errors);
    feed.ingest.close();
  });

  it('should take a row refused for a bib not on the start list at the next answer once the bib is added', async () => {
    const feed = pullFeed();
    const answer = [row(1, '4', 1_100_000), row(2, '77', 1_200_000)];
    expect(await feed.poll(answer)).toEqual({ accepted: 1, refused: [{ row: 'row 2 (bib 77)', reason: "bib 77 is not on MASS's start list" }], unsaved: [] });
    expect(await feed.poll(answer), 'not reported again while nothing changed').toEqual({ accepted: 0, refused: [], unsaved: [] });
    expect(feed.health.errors.map((e) => [e.message, e.times])).toEqual([["row 2 (bib 77): bib 77 is not on MASS's start list", 1]]);

    expect(await feed.hub.submit({ type: 'upsertEntrants', raceId: 'mass', entrants: [{ bib: '77', name: 'Late Entry' }] })).toMatchObject({ ok: true });
    expect(await feed.poll(answer)).toEqual({ accepted: 1, refused: [], unsaved: [] });
    expect(feed.rows().map((r) => r.slice(0, 3))).toEqual([
      ['4', 0, 1_100_000],
      ['77', 0, 1_200_000],
    ]);
    feed.ingest.close();
  });
});
