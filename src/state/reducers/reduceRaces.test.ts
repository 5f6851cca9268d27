import { describe, expect, it } from 'vitest';
import { HALF_MARATHON_M, METRES_PER_MILE } from '../../core';
import { Command } from '../../protocol/command';
import { applyCommand } from '../applyCommand';
import { emptyShow, ShowState } from '../showState';

const hms = (h: number, m: number, s: number) => ((h * 60 + m) * 60 + s) * 1000;
/** 10:00 BST on 24 April 2016, the elite men's gun. */
const MEN_GUN = Date.parse('2016-04-24T10:00:00+01:00');

function run(state: ShowState, input: unknown, now = MEN_GUN): ShowState {
  const result = applyCommand(state, Command.parse(input), { now });
  if (!result.ok) throw new Error(result.error);
  return result.state;
}

function refusal(state: ShowState, input: unknown, now = MEN_GUN): string {
  const result = applyCommand(state, Command.parse(input), { now });
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result.error;
}

function withMen(): ShowState {
  return run(emptyShow('London'), { type: 'addRace', raceId: 'elite-men', name: 'ELITE MEN', kind: 'elite-men' });
}

function menAtHalfway(): ShowState {
  let state = run(withMen(), { type: 'startRace', raceId: 'elite-men' }, MEN_GUN);
  state = run(state, { type: 'addSplit', raceId: 'elite-men', metres: 10_000, elapsedMs: hms(0, 28, 37), leaders: ['Kipchoge', 'Biwott', 'Bekele'] });
  return run(state, { type: 'addSplit', raceId: 'elite-men', metres: HALF_MARATHON_M, elapsedMs: hms(1, 1, 24) });
}

const men = (state: ShowState) => state.races.find((r) => r.id === 'elite-men')!;

