import { describe, expect, it } from 'vitest';
import { Command } from '../protocol/command';
import { describeIssues } from '../protocol/describeIssues';
import { applyCommand } from './applyCommand';
import { ShowState, emptyShow } from './showState';

const GUN = Date.parse('2016-04-24T10:00:00+01:00');
const NOW = GUN + 3 * 3600_000;

function run(state: ShowState, input: unknown): ShowState {
  const result = applyCommand(state, Command.parse(input), { now: NOW });
  if (!result.ok) throw new Error(result.error);
  return ShowState.parse(result.state);
}
function refusal(state: ShowState, input: unknown): string {
  const result = applyCommand(state, Command.parse(input), { now: NOW });
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result.error;
}
const men = (state: ShowState) => state.races.find((r) => r.id === 'elite-men')!;
const KIPCHOGE = { bib: '1', name: 'Eliud Kipchoge', displayName: 'Kipchoge', country: 'KEN', category: 'ELITE', pbMs: 7_385_000 };
const BIWOTT = { bib: '2', name: 'Stanley Biwott', country: 'KEN', pbMs: 7_431_000 };
const KEBEDE = { bib: '9', name: 'Tsegaye Kebede', country: 'ETH' };
const profile = (bib: string, props: Record<string, unknown> = {}) => ({ kind: 'athleteProfile', props: { entrant: { raceId: 'elite-men', bib }, ...props } });
const card = (bib: string, props: Record<string, unknown> = {}) => ({ kind: 'resultCard', props: { entrant: { raceId: 'elite-men', bib }, ...props } });

/** ELITE MEN with three entrants, a 10K and a finish point; Biwott and Kipchoge have finished. */
function show(): ShowState {
  let state = run(emptyShow('London'), { type: 'addRace', raceId: 'elite-men', name: 'ELITE MEN', kind: 'elite-men' });
  state = run(state, { type: 'setGunTime', raceId: 'elite-men', gunTime: GUN });
  state = run(state, { type: 'setEntrants', raceId: 'elite-men', entrants: [KIPCHOGE, BIWOTT, KEBEDE] });
  state = run(state, { type: 'setTimingPoints', raceId: 'elite-men', points: [{ metres: 10_000, label: '10K' }, { metres: 42_195, label: 'FINISH' }] });
  const pass = (bib: string, metres: number, elapsedMs: number) => ({ bib, metres, elapsedMs, source: 'rehearsal' });
  return run(state, { type: 'recordPassings', raceId: 'elite-men', passings: [pass('1', 10_000, 1_717_000), pass('2', 10_000, 1_718_000), pass('9', 10_000, 1_730_000), pass('1', 42_195, 7_385_000), pass('2', 42_195, 7_431_000)] });
}

