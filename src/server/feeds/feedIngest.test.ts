import { describe, expect, it } from 'vitest';
import type { Feed } from '../../protocol/feed';
import { applyCommand } from '../../state/applyCommand';
import { Command } from '../../protocol/command';
import { emptyShow, type ShowState } from '../../state/showState';
import { createHub } from '../hub';
import { createFeedIngest } from './feedIngest';
import { FeedHealth } from './feedHealth';

const GUN = Date.parse('2016-04-24T10:00:00+01:00');
let clock = GUN + 40 * 60_000;

function raceShow(): ShowState {
  let show = emptyShow('Feeds');
  for (const input of [
    { type: 'addRace', raceId: 'elite-men', name: 'ELITE MEN', kind: 'elite-men' },
    { type: 'setGunTime', raceId: 'elite-men', gunTime: GUN },
    { type: 'setEntrants', raceId: 'elite-men', entrants: [{ bib: '1', name: 'Eliud Kipchoge' }, { bib: '2', name: 'Stanley Biwott' }] },
    { type: 'setTimingPoints', raceId: 'elite-men', points: [{ metres: 10_000, label: '10K' }] },
  ]) {
    const result = applyCommand(show, Command.parse(input), { now: clock });
    if (!result.ok) throw new Error(result.error);
    show = result.state;
  }
  return show;
}

describe('feed ingest', () => {
  it('takes the good rows, reports each bad one by row in feed health, and loses nothing while the hub is busy', async () => {
    let failNext = 2;
    const hub = createHub({
      initial: raceShow(),
      now: () => clock,
      persist: async () => {
        if (failNext-- > 0) throw new Error('EIO: disk unplugged');
      },
    });
    const health = new FeedHealth(() => clock);
    const ingest = createFeedIngest(hub, 'rr-live', health);
    const { accepted, refused } = ingest.take([
      { row: 'row 1 (bib 1)', raceId: 'elite-men', bib: '1', metres: 10_000, elapsedMs: 1_717_000 },
      { row: 'row 2 (bib 99)', raceId: 'elite-men', bib: '99', metres: 10_000, elapsedMs: 1_718_000 },
      { row: 'row 3 (bib 2)', raceId: 'elite-men', bib: '2', metres: 12_000, elapsedMs: 1_718_000 },
      { row: 'row 4 (bib 2)', raceId: 'mass', bib: '2', metres: 10_000, elapsedMs: 1_718_000 },
      { row: 'row 5 (bib 2)', raceId: 'elite-men', bib: '2', metres: 10_000, elapsedMs: 1_718_000 },
    ]);
    expect(accepted).toBe(2);
    expect(refused.map((r) => r.row)).toEqual(['row 2 (bib 99)', 'row 3 (bib 2)', 'row 4 (bib 2)']);
    expect(health.errors.map((e) => e.message)).toEqual([
      "row 2 (bib 99): bib 99 is not on ELITE MEN's start list",
      'row 3 (bib 2): ELITE MEN has no timing point at 12000 m: its timing points are 10K (10000 m)',
      'row 4 (bib 2): no race "mass" in the show',
    ]);
    // Two failed saves, then the passings go through on a retry.
    await expect.poll(() => hub.store.getState().races[0]!.passings?.length ?? 0, { timeout: 5000 }).toBe(2);
    expect(health.errors.some((e) => e.message.startsWith('the hub could not save passings (The show could not be saved'))).toBe(true);
    expect(health.delivered).toBe(2);
    expect(health.waiting).toBe(0);
    ingest.close();
  });

  it('reports a feed silent for longer than its stale time as stale, and a stopped one as stopped', () => {
    const feed: Feed = { id: 'rr-live', source: 'push', staleAfterS: 10, running: true, startedAt: clock };
    const health = new FeedHealth(() => clock);
    expect(health.report(feed).state).toBe('waiting');
    health.message(3);
    expect(health.report(feed)).toMatchObject({ state: 'ok', passingsPerMin: 3, received: 3 });
    clock += 11_000;
    expect(health.report(feed)).toMatchObject({ state: 'stale', silentForS: 11 });
    expect(health.report({ ...feed, running: false }).state).toBe('stopped');
    health.error('http://timing/ could not be reached (ECONNREFUSED)');
    health.error('http://timing/ could not be reached (ECONNREFUSED)');
    expect(health.errors).toEqual([{ at: clock, message: 'http://timing/ could not be reached (ECONNREFUSED)', times: 2 }]);
  });
});