describe('race definitions', () => {
  it('adds a marathon with no clock, record or splits', () => {
    expect(withMen().races).toEqual([
      { id: 'elite-men', name: 'ELITE MEN', kind: 'elite-men', distanceM: 42195, gunTime: null, finishedAt: null, record: null, splits: [] },
    ]);
  });

  it('refuses a second race with the same id', () => {
    expect(refusal(withMen(), { type: 'addRace', raceId: 'elite-men', name: 'MEN', kind: 'elite-men' })).toBe(
      'A race "elite-men" already exists (ELITE MEN); choose another id or edit that race.',
    );
  });

  it('renames a race and keeps everything else', () => {
    const state = run(menAtHalfway(), { type: 'editRace', raceId: 'elite-men', name: 'MEN' });
    expect(men(state)).toMatchObject({ name: 'MEN', gunTime: MEN_GUN, distanceM: 42195 });
    expect(men(state).splits).toHaveLength(2);
  });

  it('refuses an edit started from the race as it was before another operator changed it, saying what changed; takes one started from it as it is', () => {
    const was = { name: 'ELITE MEN', kind: 'elite-men', distanceM: 42195, paceUnit: null, record: null };
    let state = run(withMen(), { type: 'editRace', raceId: 'elite-men', name: 'MEN', paceUnit: 'km', was });
    expect(men(state)).toMatchObject({ name: 'MEN', paceUnit: 'km' });
    // Another operator sets the record meanwhile: an edit from the form opened before it is refused, nothing changed.
    state = run(state, { type: 'setRecord', raceId: 'elite-men', record: { label: 'WORLD RECORD', holder: 'Dennis Kimetto', ms: hms(2, 2, 57) } });
    const opened = { ...was, name: 'MEN', paceUnit: 'km' };
    expect(refusal(state, { type: 'editRace', raceId: 'elite-men', name: 'ELITE MEN', was: opened })).toBe(
      'Another operator changed MEN since you opened it (its record is now WORLD RECORD 2:02:57 (Dennis Kimetto)): nothing was changed — edit it again as it is now.',
    );
    expect(refusal(state, { type: 'editRace', raceId: 'elite-men', name: 'X', was: { ...opened, name: 'M', distanceM: 21097.5 } })).toContain('(its name is now MEN; its distance is now 42.195 km; its record is now');
    const now = { ...opened, record: { label: 'WORLD RECORD', holder: 'Dennis Kimetto', ms: hms(2, 2, 57) } };
    expect(men(run(state, { type: 'editRace', raceId: 'elite-men', name: 'ELITE MEN', was: now }))).toMatchObject({ name: 'ELITE MEN', paceUnit: 'km' });
  });

  it('refuses to shorten a race below a split already entered', () => {
    expect(refusal(menAtHalfway(), { type: 'editRace', raceId: 'elite-men', distanceM: 10_000 })).toBe(
      'ELITE MEN has a split at HALFWAY, beyond 10 km: remove it before shortening the race.',
    );
  });

  it('refuses to shorten a race below its timing points, naming them and the ones with passings', () => {
    let state = run(withMen(), { type: 'startRace', raceId: 'elite-men' });
    state = run(state, { type: 'setEntrants', raceId: 'elite-men', entrants: [{ bib: '1', name: 'Eliud Kipchoge' }] });
    state = run(state, { type: 'setTimingPoints', raceId: 'elite-men', points: [{ metres: 5000, label: '5K' }, { metres: 10_000, label: '10K' }, { metres: 15_000, label: '15K' }] });
    state = run(state, { type: 'recordPassings', raceId: 'elite-men', passings: [{ bib: '1', metres: 5000, elapsedMs: hms(0, 14, 20), source: 'rr' }, { bib: '1', metres: 10_000, elapsedMs: hms(0, 28, 37), source: 'rr' }] }, MEN_GUN + hms(0, 30, 0));
    expect(refusal(state, { type: 'editRace', raceId: 'elite-men', distanceM: 8000 })).toBe(
      'ELITE MEN has timing points beyond 8 km: 10K (with passings), 15K. Remove them (a point with passings goes once the race is reset) before shortening the race.',
    );
    expect(refusal(state, { type: 'editRace', raceId: 'elite-men', distanceM: 12_000 })).toBe(
      'ELITE MEN has timing points beyond 12 km: 15K. Remove them (a point with passings goes once the race is reset) before shortening the race.',
    );
    expect(men(run(state, { type: 'editRace', raceId: 'elite-men', distanceM: 15_000 })).distanceM).toBe(15_000);
  });

  it('names the races there are when the id is unknown', () => {
    expect(refusal(withMen(), { type: 'startRace', raceId: 'elite-mne' })).toBe('No race "elite-mne": the races are elite-men.');
    expect(refusal(emptyShow(), { type: 'startRace', raceId: 'elite-men' })).toBe(
      'No race "elite-men": the show has no races yet (add one in the Races editor, R).',
    );
  });

  it('removes a race that is not on air, and refuses while a graphic draws from it', () => {
    expect(run(withMen(), { type: 'removeRace', raceId: 'elite-men' }).races).toEqual([]);
    const onAir = run(withMen(), { type: 'take', graphic: { kind: 'raceClock', props: { raceIds: ['elite-men'] } } });
    expect(refusal(onAir, { type: 'removeRace', raceId: 'elite-men' })).toBe(
      'ELITE MEN is on air in the race clock on the clock layer; take it off air before removing the race.',
    );
  });
});

