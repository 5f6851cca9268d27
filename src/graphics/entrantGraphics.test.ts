import { describe, expect, it } from 'vitest';
import { athleteProfile } from '../protocol/kinds/athleteProfile';
import { Command } from '../protocol/command';
import { applyCommand } from '../state/applyCommand';
import { emptyShow, ShowState } from '../state/showState';
import { resolveAthleteProfile } from './athleteProfile/athleteProfileModel';
import { resolveResultCard } from './resultCard/resultCardModel';

const KIPCHOGE = { bib: '1', name: 'Eliud Kipchoge', displayName: 'Kipchoge', country: 'KEN', category: 'ELITE', pbMs: 7_385_000 };
const BIWOTT = { bib: '2', name: 'Stanley Biwott', country: 'KEN', pbMs: 7_431_000 };
const KEBEDE = { bib: '9', name: 'Tsegaye Kebede', country: 'ETH' };

/** ELITE MEN with three entrants, a 10K and a finish point; Kipchoge and Biwott have finished. */
function show(): ShowState {
  const race = {
    id: 'elite-men', name: 'ELITE MEN', kind: 'elite-men', distanceM: 42_195, gunTime: 0, finishedAt: null, record: null, splits: [],
    entrants: [KIPCHOGE, BIWOTT, KEBEDE],
    timingPoints: [{ metres: 10_000, label: '10K' }, { metres: 42_195, label: 'FINISH' }],
    passings: [['1', 0, 1_717_000, 0], ['2', 0, 1_718_000, 0], ['9', 0, 1_730_000, 0], ['1', 1, 7_385_000, 0], ['2', 1, 7_431_000, 0]],
    passingSources: ['rehearsal'],
  };
  return ShowState.parse({ ...emptyShow('London'), races: [race] });
}

const profile = (bib: string) => athleteProfile.props.parse({ entrant: { raceId: 'elite-men', bib } });

describe('profiles and result cards drawn from an entrant', () => {
  it('draw name, country and personal best from the entrant, typed fields winning', () => {
    const state = show();
    expect(resolveAthleteProfile(profile('1'), state)).toEqual({
      name: 'Eliud Kipchoge',
      country: { alpha2: 'KE', alpha3: 'KEN', name: 'Kenya' },
      bio: '',
      best: { label: 'Personal best', time: '2:03:05', note: '' },
    });
    const typed = resolveAthleteProfile({ entrant: { raceId: 'elite-men', bib: '1' }, name: 'Eliud Kipchoge (KEN)', bio: 'Olympic champion', best: { label: 'World record', time: '2:01:39', note: 'Berlin 2018' } }, state);
    expect(typed).toMatchObject({ name: 'Eliud Kipchoge (KEN)', bio: 'Olympic champion', best: { label: 'World record', time: '2:01:39' }, country: { alpha3: 'KEN' } });
  });

  it('make a result card from the entrant: the race as its title, place and time from the finish standings', () => {
    const state = show();
    expect(resolveResultCard({ entrant: { raceId: 'elite-men', bib: '2' }, note: '', topThree: [] }, state)).toEqual({ race: 'ELITE MEN', winner: 'Stanley Biwott', country: 'KEN', time: '2:03:51', place: 2, note: '', topThree: [] });
    // A card typed by hand draws no place.
    expect(resolveResultCard({ race: 'ELITE MEN', winner: 'Eliud Kipchoge', time: '2:03:05', note: '', topThree: [] }, state).place).toBeNull();
  });

  it('follow a corrected name on the start list', () => {
    const state = show();
    const fixed = applyCommand(state, Command.parse({ type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ bib: '9', name: 'Tsegaye Kebede Wordofa', country: 'ETH' }] }), { now: 0 });
    expect(fixed.ok && resolveAthleteProfile(profile('9'), fixed.state).name).toBe('Tsegaye Kebede Wordofa');
    expect(resolveAthleteProfile(profile('9'), state).name).toBe('Tsegaye Kebede');
  });
});
