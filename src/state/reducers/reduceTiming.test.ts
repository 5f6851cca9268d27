import { describe, expect, it } from 'vitest';
import { Command } from '../../protocol/command';
import { ShowState, emptyShow } from '../showState';
import { applyCommand } from '../applyCommand';
import { alreadyRecorded } from '../passingTable';

const GUN = Date.parse('2016-04-24T10:00:00+01:00');
const min = (m: number, s = 0) => (m * 60 + s) * 1000;

function run(state: ShowState, input: unknown, now = GUN + min(70)): ShowState {
  const result = applyCommand(state, Command.parse(input), { now });
  if (!result.ok) throw new Error(result.error);
  return ShowState.parse(result.state);
}
function refusal(state: ShowState, input: unknown, now = GUN + min(70)): string {
  const result = applyCommand(state, Command.parse(input), { now });
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result.error;
}
const men = (state: ShowState) => state.races.find((r) => r.id === 'elite-men')!;

const START_LIST = `Bib,Name,Display name,Country,Category,PB
1,Eliud Kipchoge,Kipchoge,KEN,ELITE,2:03:05
2,Stanley Biwott,Biwott,Kenya,ELITE,2:03:51
3,Kenenisa Bekele,Bekele,ETH,ELITE,2:03:03
4,Someone,,Narnia,ELITE,
5,Wilson Kipsang,Kipsang,KE,ELITE,99:99
1,Duplicate Bib,,KEN,,
6,Ghirmay Ghebreslassie,Ghebreslassie,ERI,ELITE,2:07:46`;

function race(feedSplits: 'direct' | 'approve' = 'direct'): ShowState {
  let state = run(emptyShow('London'), { type: 'addRace', raceId: 'elite-men', name: 'ELITE MEN', kind: 'elite-men' });
  state = run(state, { type: 'setGunTime', raceId: 'elite-men', gunTime: GUN });
  state = run(state, { type: 'importStartList', raceId: 'elite-men', csv: START_LIST });
  state = run(state, { type: 'setTimingPoints', raceId: 'elite-men', points: [{ metres: 10_000, label: '10K' }, { metres: 21_097.5, label: 'HALFWAY' }] });
  return run(state, { type: 'setFeedSplits', raceId: 'elite-men', feedSplits });
}
const pass = (bib: string, metres: number, elapsedMs: number, source = 'rehearsal') => ({ bib, metres, elapsedMs, source });
const record = (state: ShowState, ...passings: ReturnType<typeof pass>[]) => run(state, { type: 'recordPassings', raceId: 'elite-men', passings });