describe('race clock', () => {
  it('starts the clock at the hub time the command is applied', () => {
    const state = run(withMen(), { type: 'startRace', raceId: 'elite-men' }, MEN_GUN + 123);
    expect(men(state)).toMatchObject({ gunTime: MEN_GUN + 123, finishedAt: null });
  });

  it('refuses to start a race twice, saying where its clock is', () => {
    const started = run(withMen(), { type: 'startRace', raceId: 'elite-men' }, MEN_GUN);
    expect(refusal(started, { type: 'startRace', raceId: 'elite-men' }, MEN_GUN + hms(0, 28, 37) + 400)).toBe(
      'ELITE MEN has already started (its clock is at 28:37); reset it to start again, or correct its gun time.',
    );
  });

  it('corrects the gun time, from epoch ms or an ISO date-time with its offset', () => {
    let state = run(withMen(), { type: 'setGunTime', raceId: 'elite-men', gunTime: MEN_GUN + 2000 });
    expect(men(state).gunTime).toBe(MEN_GUN + 2000);
    state = run(state, { type: 'setGunTime', raceId: 'elite-men', gunTime: '2016-04-24T10:00:00+01:00' });
    expect(men(state).gunTime).toBe(1_461_488_400_000);
  });

  it('finishes now, at a hub time, or at an official time from the gun', () => {
    const started = run(withMen(), { type: 'startRace', raceId: 'elite-men' }, MEN_GUN);
    expect(men(run(started, { type: 'finishRace', raceId: 'elite-men' }, MEN_GUN + hms(2, 3, 5))).finishedAt).toBe(MEN_GUN + hms(2, 3, 5));
    expect(men(run(started, { type: 'finishRace', raceId: 'elite-men', at: MEN_GUN + 5000 })).finishedAt).toBe(MEN_GUN + 5000);
    expect(men(run(started, { type: 'finishRace', raceId: 'elite-men', elapsedMs: '2:03:05' })).finishedAt).toBe(MEN_GUN + hms(2, 3, 5));
  });

  it('reads McFadden’s 1:44.20 as 1:44:20 in a wheelchair race', () => {
    let state = run(emptyShow(), { type: 'addRace', raceId: 'wheelchair-women', name: 'WHEELCHAIR WOMEN', kind: 'wheelchair-women' });
    state = run(state, { type: 'setGunTime', raceId: 'wheelchair-women', gunTime: '2016-04-24T09:00:00+01:00' });
    state = run(state, { type: 'finishRace', raceId: 'wheelchair-women', elapsedMs: '1:44.20' });
    const race = state.races[0]!;
    expect(race.finishedAt! - race.gunTime!).toBe(hms(1, 44, 20));
  });

  it('refuses to finish a race with no gun, before its gun, or twice without a time', () => {
    expect(refusal(withMen(), { type: 'finishRace', raceId: 'elite-men' })).toBe(
      'ELITE MEN has no gun time yet: start it or set its gun time before finishing it.',
    );
    const started = run(withMen(), { type: 'startRace', raceId: 'elite-men' }, MEN_GUN);
    expect(refusal(started, { type: 'finishRace', raceId: 'elite-men', at: MEN_GUN - 5000 })).toBe(
      "ELITE MEN can't finish at or before its gun (that would be -0:05 on its clock).",
    );
    const finished = run(started, { type: 'finishRace', raceId: 'elite-men', elapsedMs: hms(2, 3, 5) });
    expect(refusal(finished, { type: 'finishRace', raceId: 'elite-men' })).toBe(
      'ELITE MEN has already finished in 2:03:05; send the finish time (at or elapsedMs) to correct it, or reset the race.',
    );
    expect(men(run(finished, { type: 'finishRace', raceId: 'elite-men', elapsedMs: '2:03:06' })).finishedAt).toBe(MEN_GUN + hms(2, 3, 6));
  });

  it('keeps a finish given as a time from the gun that time from the gun when the gun is corrected', () => {
    let state = run(withMen(), { type: 'setGunTime', raceId: 'elite-men', gunTime: '2016-04-24T10:00:00+01:00' });
    state = run(state, { type: 'finishRace', raceId: 'elite-men', elapsedMs: 7_385_500 });
    state = run(state, { type: 'setGunTime', raceId: 'elite-men', gunTime: '2016-04-24T10:00:02+01:00' });
    expect(men(state)).toMatchObject({ gunTime: MEN_GUN + 2000, finishedAt: MEN_GUN + 2000 + 7_385_500 });
    // Even past where the finish was: it moves with the gun, so the gun is still before it.
    state = run(state, { type: 'setGunTime', raceId: 'elite-men', gunTime: MEN_GUN + hms(3, 0, 0) });
    expect(men(state).finishedAt! - men(state).gunTime!).toBe(7_385_500);
  });

  it('keeps a finish given as a moment (now, or at a hub time) at that moment: a corrected gun changes its time from the gun', () => {
    const started = run(withMen(), { type: 'startRace', raceId: 'elite-men' }, MEN_GUN + 2000);
    const finishedNow = run(started, { type: 'finishRace', raceId: 'elite-men' }, MEN_GUN + hms(2, 3, 5));
    expect(men(run(finishedNow, { type: 'setGunTime', raceId: 'elite-men', gunTime: MEN_GUN })).finishedAt).toBe(MEN_GUN + hms(2, 3, 5));
    // An official time corrected to a moment is a moment from then on.
    const official = run(started, { type: 'finishRace', raceId: 'elite-men', elapsedMs: hms(2, 3, 5) });
    const atMoment = run(official, { type: 'finishRace', raceId: 'elite-men', at: MEN_GUN + hms(2, 3, 9) });
    expect(men(run(atMoment, { type: 'setGunTime', raceId: 'elite-men', gunTime: MEN_GUN })).finishedAt).toBe(MEN_GUN + hms(2, 3, 9));
  });

  it('keeps loading a show saved before finishes from the gun were kept: its finish is a moment', () => {
    const started = run(withMen(), { type: 'startRace', raceId: 'elite-men' }, MEN_GUN);
    const saved = { ...started, races: started.races.map((r) => ({ ...r, finishedAt: MEN_GUN + hms(2, 3, 5) })) };
    const loaded = ShowState.parse(JSON.parse(JSON.stringify(saved)));
    expect(men(run(loaded, { type: 'setGunTime', raceId: 'elite-men', gunTime: MEN_GUN + 2000 })).finishedAt).toBe(MEN_GUN + hms(2, 3, 5));
  });

  it('refuses a gun time that is not before a finish given as a moment', () => {
    const finished = run(run(withMen(), { type: 'startRace', raceId: 'elite-men' }), { type: 'finishRace', raceId: 'elite-men', at: MEN_GUN + hms(2, 3, 5) });
    expect(refusal(finished, { type: 'setGunTime', raceId: 'elite-men', gunTime: MEN_GUN + hms(2, 3, 5) })).toBe(
      "That gun time is not before ELITE MEN's finish; a race can't finish before its gun. Reset the race to run it again.",
    );
  });

  it('resets to before the start, keeping the record', () => {
    let state = run(menAtHalfway(), { type: 'setRecord', raceId: 'elite-men', record: { ms: '2:02:57' } });
    state = run(state, { type: 'resetRace', raceId: 'elite-men' });
    expect(men(state)).toMatchObject({ gunTime: null, finishedAt: null, splits: [], record: { label: 'WORLD RECORD', ms: hms(2, 2, 57) } });
    expect(refusal(state, { type: 'resetRace', raceId: 'elite-men' })).toBe('ELITE MEN has not started and has no splits: there is nothing to reset.');
  });
  it("forgets the race's rejected passings on reset, so the next rehearsal's feed is checked anew", () => {
    let state = run(withMen(), { type: 'startRace', raceId: 'elite-men' });
    state = run(state, { type: 'setEntrants', raceId: 'elite-men', entrants: [{ bib: '1', name: 'Eliud Kipchoge' }] });
    state = run(state, { type: 'setTimingPoints', raceId: 'elite-men', points: [{ metres: 10_000, label: '10K' }] });
    const misread = { type: 'recordPassings', raceId: 'elite-men', passings: [{ bib: '1', metres: 10_000, elapsedMs: hms(0, 20, 0), source: 'rr' }] };
    state = run(state, misread, MEN_GUN + hms(0, 30, 0));
    state = run(state, { type: 'rejectHeldPassing', raceId: 'elite-men', bib: '1', metres: 10_000 });
    expect(men(state).rejected).toHaveLength(1);
    state = run(state, { type: 'resetRace', raceId: 'elite-men' });
    expect(men(state).rejected).toBeUndefined();
    state = run(run(state, { type: 'startRace', raceId: 'elite-men' }), misread, MEN_GUN + hms(0, 30, 0));
    expect(men(state).held!.map((h) => h.elapsedMs)).toEqual([hms(0, 20, 0)]);
  });
});