describe('graphics that name an entrant', () => {
  it('need a name and country (profile) or race, winner and time (result card) only without an entrant', () => {
    const refused = (graphic: unknown) => {
      const parsed = Command.safeParse({ type: 'take', graphic });
      return parsed.success ? 'accepted' : describeIssues(parsed.error);
    };
    expect(refused({ kind: 'athleteProfile', props: { name: 'Eliud Kipchoge' } })).toBe('graphic.props.country: is required (or give an entrant: race and bib)');
    expect(refused({ kind: 'resultCard', props: { race: 'ELITE MEN', time: '2:03:05' } })).toBe('graphic.props.winner: is required (or give an entrant: race and bib)');
    expect(refused(profile('1'))).toBe('accepted');
    expect(refused(profile('no bib!'))).toMatch(/^graphic\.props\.entrant\.bib: must be a bib number/);
  });

  it('are refused at take when the bib is not on the start list, or a card has nothing to show', () => {
    const state = show();
    expect(refusal(state, { type: 'take', graphic: profile('77') })).toBe("Bib 77 is not on ELITE MEN's start list: its bibs are 1, 2, 9.");
    expect(refusal(state, { type: 'take', graphic: card('9') })).toBe('Tsegaye Kebede (bib 9) has no finish time in ELITE MEN yet: type the time in the card, or wait for the finish passing.');
    expect(refusal(state, { type: 'take', graphic: { kind: 'athleteProfile', props: { entrant: { raceId: 'elite-women', bib: '1' } } } })).toBe('No race "elite-women": the races are elite-men.');
    const noCountry = run(state, { type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ bib: '5', name: 'Wilson Kipsang' }] });
    expect(refusal(noCountry, { type: 'take', graphic: profile('5') })).toBe("Wilson Kipsang (bib 5) has no country on ELITE MEN's start list, and a profile shows one: add it to the entrant or type it in the profile.");
    expect(run(noCountry, { type: 'take', graphic: profile('5', { country: 'KEN' }) }).onAir.lowerThird?.graphic).toEqual(profile('5', { country: 'KEN', bio: '' }));
    expect(run(state, { type: 'take', graphic: card('9', { time: '2:06:00' }) }).onAir.centre?.graphic).toMatchObject(card('9', { time: '2:06:00' }));
  });

  it('keep the start list from breaking what is on air: no removal, renumbering or lost country under a card', () => {
    const onAir = run(show(), { type: 'take', graphic: profile('9') });
    expect(refusal(onAir, { type: 'removeEntrant', raceId: 'elite-men', bib: '9' })).toMatch(/^Bib 9 has passings in ELITE MEN/);
    const untimed = run(run(show(), { type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ bib: '5', name: 'Wilson Kipsang', country: 'KEN' }] }), { type: 'take', graphic: profile('5') });
    expect(refusal(untimed, { type: 'removeEntrant', raceId: 'elite-men', bib: '5' })).toBe(
      "The athlete profile on the lowerThird layer draws bib 5, and this change would break it: bib 5 is not on ELITE MEN's start list: its bibs are 1, 2, 9. Take it off air first.",
    );
    expect(refusal(untimed, { type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ bib: '5', name: 'Wilson Kipsang' }] })).toMatch(/^The athlete profile on the lowerThird layer draws bib 5, and this change would break it: .* has no country on ELITE MEN's start list/);
    const card1 = run(show(), { type: 'take', graphic: card('2') });
    expect(refusal(card1, { type: 'resetRace', raceId: 'elite-men' })).toMatch(/^The result card on the centre layer draws bib 2, and this change would break it: Stanley Biwott \(bib 2\) has no finish time/);
    // A corrected name is fine: the card on air follows it (src/graphics/entrantGraphics.test.ts).
    const renamed = run(onAir, { type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ ...KEBEDE, name: 'Tsegaye Kebede Wordofa' }] });
    expect(renamed.onAir.lowerThird!.graphic).toEqual(onAir.onAir.lowerThird!.graphic);
    expect(refusal(onAir, { type: 'removeRace', raceId: 'elite-men' })).toMatch(/^ELITE MEN is on air in the athlete profile on the lowerThird layer/);
  });

  it('refuse only the imported row that would break a card on air; the other rows go in', () => {
    const untimed = run(run(show(), { type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ bib: '5', name: 'Wilson Kipsang', country: 'KEN' }] }), { type: 'take', graphic: profile('5') });
    const imported = run(untimed, { type: 'importStartList', raceId: 'elite-men', csv: 'bib,name,country\n5,Wilson Kipsang,\n6,Ghirmay Ghebreslassie,ERI' });
    expect(men(imported).entrants!.slice(-2)).toEqual([{ bib: '5', name: 'Wilson Kipsang', country: 'KEN' }, { bib: '6', name: 'Ghirmay Ghebreslassie', country: 'ERI' }]);
    expect(refusal(untimed, { type: 'importStartList', raceId: 'elite-men', csv: 'bib,name,country\n5,Wilson Kipsang,' })).toBe(
      "No athlete in that start list could be imported: line 2 (bib 5): The athlete profile on the lowerThird layer draws bib 5, and this change would break it: Wilson Kipsang (bib 5) has no country on ELITE MEN's start list, and a profile shows one: add it to the entrant or type it in the profile. Take it off air first.",
    );
  });
});

describe('entrant edits made against what the operator saw (was)', () => {
  it('saves an edit in place when the entrant is as the form found it', () => {
    const state = run(show(), { type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ ...BIWOTT, displayName: 'Biwott' }], was: [BIWOTT] });
    expect(men(state).entrants).toEqual([KIPCHOGE, { ...BIWOTT, displayName: 'Biwott' }, KEBEDE]);
  });

  it('refuses it when another operator changed or removed the entrant since, saying what it is now', () => {
    const changed = run(show(), { type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ ...BIWOTT, name: 'Stanley Kipleting Biwott' }] });
    expect(refusal(changed, { type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ ...BIWOTT, category: 'ELITE' }], was: [BIWOTT] })).toBe(
      "Another operator changed bib 2 on ELITE MEN's start list since you opened it (now Stanley Kipleting Biwott, KEN, PB 2:03:51). Nothing was saved: reopen it and edit again.",
    );
    expect(refusal(changed, { type: 'removeEntrant', raceId: 'elite-men', bib: '2', was: BIWOTT })).toMatch(/^Another operator changed bib 2/);
  });

  it('adds only a bib that is new, and renumbers an untimed entrant in place but never one with passings', () => {
    const state = run(show(), { type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ bib: '5', name: 'Wilson Kipsang', country: 'KEN' }], was: [] });
    expect(refusal(state, { type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ bib: '5', name: 'Someone Else' }], was: [] })).toBe("Bib 5 is already on ELITE MEN's start list (Wilson Kipsang); give another bib, or edit that entrant.");
    const renumbered = run(state, { type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ bib: '15', name: 'Wilson Kipsang', country: 'KEN' }], was: [{ bib: '5', name: 'Wilson Kipsang', country: 'KEN' }] });
    expect(men(renumbered).entrants!.map((e) => e.bib)).toEqual(['1', '2', '9', '15']);
    expect(refusal(state, { type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ ...KEBEDE, bib: '19' }], was: [KEBEDE] })).toMatch(/^Bib 9 has passings in ELITE MEN, and they are kept by bib, so its bib can't be changed/);
    expect(refusal(state, { type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ ...KEBEDE, bib: '2' }], was: [KEBEDE] })).toMatch(/^Bib 2 is already on ELITE MEN's start list \(Stanley Biwott\)/);
  });
});