describe('start lists', () => {
  it('refuses a personal best no one could have run sent as a number, as the form and the import do, and lets an athlete keep one already stored', () => {
    const state = race();
    expect(refusal(state, { type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ bib: '9', name: 'Zero PB', pbMs: 0 }] })).toBe(
      "Bib 9: A personal best of 0:00 over 42.195 km can't be right: it would be faster than anyone has run it (under 1:32:00). Nothing was saved.",
    );
    expect(refusal(state, { type: 'setEntrants', raceId: 'elite-men', entrants: [{ bib: '9', name: 'One minute', pbMs: 60_000 }] })).toMatch(/^Bib 9: A personal best of 1:00 over 42\.195 km can't be right/);
    expect(men(run(state, { type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ bib: '9', name: 'Real PB', pbMs: 7_500_000 }] })).entrants!.at(-1)!.pbMs).toBe(7_500_000);
    // A list saved before the check: its PB stays while the athlete's other fields are edited.
    const older = ShowState.parse({ ...state, races: state.races.map((r) => ({ ...r, entrants: [...r.entrants!, { bib: '8', name: 'Old Entry', pbMs: 1000 }] })) });
    const edited = run(older, { type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ bib: '8', name: 'Old Entry', country: 'KEN', pbMs: 1000 }] });
    expect(men(edited).entrants!.find((e) => e.bib === '8')!.country).toBe('KEN');
  });

  it('imports the good rows of a CSV start list and leaves out each bad one', () => {
    const entrants = men(race()).entrants!;
    expect(entrants.map((e) => e.bib)).toEqual(['1', '2', '3', '6']);
    expect(entrants[0]).toEqual({ bib: '1', name: 'Eliud Kipchoge', displayName: 'Kipchoge', country: 'KEN', category: 'ELITE', pbMs: 7_385_000 });
    expect(entrants[1]!.country).toBe('KEN');
  });

  it('adds, replaces and removes entrants by bib, but keeps an athlete with passings', () => {
    let state = run(race(), { type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ bib: '2', name: 'Stanley Biwott', country: 'KE' }, { bib: '7', name: 'Tsegaye Kebede' }] });
    expect(men(state).entrants!.map((e) => `${e.bib} ${e.name}`)).toEqual(['1 Eliud Kipchoge', '2 Stanley Biwott', '3 Kenenisa Bekele', '6 Ghirmay Ghebreslassie', '7 Tsegaye Kebede']);
    state = run(state, { type: 'removeEntrant', raceId: 'elite-men', bib: '7' });
    state = record(state, pass('1', 10_000, min(28, 37)));
    expect(refusal(state, { type: 'removeEntrant', raceId: 'elite-men', bib: '1' })).toBe("Bib 1 has passings in ELITE MEN; an athlete with times can't be removed: remove their passings first (removePassing, or Passings… in the panel's standings) if they are wrong.");
  });

  it('upserts by bib on lists made from one another, whichever branch a list came from (the hub re-applies a group from its start)', () => {
    const upsert = (state: ShowState, ...entrants: { bib: string; name: string }[]) => {
      const result = applyCommand(state, Command.parse({ type: 'upsertEntrants', raceId: 'elite-men', entrants }), { now: GUN });
      if (!result.ok) throw new Error(result.error);
      return result.state;
    };
    const names = (state: ShowState) => men(state).entrants!.map((e) => `${e.bib} ${e.name}`);
    const base = race();
    const a = upsert(base, { bib: '7', name: 'A7' }, { bib: '8', name: 'A8' });
    const b = upsert(base, { bib: '8', name: 'B8' }, { bib: '9', name: 'B9' }, { bib: '2', name: 'B2' }, { bib: '9', name: 'B9 again' });
    expect(names(a)).toEqual(['1 Eliud Kipchoge', '2 Stanley Biwott', '3 Kenenisa Bekele', '6 Ghirmay Ghebreslassie', '7 A7', '8 A8']);
    expect(names(b)).toEqual(['1 Eliud Kipchoge', '2 B2', '3 Kenenisa Bekele', '6 Ghirmay Ghebreslassie', '8 B8', '9 B9 again']);
    expect(names(upsert(a, { bib: '9', name: 'A9' }, { bib: '7', name: 'A7 again' }))).toEqual([
      '1 Eliud Kipchoge', '2 Stanley Biwott', '3 Kenenisa Bekele', '6 Ghirmay Ghebreslassie', '7 A7 again', '8 A8', '9 A9',
    ]);
    expect(names(upsert(b, { bib: '7', name: 'B7' }))).toEqual(['1 Eliud Kipchoge', '2 B2', '3 Kenenisa Bekele', '6 Ghirmay Ghebreslassie', '8 B8', '9 B9 again', '7 B7']);
    expect(names(base)).toEqual(['1 Eliud Kipchoge', '2 Stanley Biwott', '3 Kenenisa Bekele', '6 Ghirmay Ghebreslassie']);
  });

  it('keeps an athlete whose splits are on air, even before their first passing', () => {
    let state = run(race(), { type: 'take', graphic: { kind: 'athleteSplits', props: { raceId: 'elite-men', bib: '6' } } });
    const onAir = "The athlete splits on the centre layer draws bib 6, and this change would break it: bib 6 is not on ELITE MEN's start list: its bibs are 1, 2, 3. Take it off air first.";
    expect(refusal(state, { type: 'removeEntrant', raceId: 'elite-men', bib: '6' })).toBe(onAir);
    expect(refusal(state, { type: 'setEntrants', raceId: 'elite-men', entrants: [{ bib: '1', name: 'Eliud Kipchoge' }] })).toBe(onAir.replace('1, 2, 3', '1'));
    state = run(state, { type: 'removeEntrant', raceId: 'elite-men', bib: '2' });
    state = run(state, { type: 'clear', layer: 'centre' });
    expect(men(run(state, { type: 'removeEntrant', raceId: 'elite-men', bib: '6' })).entrants!.map((e) => e.bib)).toEqual(['1', '3']);
  });
});