describe('splits', () => {
  it('enters the London 2016 men’s 10K and halfway with captions from the distance', () => {
    expect(men(menAtHalfway()).splits).toEqual([
      { metres: 10_000, label: '10K', elapsedMs: hms(0, 28, 37), leaders: ['Kipchoge', 'Biwott', 'Bekele'] },
      { metres: HALF_MARATHON_M, label: 'HALFWAY', elapsedMs: hms(1, 1, 24), leaders: [] },
    ]);
  });

  it('reads distances and times typed as text against the race, like the panel does', () => {
    let state = run(emptyShow(), { type: 'addRace', raceId: 'elite-women', name: 'ELITE WOMEN', kind: 'elite-women' });
    state = run(state, { type: 'startRace', raceId: 'elite-women' });
    state = run(state, { type: 'addSplit', raceId: 'elite-women', metres: '15 mi', elapsedMs: '1:21:30', leaders: ['Sumgong'] });
    expect(state.races[0]!.splits).toEqual([{ metres: 15 * METRES_PER_MILE, label: '15 MILES', elapsedMs: hms(1, 21, 30), leaders: ['Sumgong'] }]);
  });

  it('keeps a caption the operator gives', () => {
    const state = run(run(withMen(), { type: 'startRace', raceId: 'elite-men' }), {
      type: 'addSplit',
      raceId: 'elite-men',
      metres: 'half',
      elapsedMs: '61:24',
      label: 'HALF WAY',
    });
    expect(men(state).splits[0]).toMatchObject({ metres: HALF_MARATHON_M, label: 'HALF WAY', elapsedMs: hms(1, 1, 24) });
  });

  it.each([
    ['a race with no gun', (s: ShowState) => s, { metres: 10_000, elapsedMs: hms(0, 28, 37) }, 'ELITE MEN has not started: start its clock or set its gun time before entering splits.'],
    ['a split beyond the distance', menAtHalfway, { metres: 50_000, elapsedMs: hms(2, 30, 0) }, 'ELITE MEN: 50K is beyond the race distance of 42.195 km (26.2 mi).'],
    ['a split before the latest one', menAtHalfway, { metres: 15_000, elapsedMs: hms(0, 43, 0) }, 'ELITE MEN: 15K is not after the latest split, HALFWAY: enter splits in course order.'],
    ['a time earlier than the previous split', menAtHalfway, { metres: 25_000, elapsedMs: hms(1, 0, 0) }, 'ELITE MEN: 25K at 1:00:00 is earlier than HALFWAY at 1:01:24.'],
    ['a split already entered', menAtHalfway, { metres: 'HALFWAY', elapsedMs: hms(1, 1, 25) }, 'ELITE MEN already has a HALFWAY split (1:01:24): enter that distance again to correct it.'],
    ['an impossible pace', menAtHalfway, { metres: 30_000, elapsedMs: hms(1, 1, 30) }, 'ELITE MEN: 30K at 1:01:30 means 0:01/km since HALFWAY, faster than anyone can race (1:30/km). Check the time and the distance.'],
    ['a distance without a unit', menAtHalfway, { metres: '25', elapsedMs: hms(1, 13, 0) }, '"25" needs a unit: write 25 km or 25 mi.'],
    ['a time that is not a time', menAtHalfway, { metres: '25K', elapsedMs: '1:75:00' }, '"1:75:00": minutes must be 0–59 in h:mm:ss.'],
  ])('refuses %s with a sentence', (_name, setup, split, message) => {
    const state = setup(withMen());
    expect(refusal(state, { type: 'addSplit', raceId: 'elite-men', ...split })).toBe(message);
  });

  it('corrects a split in place as long as it still fits between its neighbours', () => {
    const state = run(menAtHalfway(), { type: 'correctSplit', raceId: 'elite-men', metres: 10_000, elapsedMs: '28:38', leaders: ['Kipchoge'] });
    expect(men(state).splits[0]).toEqual({ metres: 10_000, label: '10K', elapsedMs: hms(0, 28, 38), leaders: ['Kipchoge'] });
    expect(refusal(menAtHalfway(), { type: 'correctSplit', raceId: 'elite-men', metres: 10_000, elapsedMs: hms(1, 2, 0) })).toBe(
      'ELITE MEN: HALFWAY at 1:01:24 is earlier than 10K at 1:02:00.',
    );
    expect(refusal(menAtHalfway(), { type: 'correctSplit', raceId: 'elite-men', metres: '25K', elapsedMs: 1 })).toBe(
      'ELITE MEN has no split at 25K: its splits are 10K, HALFWAY.',
    );
  });

  it('removes a split, but not one a graphic on air is showing', () => {
    expect(men(run(menAtHalfway(), { type: 'removeSplit', raceId: 'elite-men', metres: 'HALFWAY' })).splits.map((s) => s.label)).toEqual(['10K']);
    const banner = run(menAtHalfway(), { type: 'take', graphic: { kind: 'splitBanner', props: { raceId: 'elite-men', metres: HALF_MARATHON_M } } });
    expect(refusal(banner, { type: 'removeSplit', raceId: 'elite-men', metres: HALF_MARATHON_M })).toBe(
      "ELITE MEN's HALFWAY split is on air in the split banner on the banner layer; take it off air before removing the split.",
    );
    expect(refusal(withMen(), { type: 'removeSplit', raceId: 'elite-men', metres: 10_000 })).toBe('ELITE MEN has no split at 10K: it has no splits yet.');
  });

  it('keeps the projection ticker’s last split and refuses a reset under it', () => {
    let state = run(withMen(), { type: 'startRace', raceId: 'elite-men' });
    state = run(state, { type: 'addSplit', raceId: 'elite-men', metres: 10_000, elapsedMs: hms(0, 28, 37) });
    state = run(state, { type: 'take', graphic: { kind: 'projectionTicker', props: { raceId: 'elite-men' } } });
    expect(refusal(state, { type: 'removeSplit', raceId: 'elite-men', metres: 10_000 })).toBe(
      "10K is ELITE MEN's only split and the projection ticker on the ticker layer projects from it; take that off air before removing it.",
    );
    expect(refusal(state, { type: 'resetRace', raceId: 'elite-men' })).toBe(
      "ELITE MEN's splits are on air in the projection ticker on the ticker layer; take that off air before resetting the race.",
    );
  });
});

