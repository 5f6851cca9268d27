import { HALF_MARATHON_M, MARATHON_M, METRES_PER_MILE } from '../../core';
import type { PassingRow } from '../../protocol/passing';
import type { Race } from '../../protocol/race';
import type { GraphicSample } from '../graphicSample';
import { leaderboardSamples } from '../leaderboard/samples';
import { eliteMen } from '../sampleRaces';
import { sortRows } from '../../state/passingTable';

const ms = (m: number, s: number) => (m * 60 + s) * 1000;

/** The London 2016 timing points (shows/feeds/london-2016-elite.rehearsal.json): every 5 km, halfway, 15 miles, the finish. */
export const LONDON_TIMING_POINTS: NonNullable<Race['timingPoints']> = [
  { metres: 5000, label: '5K' },
  { metres: 10_000, label: '10K' },
  { metres: 15_000, label: '15K' },
  { metres: 20_000, label: '20K' },
  { metres: HALF_MARATHON_M, label: 'HALFWAY' },
  { metres: 15 * METRES_PER_MILE, label: '15 MILES' },
  { metres: 25_000, label: '25K' },
  { metres: 30_000, label: '30K' },
  { metres: 35_000, label: '35K' },
  { metres: 40_000, label: '40K' },
  { metres: MARATHON_M, label: 'FINISH' },
];

// Γκελαούζος (bib 7) goes out under world-record pace with the leaders, his chip is not read at 15K, and he
// fades after 20K. At 4 s the 25K and 30K passings arrive and his 10K time is corrected by two seconds.
const GREEK = '7';
const points = (labels: string[]) => labels.map((label) => LONDON_TIMING_POINTS.findIndex((p) => p.label === label));
const [p5, p10, p20, pHalf, p25, p30] = points(['5K', '10K', '20K', 'HALFWAY', '25K', '30K']) as [number, number, number, number, number, number];
const early: PassingRow[] = [
  ['1', p5, ms(14, 24), 0],
  [GREEK, p5, ms(14, 25), 0],
  ['1', p10, ms(28, 37), 0],
  [GREEK, p10, ms(28, 52), 0],
  ['1', p20, ms(58, 10), 0],
  [GREEK, p20, ms(59, 40), 0],
  ['1', pHalf, ms(61, 25), 0],
  [GREEK, pHalf, ms(63, 5), 0],
];
const later: PassingRow[] = [
  ...early.map((row): PassingRow => (row[0] === GREEK && row[1] === p10 ? [GREEK, p10, ms(28, 50), 1] : row)),
  ['1', p25, ms(72, 40), 0],
  [GREEK, p25, ms(74, 55), 0],
  ['1', p30, ms(87, 12), 0],
  [GREEK, p30, ms(90, 20), 0],
];

const race = (passings: PassingRow[]): Race => ({
  ...eliteMen(),
  // A Polish and Russian race name over a Greek athlete: the samples show every script the theme's faces draw.
  name: 'ŁÓDŹ · МАРАФОН',
  entrants: leaderboardSamples[0]!.show!.races![0]!.entrants!,
  timingPoints: LONDON_TIMING_POINTS,
  passings: sortRows(passings),
  passingSources: ['rehearsal', 'operator'],
});

export const athleteSplitsSamples: GraphicSample[] = [
  {
    name: 'passings',
    show: { races: [race(early)] },
    graphic: { kind: 'athleteSplits', props: { raceId: 'elite-men', bib: GREEK } },
    updateShow: { races: [race(later)] },
  },
];