describe('passings', () => {
  it('refuses a batch naming an unknown bib or timing point, saying which', () => {
    expect(refusal(race(), { type: 'recordPassings', raceId: 'elite-men', passings: [pass('99', 10_000, min(28, 37))] })).toBe("bib 99 is not on ELITE MEN's start list");
    expect(refusal(race(), { type: 'recordPassings', raceId: 'elite-men', passings: [pass('1', 15_000, min(43))] })).toBe(
      'ELITE MEN has no timing point at 15000 m: its timing points are 10K (10000 m), HALFWAY (21097.5 m)',
    );
  });

  it('stores passings in point then time order however they arrive, and the same passing twice once', () => {
    const state = record(race(), pass('3', 21_097.5, min(61, 30)), pass('2', 10_000, min(28, 38)), pass('1', 10_000, min(28, 37)), pass('2', 10_000, min(28, 38)));
    expect(men(state).passings).toEqual([
      ['1', 0, min(28, 37), 0],
      ['2', 0, min(28, 38), 0],
      ['3', 1, min(61, 30), 0],
    ]);
    expect(record(state, pass('1', 10_000, min(28, 37), 'other')).races).toEqual(state.races);
  });

  it('replaces a passing by a later correction for the same athlete and point', () => {
    const state = record(record(race(), pass('1', 10_000, min(28, 37))), pass('1', 10_000, min(28, 39), 'correction'));
    expect(men(state).passings).toEqual([['1', 0, min(28, 39), 1]]);
    expect(men(state).passingSources).toEqual(['rehearsal', 'correction']);
  });

  it('holds an implausible passing with its reason until the operator accepts or rejects it', () => {
    const state = record(race(), pass('1', 10_000, min(20)), pass('2', 21_097.5, min(75)));
    expect(men(state).passings).toEqual([]);
    expect(men(state).held!.map((h) => h.reason)).toEqual([
      expect.stringMatching(/^Kipchoge \(1\): 20:00 at 10K is 2:00\/km from the start, faster than anyone/),
      'Biwott (2): 1:15:00 at HALFWAY is ahead of the race clock, which shows 1:10:00',
    ]);
    const accepted = run(state, { type: 'acceptHeldPassing', raceId: 'elite-men', bib: '2', metres: 21_097.5 });
    expect(men(accepted).passings).toEqual([['2', 1, min(75), 0]]);
    const rejected = run(accepted, { type: 'rejectHeldPassing', raceId: 'elite-men', bib: '1', metres: 10_000 });
    expect(men(rejected).held).toEqual([]);
    expect(men(rejected).passings).toEqual([['2', 1, min(75), 0]]);
    // The same misread sent again (a feed's window, a pull after a restart) stays rejected; another time is checked anew.
    const again = record(rejected, pass('1', 10_000, min(20)));
    expect(men(again).held).toEqual([]);
    expect(men(again).passings).toEqual([['2', 1, min(75), 0]]);
    expect(men(record(rejected, pass('1', 10_000, min(28, 37)))).passings).toEqual([['1', 0, min(28, 37), 0], ['2', 1, min(75), 0]]);
  });
});