describe('records', () => {
  it('sets the world record from text read against the race, and clears it', () => {
    let state = run(withMen(), { type: 'setRecord', raceId: 'elite-men', record: { label: 'WORLD RECORD', holder: 'Dennis Kimetto (Berlin 2014)', ms: '2:02.57' } });
    expect(men(state).record).toEqual({ label: 'WORLD RECORD', holder: 'Dennis Kimetto (Berlin 2014)', ms: hms(2, 2, 57) });
    state = run(state, { type: 'setRecord', raceId: 'elite-men', record: null });
    expect(men(state).record).toBeNull();
  });

  it('refuses a record of zero', () => {
    expect(refusal(withMen(), { type: 'setRecord', raceId: 'elite-men', record: { ms: 0 } })).toBe(
      "A record of 0:00 can't be right: a record is a time greater than zero.",
    );
  });
});

describe('race graphics on air', () => {
  it('refuses to take a race graphic naming a race the show does not have', () => {
    expect(refusal(withMen(), { type: 'take', graphic: { kind: 'raceClock', props: { raceIds: ['elite-men', 'elite-women'] } } })).toBe(
      'No race "elite-women": the races are elite-men.',
    );
  });

  it('refuses a split banner for a split not entered yet, and a projection with nothing to project from', () => {
    const state = run(withMen(), { type: 'startRace', raceId: 'elite-men' });
    expect(refusal(state, { type: 'take', graphic: { kind: 'splitBanner', props: { raceId: 'elite-men', metres: 15 * METRES_PER_MILE } } })).toBe(
      'ELITE MEN has no split at 15 MILES: it has no splits yet.',
    );
    expect(refusal(state, { type: 'take', graphic: { kind: 'projectionTicker', props: { raceId: 'elite-men' } } })).toBe(
      'ELITE MEN has no splits yet, so there is nothing to project from.',
    );
  });

  it('refuses a leaderboard at a distance that is not one of the race’s timing points', () => {
    const board = (metres: number) => ({ type: 'take' as const, graphic: { kind: 'leaderboard' as const, props: { raceId: 'elite-men', metres } } });
    expect(refusal(withMen(), board(30_000))).toBe('ELITE MEN has no timing point at 30K: it has no timing points yet.');
    const state = run(withMen(), { type: 'setTimingPoints', raceId: 'elite-men', points: [{ metres: 10_000, label: '10K' }, { metres: HALF_MARATHON_M, label: 'HALFWAY' }] });
    expect(refusal(state, board(30_000))).toBe('ELITE MEN has no timing point at 30K: its timing points are 10K, HALFWAY.');
    expect(run(state, board(HALF_MARATHON_M)).onAir.centre?.graphic.props).toMatchObject({ metres: HALF_MARATHON_M });
    // Without a distance it shows the furthest point reached: nothing to refuse.
    expect(run(state, { type: 'take', graphic: { kind: 'leaderboard', props: { raceId: 'elite-men' } } }).onAir.centre?.graphic).toMatchObject({ kind: 'leaderboard', props: { raceId: 'elite-men' } });
  });

  it('keeps the ticker’s instance when a new split arrives: the race changes, the graphic on air does not', () => {
    let state = run(withMen(), { type: 'startRace', raceId: 'elite-men' });
    state = run(state, { type: 'addSplit', raceId: 'elite-men', metres: 10_000, elapsedMs: hms(0, 28, 37) });
    state = run(state, { type: 'take', graphic: { kind: 'projectionTicker', props: { raceId: 'elite-men' } } });
    const before = state.onAir.ticker;
    state = run(state, { type: 'addSplit', raceId: 'elite-men', metres: HALF_MARATHON_M, elapsedMs: hms(1, 1, 24) });
    expect(state.onAir.ticker).toBe(before);
  });
});

