import { MARATHON_M } from '../../core';
import type { Race } from '../../protocol/race';
import type { GraphicSample } from '../graphicSample';
import { eliteMen } from '../sampleRaces';

// The men's finish as the timing feed gave it: Biwott second in 2:03:51.
const finished: Race = {
  ...eliteMen(),
  entrants: [
    { bib: '1', name: 'Eliud Kipchoge', displayName: 'Kipchoge', country: 'KEN' },
    { bib: '2', name: 'Stanley Biwott', displayName: 'Biwott', country: 'KEN' },
    { bib: '3', name: 'Kenenisa Bekele', displayName: 'Bekele', country: 'ETH' },
  ],
  timingPoints: [{ metres: MARATHON_M, label: 'FINISH' }],
  passings: [
    ['1', 0, 7_385_000, 0],
    ['2', 0, 7_431_000, 0],
    ['3', 0, 7_596_000, 0],
  ],
  passingSources: ['rehearsal'],
};

export const resultCardSamples: GraphicSample[] = [
  {
    name: 'men',
    graphic: {
      kind: 'resultCard',
      props: {
        race: "Elite men's race",
        winner: 'Eliud Kipchoge',
        country: 'KE',
        time: '2:03:05',
        note: 'Wins for the second year running',
        topThree: [
          { position: 1, name: 'Eliud Kipchoge', country: 'KE', time: '2:03:05' },
          { position: 2, name: 'Stanley Biwott', country: 'KE', time: '2:03:51' },
          { position: 3, name: 'Kenenisa Bekele', country: 'ET', time: '2:06:36' },
        ],
      },
    },
    update: {
      kind: 'resultCard',
      props: { race: "Wheelchair women's race", winner: 'Tatyana McFadden', country: 'US', time: '1:44:20', note: 'Her fourth straight win', topThree: [] },
    },
  },
  {
    // A Polish race, a Greek winner, placings in Greek, Cyrillic and Latin with diacritics.
    name: 'scripts',
    graphic: {
      kind: 'resultCard',
      props: {
        race: 'Maraton Łódź',
        winner: 'Κώστας Γκελαούζος',
        country: 'GR',
        time: '2:13:58',
        note: 'Первая победа · Πρώτη νίκη',
        topThree: [
          { position: 1, name: 'Κώστας Γκελαούζος', country: 'GR', time: '2:13:58' },
          { position: 2, name: 'Гонсалес Шварц', country: 'UA', time: '2:14:20' },
          { position: 3, name: 'Lukas Schär', country: 'CH', time: '2:15:02' },
        ],
      },
    },
  },
  {
    // One athlete's card from the start list and the finish standings: the race as its title, place 2, the time.
    name: 'entrant',
    show: { races: [finished] },
    graphic: { kind: 'resultCard', props: { entrant: { raceId: 'elite-men', bib: '2' }, note: 'Runner-up for the second year', topThree: [] } },
  },
];