describe('removing a passing', () => {
  it('takes the bib as a timing feed sends it (7 for 007) when one entrant has that number, and never guesses between two', () => {
    let state = run(race('approve'), { type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ bib: '007', name: 'Zero Seven' }] });
    state = record(state, pass('007', 10_000, min(29, 30)));
    expect(men(run(state, { type: 'removePassing', raceId: 'elite-men', bib: '7', metres: '10K' })).passings).toEqual([]);
    const both = run(state, { type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ bib: '7', name: 'Plain Seven' }] });
    expect(refusal(both, { type: 'removePassing', raceId: 'elite-men', bib: '07', metres: '10K' })).toMatch(/^bib 07 is not on ELITE MEN's start list/);
  });

  it('removes one stored passing, and the same time sent again by a feed does not bring it back, while another time is checked anew', () => {
    const state = record(race('approve'), pass('1', 10_000, min(28, 37)), pass('2', 10_000, min(28, 38)), pass('1', 21_097.5, min(61, 24)));
    const removed = run(state, { type: 'removePassing', raceId: 'elite-men', bib: '1', metres: 10_000 });
    expect(men(removed).passings).toEqual([['2', 0, min(28, 38), 0], ['1', 1, min(61, 24), 0]]);
    expect(men(removed).rejected).toEqual([{ bib: '1', metres: 10_000, elapsedMs: min(28, 37) }]);
    // A pull feed after a restart, or a push resending its window: the feed runner makes no command of it, and a batch drops it.
    expect(alreadyRecorded(men(removed), pass('1', 10_000, min(28, 37)))).toBe(true);
    expect(record(removed, pass('1', 10_000, min(28, 37))).races).toEqual(removed.races);
    expect(men(record(removed, pass('1', 10_000, min(28, 36)))).passings).toEqual([['1', 0, min(28, 36), 0], ['2', 0, min(28, 38), 0], ['1', 1, min(61, 24), 0]]);
    // The point as text, as the split commands take it.
    expect(men(run(state, { type: 'removePassing', raceId: 'elite-men', bib: '1', metres: 'HALFWAY' })).passings).toEqual([['1', 0, min(28, 37), 0], ['2', 0, min(28, 38), 0]]);
  });

  it('refuses an unknown race, bib or timing point, or a passing the athlete does not have, saying which', () => {
    const state = record(race(), pass('1', 10_000, min(28, 37)));
    const remove = (input: object) => refusal(state, { type: 'removePassing', raceId: 'elite-men', bib: '1', metres: 10_000, ...input });
    expect(remove({ raceId: 'elite-women' })).toBe('No race "elite-women": the races are elite-men.');
    expect(remove({ bib: '99' })).toBe("bib 99 is not on ELITE MEN's start list; no passing was removed.");
    expect(remove({ metres: 15_000 })).toBe('ELITE MEN has no timing point at 15000 m: its timing points are 10K (10000 m), HALFWAY (21097.5 m); no passing was removed.');
    expect(remove({ metres: 'soon' })).toMatch(/^"soon"/);
    expect(remove({ bib: '2' })).toBe('Biwott (2) has no passing at 10K in ELITE MEN; nothing was removed.');
  });

  it("lets direct feed splits follow a removal, and keeps a split a banner on air shows when no passing is left at its point", () => {
    let state = record(race('direct'), pass('1', 10_000, min(28, 37)), pass('2', 10_000, min(28, 38)));
    state = run(state, { type: 'take', graphic: { kind: 'splitBanner', props: { raceId: 'elite-men', metres: 10_000 } } });
    state = run(state, { type: 'removePassing', raceId: 'elite-men', bib: '1', metres: 10_000 });
    expect(men(state).splits).toEqual([{ metres: 10_000, label: '10K', elapsedMs: min(28, 38), leaders: ['Biwott'] }]);
    state = run(state, { type: 'removePassing', raceId: 'elite-men', bib: '2', metres: 10_000 });
    expect(men(state).passings).toEqual([]);
    expect(men(state).splits).toEqual([{ metres: 10_000, label: '10K', elapsedMs: min(28, 38), leaders: ['Biwott'] }]);
  });
});