describe('race pace and record year', () => {
  it('adds a race with a pace unit, changes it with editRace and removes it with null', () => {
    let state = run(emptyShow(), { type: 'addRace', raceId: 'elite-men', name: 'ELITE MEN', kind: 'elite-men', paceUnit: 'km' });
    expect(men(state).paceUnit).toBe('km');
    state = run(state, { type: 'editRace', raceId: 'elite-men', paceUnit: 'mi' });
    expect(men(state).paceUnit).toBe('mi');
    state = run(state, { type: 'editRace', raceId: 'elite-men', name: 'MEN' });
    expect(men(state).paceUnit).toBe('mi');
    state = run(state, { type: 'editRace', raceId: 'elite-men', paceUnit: null });
    expect('paceUnit' in men(state)).toBe(false);
  });

  it('keeps a record’s year, and refuses one that is not a plausible year', () => {
    const state = run(withMen(), { type: 'setRecord', raceId: 'elite-men', record: { holder: 'Dennis Kimetto', year: 2014, ms: '2:02:57' } });
    expect(men(state).record).toEqual({ label: 'WORLD RECORD', holder: 'Dennis Kimetto', year: 2014, ms: hms(2, 2, 57) });
    expect(Command.safeParse({ type: 'setRecord', raceId: 'elite-men', record: { year: 1700, ms: 1000 } }).error?.issues[0]?.message).toBe('must be 1896 or later');
  });
});
