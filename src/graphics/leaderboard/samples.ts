import { HALF_MARATHON_M } from '../../core';
import type { PassingRow } from '../../protocol/passing';
import type { Race } from '../../protocol/race';
import type { GraphicSample } from '../graphicSample';
import { eliteMen } from '../sampleRaces';

const ms = (m: number, s: number) => (m * 60 + s) * 1000;

// A field of six, with a Greek, a Ukrainian and a Swiss name among the Kenyans and Ethiopians.
const entrants: NonNullable<Race['entrants']> = [
  { bib: '1', name: 'Eliud Kipchoge', displayName: 'Kipchoge', country: 'KEN' },
  { bib: '2', name: 'Stanley Biwott', displayName: 'Biwott', country: 'KEN' },
  { bib: '3', name: 'Kenenisa Bekele', displayName: 'Bekele', country: 'ETH' },
  { bib: '7', name: 'Κώστας Γκελαούζος', country: 'GRC' },
  { bib: '8', name: 'Гонсалес Шварц', country: 'UKR' },
  { bib: '9', name: 'Lukas Schär', country: 'CHE' },
];

const at10K: PassingRow[] = [
  ['1', 0, ms(28, 37), 0],
  ['2', 0, ms(28, 38), 0],
  ['3', 0, ms(28, 38), 0],
  ['7', 0, ms(28, 52), 0],
  ['9', 0, ms(29, 10), 0],
  ['8', 0, ms(29, 41), 0],
];
// At halfway Bekele leads, Biwott has dropped to third and Schär has come past Γκελαούζος.
const atHalfway: PassingRow[] = [
  ['3', 1, ms(61, 24), 0],
  ['1', 1, ms(61, 25), 0],
  ['2', 1, ms(61, 31), 0],
  ['9', 1, ms(62, 40), 0],
  ['7', 1, ms(63, 5), 0],
  ['8', 1, ms(63, 30), 0],
];

const race = (passings: PassingRow[]): Race => ({
  ...eliteMen(),
  entrants,
  timingPoints: [
    { metres: 10_000, label: '10K' },
    { metres: HALF_MARATHON_M, label: 'HALFWAY' },
  ],
  passings,
  passingSources: ['rehearsal'],
});

export const leaderboardSamples: GraphicSample[] = [
  {
    // Halfway's passings arrive while it is on air: rows slide to their new places.
    name: 'passings',
    show: { races: [race(at10K)] },
    graphic: { kind: 'leaderboard', props: { raceId: 'elite-men', top: 6, page: 1 } },
    updateShow: { races: [race([...at10K, ...atHalfway])] },
  },
];
