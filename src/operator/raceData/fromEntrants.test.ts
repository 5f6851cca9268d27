import { describe, expect, it } from 'vitest';
import type { Race } from '../../protocol/race';
import { profileItem, resultItem } from './fromEntrants';

const race: Race = {
  id: 'elite-men',
  name: 'ELITE MEN',
  kind: 'elite-men',
  distanceM: 42_195,
  gunTime: 0,
  finishedAt: null,
  record: null,
  splits: [],
  entrants: [
    { bib: '1', name: 'Eliud Kipchoge', displayName: 'Kipchoge', country: 'KEN', pbMs: 7_384_000 },
    { bib: '2', name: 'Stanley Biwott', country: 'KEN' },
    { bib: '3', name: 'Kenenisa Bekele', country: 'ETH' },
    { bib: '4', name: 'No Country' },
  ],
  timingPoints: [{ metres: 42_195, label: 'FINISH' }],
  passings: [
    ['1', 0, 7_385_000, 0],
    ['2', 0, 7_431_000, 0],
    ['3', 0, 7_596_000, 0],
  ],
};

describe('items from the start list', () => {
  it('makes an athlete profile naming the entrant, so it follows the start list', () => {
    expect(profileItem(race, race.entrants![0]!)).toEqual({
      group: 'ELITE MEN',
      label: 'Eliud Kipchoge (1)',
      graphic: { kind: 'athleteProfile', props: { entrant: { raceId: 'elite-men', bib: '1' }, bio: '' } },
    });
    expect(profileItem(race, race.entrants![3]!)).toBe('No Country (bib 4) has no country on the start list, and a profile shows one');
  });

  it('makes the result card from the finish standings, naming the winner by bib', () => {
    const item = resultItem(race);
    if (typeof item === 'string') throw new Error(item);
    expect(item.graphic).toEqual({
      kind: 'resultCard',
      props: {
        entrant: { raceId: 'elite-men', bib: '1' },
        note: '',
        topThree: [
          { position: 1, name: 'Kipchoge', country: 'KEN', time: '2:03:05' },
          { position: 2, name: 'Stanley Biwott', country: 'KEN', time: '2:03:51' },
          { position: 3, name: 'Kenenisa Bekele', country: 'ETH', time: '2:06:36' },
        ],
      },
    });
    expect(resultItem({ ...race, passings: [] })).toBe('Nobody has finished ELITE MEN yet');
  });
});
