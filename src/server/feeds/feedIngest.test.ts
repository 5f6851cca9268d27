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
    const taking = ingest.take([
      { row: 'row 1 (bib 1)', raceId: 'elite-men', bib: '1', metres: 10_000, elapsedMs: 1_717_000 },
      { row: 'row 2 (bib 99)', raceId: 'elite-men', bib: '99', metres: 10_000, elapsedMs: 1_718_000 },
      { row: 'row 3 (bib 2)', raceId: 'elite-men', bib: '2', metres: 12_000, elapsedMs: 1_718_000 },
      { row: 'row 4 (bib 2)', raceId: 'mass', bib: '2', metres: 10_000, elapsedMs: 1_718_000 },
      { row: 'row 5 (bib 2)', raceId: 'elite-men', bib: '2', metres: 10_000, elapsedMs: 1_718_000 },
    ]);
    expect(health.errors.map((e) => e.message)).toEqual([
      "row 2 (bib 99): bib 99 is not on ELITE MEN's start list",
      'row 3 (bib 2): ELITE MEN has no timing point at 12000 m: its timing points are 10K (10000 m)',
      'row 4 (bib 2): no race "mass" in the show',
    ]);
    // The first save failed: the two good rows are not acknowledged (a pusher sends them again), yet they wait here.
    const { accepted, refused, unsaved } = await taking;
    expect(accepted).toBe(0);
    expect(unsaved.map((r) => r.row)).toEqual(['row 1 (bib 1)', 'row 5 (bib 2)']);
    expect(refused.map((r) => r.row)).toEqual(['row 2 (bib 99)', 'row 3 (bib 2)', 'row 4 (bib 2)']);
    // Two failed saves, then the passings go through on a retry.
    await expect.poll(() => hub.store.getState().races[0]!.passings?.length ?? 0, { timeout: 5000 }).toBe(2);
    expect(health.errors.some((e) => e.message.startsWith('the hub could not save passings (The show could not be saved'))).toBe(true);
    expect(health.delivered).toBe(2);
    expect(health.waiting).toBe(0);
    ingest.close();
  });

  it('should settle a take only once the hub has saved its passings', async () => {
    let saved!: () => void;
    let persisting!: () => void;
    const saving = new Promise<void>((resolve) => (saved = resolve));
    const asked = new Promise<void>((resolve) => (persisting = resolve));
    const hub = createHub({
      initial: raceShow(),
      now: () => clock,
      persist: () => {
        persisting();
        return saving;
      },
    });
    const ingest = createFeedIngest(hub, 'rr-push', new FeedHealth(() => clock));
    let answer: unknown = null;
    const taking = ingest.take([{ row: 'passing 1 (bib 1)', raceId: 'elite-men', bib: '1', metres: 10_000, elapsedMs: 1_717_000 }]).then((result) => (answer = result));
    await asked; // the batch is with the hub, its save not done
    await new Promise((resolve) => setImmediate(resolve));
    expect(answer, 'not answered while the save is still going').toBeNull();
    saved();
    await taking;
    expect(answer).toEqual({ accepted: 1, refused: [], unsaved: [] });
    ingest.close();
  });

  it('should answer a passing the race already has as accepted without a command: no revision, nothing saved', async () => {
    let saves = 0;
    const hub = createHub({ initial: raceShow(), now: () => clock, persist: async () => void saves++ });
    const ingest = createFeedIngest(hub, 'rr-push', new FeedHealth(() => clock));
    const row = { row: 'passing 1 (bib 1)', raceId: 'elite-men', bib: '1', metres: 10_000, elapsedMs: 1_717_000 };
    expect(await ingest.take([row])).toEqual({ accepted: 1, refused: [], unsaved: [] });
    const revision = hub.store.getState().revision;
    expect(saves).toBe(1);
    for (let i = 0; i < 3; i++) expect(await ingest.take([row])).toEqual({ accepted: 1, refused: [], unsaved: [] });
    expect(hub.store.getState().revision, 'the same passing again makes no revision').toBe(revision);
    expect(saves).toBe(1);
    // A correction still goes in.
    expect(await ingest.take([{ ...row, elapsedMs: 1_718_000 }])).toEqual({ accepted: 1, refused: [], unsaved: [] });
    expect(hub.store.getState().revision).toBe(revision + 1);
    ingest.close();
  });

  it('should take the later row of a batch as the correction, and make no revision when it is the time already stored', async () => {
    let saves = 0;
    const hub = createHub({ initial: raceShow(), now: () => clock, persist: async () => void saves++ });
    const ingest = createFeedIngest(hub, 'rr-push', new FeedHealth(() => clock));
    const corrected = { row: 'passing 2 (bib 1)', raceId: 'elite-men', bib: '1', metres: 10_000, elapsedMs: 1_717_000 };
    const first = { ...corrected, row: 'passing 1 (bib 1)', elapsedMs: 1_715_000 };
    expect(await ingest.take([corrected])).toEqual({ accepted: 1, refused: [], unsaved: [] });
    const revision = hub.store.getState().revision;
    // A replay after a restart sends every earlier message again in one batch: the time and its correction.
    expect(await ingest.take([first, corrected])).toEqual({ accepted: 2, refused: [], unsaved: [] });
    expect(hub.store.getState().races[0]!.passings!.map((row) => row[2])).toEqual([1_717_000]);
    expect(hub.store.getState().revision, 'a batch ending in the stored time makes no revision').toBe(revision);
    expect(saves).toBe(1);
    // A batch whose later row is a new time stores that time.
    expect(await ingest.take([corrected, first])).toEqual({ accepted: 2, refused: [], unsaved: [] });
    expect(hub.store.getState().races[0]!.passings!.map((row) => row[2])).toEqual([1_715_000]);
    expect(hub.store.getState().revision).toBe(revision + 1);
    ingest.close();
  });

  it('should take a bib in another case when exactly one entrant has it, and refuse it when two do', async () => {
    let show = raceShow();
    const entrants = [{ bib: 'F1', name: 'Mary Keitany' }, { bib: 'a2', name: 'Aselefech Mergia' }, { bib: 'A2', name: 'Tirfi Tsegaye' }];
    const added = applyCommand(show, Command.parse({ type: 'upsertEntrants', raceId: 'elite-men', entrants }), { now: clock });
    if (!added.ok) throw new Error(added.error);
    show = added.state;
    const hub = createHub({ initial: show, now: () => clock, persist: async () => {} });
    const ingest = createFeedIngest(hub, 'rr-push', new FeedHealth(() => clock));
    const result = await ingest.take([
      { row: 'passing 1 (bib f1)', raceId: 'elite-men', bib: 'f1', metres: 10_000, elapsedMs: 1_900_000 },
      { row: 'passing 2 (bib A2)', raceId: 'elite-men', bib: 'A2', metres: 10_000, elapsedMs: 1_910_000 },
      { row: 'passing 3 (bib a2)', raceId: 'elite-men', bib: 'a2', metres: 10_000, elapsedMs: 1_920_000 },
    ]);
    expect(result).toEqual({ accepted: 3, refused: [], unsaved: [] });
    expect(hub.store.getState().races[0]!.passings!.map((row) => row[0])).toEqual(['F1', 'A2', 'a2']);
    // "A2" and "a2" are two athletes, each matched exactly; "a2"'s twin "aB"/"Ab" below makes "ab" ambiguous.
    expect(await hub.submit({ type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ bib: 'Ab', name: 'One' }, { bib: 'aB', name: 'Two' }] })).toMatchObject({ ok: true });
    expect(ingest.check({ row: 'r', raceId: 'elite-men', bib: 'ab', metres: 10_000, elapsedMs: 1_930_000 })).toEqual({ ok: false, reason: "bib ab is not on ELITE MEN's start list" });
    expect(ingest.check({ row: 'r', raceId: 'elite-men', bib: 'f1', metres: 10_000, elapsedMs: 1_930_000 })).toMatchObject({ ok: true, passing: { bib: 'F1' } });
    ingest.close();
  });

  it('should take a bib without the start list’s leading zeros when exactly one entrant has that number, and refuse it when two do', async () => {
    let show = raceShow();
    const entrants = [{ bib: '0042', name: 'Brigid Kosgei' }, { bib: '7', name: 'Ruth Chepngetich' }, { bib: '007', name: 'Peres Jepchirchir' }];
    const added = applyCommand(show, Command.parse({ type: 'upsertEntrants', raceId: 'elite-men', entrants }), { now: clock });
    if (!added.ok) throw new Error(added.error);
    show = added.state;
    const hub = createHub({ initial: show, now: () => clock, persist: async () => {} });
    const ingest = createFeedIngest(hub, 'rr-push', new FeedHealth(() => clock));
    const check = (bib: string) => ingest.check({ row: 'r', raceId: 'elite-men', bib, metres: 10_000, elapsedMs: 1_900_000 });
    // A feed's {"bib": 42} arrives as "42" (the push route and a pulled mapping read a whole number as its text).
    expect(check('42')).toMatchObject({ ok: true, passing: { bib: '0042' } });
    expect(check('042')).toMatchObject({ ok: true, passing: { bib: '0042' } });
    // "7" and "007" are two athletes: each is matched exactly, and a third spelling is not guessed.
    expect(check('7')).toMatchObject({ ok: true, passing: { bib: '7' } });
    expect(check('007')).toMatchObject({ ok: true, passing: { bib: '007' } });
    expect(check('07')).toEqual({ ok: false, reason: "bib 07 is not on ELITE MEN's start list" });
    expect(await ingest.take([{ row: 'passing 1 (bib 42)', raceId: 'elite-men', bib: '42', metres: 10_000, elapsedMs: 1_900_000 }])).toEqual({ accepted: 1, refused: [], unsaved: [] });
    expect(hub.store.getState().races[0]!.passings!.map((row) => row[0])).toEqual(['0042']);
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