describe('feed splits', () => {
  it("puts the leader's time and leading group into the race's splits directly, and follows a correction", () => {
    let state = record(race('direct'), pass('2', 10_000, min(28, 38)), pass('1', 10_000, min(28, 37)), pass('3', 10_000, min(28, 39)), pass('6', 10_000, min(29, 30)));
    expect(men(state).splits).toEqual([{ metres: 10_000, label: '10K', elapsedMs: min(28, 37), leaders: ['Kipchoge', 'Biwott', 'Bekele'] }]);
    state = record(state, pass('1', 10_000, min(28, 40)));
    expect(men(state).splits[0]).toEqual({ metres: 10_000, label: '10K', elapsedMs: min(28, 38), leaders: ['Biwott', 'Bekele', 'Kipchoge'] });
  });

  it('keeps the split a banner on air shows when an accepted passing makes a leader time that does not fit', () => {
    let state = record(race('direct'), pass('1', 10_000, min(28, 37)), pass('2', 10_000, min(28, 38)));
    state = run(state, { type: 'take', graphic: { kind: 'splitBanner', props: { raceId: 'elite-men', metres: 10_000 } } });
    const split = men(state).splits[0]!;
    expect(split).toMatchObject({ label: '10K', elapsedMs: min(28, 37) });
    state = record(state, pass('2', 10_000, 900));
    expect(men(state).held!.map((h) => h.elapsedMs)).toEqual([900]);
    state = run(state, { type: 'acceptHeldPassing', raceId: 'elite-men', bib: '2', metres: 10_000 });
    expect(men(state).passings!.map((row) => row[2])).toEqual([900, min(28, 37)]);
    // 0:00:00.9 at 10K is no split: the last good one stays, so the banner still has its time.
    expect(men(state).splits).toEqual([split]);
    // A later passing that fits puts the feed's split back in.
    state = record(state, pass('2', 10_000, min(28, 36)));
    expect(men(state).splits[0]).toMatchObject({ elapsedMs: min(28, 36), leaders: ['Biwott', 'Kipchoge'] });
  });

  it('waits for approval when the race says so', () => {
    let state = record(race('approve'), pass('1', 10_000, min(28, 37)));
    expect(men(state).splits).toEqual([]);
    state = run(state, { type: 'approveFeedSplit', raceId: 'elite-men', metres: 10_000 });
    expect(men(state).splits).toEqual([{ metres: 10_000, label: '10K', elapsedMs: min(28, 37), leaders: ['Kipchoge'] }]);
    expect(refusal(state, { type: 'approveFeedSplit', raceId: 'elite-men', metres: 21_097.5 })).toMatch(/nobody has passed that timing point yet/);
  });
  it('approves a feed split at a distance given as text, like the other race commands', () => {
    const state = record(race('approve'), pass('1', 10_000, min(28, 37)), pass('1', 21_097.5, min(61, 24)));
    const approved = run(run(state, { type: 'approveFeedSplit', raceId: 'elite-men', metres: '10K' }), { type: 'approveFeedSplit', raceId: 'elite-men', metres: 'HALFWAY' });
    expect(men(approved).splits.map((s) => [s.label, s.elapsedMs])).toEqual([['10K', min(28, 37)], ['HALFWAY', min(61, 24)]]);
    expect(refusal(state, { type: 'approveFeedSplit', raceId: 'elite-men', metres: 'FINISH' })).toBe('ELITE MEN has no feed split at 42195 m: nobody has passed that timing point yet.');
    expect(refusal(state, { type: 'approveFeedSplit', raceId: 'elite-men', metres: 'soon' })).toMatch(/^"soon"/);
  });
});

describe('timing points', () => {
  it('re-indexes stored passings when a point is inserted, and keeps a point in use', () => {
    let state = record(race(), pass('1', 21_097.5, min(61, 24)));
    state = run(state, { type: 'setTimingPoints', raceId: 'elite-men', points: [{ metres: 5000, label: '5K' }, { metres: 10_000, label: '10K' }, { metres: 21_097.5, label: 'HALFWAY' }] });
    expect(men(state).passings).toEqual([['1', 2, min(61, 24), 0]]);
    expect(refusal(state, { type: 'setTimingPoints', raceId: 'elite-men', points: [{ metres: 5000, label: '5K' }] })).toBe('ELITE MEN has passings at HALFWAY; keep that timing point.');
  });

  it('keeps a point that has a held passing, which could otherwise be neither accepted nor rejected', () => {
    const state = record(race(), pass('1', 10_000, min(20)));
    expect(men(state).held!.map((h) => h.metres)).toEqual([10_000]);
    expect(refusal(state, { type: 'setTimingPoints', raceId: 'elite-men', points: [{ metres: 21_097.5, label: 'HALFWAY' }] })).toBe(
      'ELITE MEN has a held passing at 10K (bib 1): accept or reject it in the held passings first, or keep that timing point.',
    );
    const rejected = run(state, { type: 'rejectHeldPassing', raceId: 'elite-men', bib: '1', metres: 10_000 });
    expect(men(run(rejected, { type: 'setTimingPoints', raceId: 'elite-men', points: [{ metres: 21_097.5, label: 'HALFWAY' }] })).timingPoints).toEqual([{ metres: 21_097.5, label: 'HALFWAY' }]);
  });
});
