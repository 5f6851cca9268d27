import { HALF_MARATHON_M, MARATHON_M, METRES_PER_MILE } from '../core';
import type { Race } from '../protocol/race';

/**
 * London 2016 races for samples and golden images, with gun times placed on the gallery's clock
 * (src/gallery/storyboard.ts: hub time runs 0–9 s) so each frame shows a known time.
 */
const hms = (h: number, m: number, s: number) => ((h * 60 + m) * 60 + s) * 1000;

/** Elite men: at hub time 0 their clock reads 1:01:20. */
export const MEN_GUN = -hms(1, 1, 20);

export const WORLD_RECORD_MEN = { label: 'WORLD RECORD', holder: 'Dennis Kimetto (Berlin 2014)', ms: hms(2, 2, 57) };
export const WORLD_RECORD_WOMEN = { label: 'WORLD RECORD', holder: 'Paula Radcliffe (London 2003)', ms: hms(2, 15, 25) };

export const MEN_10K = { metres: 10_000, label: '10K', elapsedMs: hms(0, 28, 37), leaders: ['Kipchoge', 'Biwott', 'Bekele'] };
export const MEN_HALFWAY = { metres: HALF_MARATHON_M, label: 'HALFWAY', elapsedMs: hms(1, 1, 24), leaders: ['Kipchoge', 'Biwott', 'Bekele'] };
export const WOMEN_15_MILES = { metres: 15 * METRES_PER_MILE, label: '15 MILES', elapsedMs: hms(1, 21, 30), leaders: ['Sumgong', 'Keitany', 'Tufa', 'Kiplagat'] };

function race(fields: Pick<Race, 'id' | 'name' | 'kind'> & Partial<Race>): Race {
  return { distanceM: MARATHON_M, gunTime: null, finishedAt: null, record: null, splits: [], ...fields };
}

export const eliteMen = (splits: Race['splits'] = [MEN_10K, MEN_HALFWAY]) =>
  race({ id: 'elite-men', name: 'ELITE MEN', kind: 'elite-men', gunTime: MEN_GUN, record: WORLD_RECORD_MEN, splits });

/** Started 45 minutes before the men (09:15 against 10:00). */
export const eliteWomen = () =>
  race({ id: 'elite-women', name: 'ELITE WOMEN', kind: 'elite-women', gunTime: MEN_GUN - hms(0, 45, 0), record: WORLD_RECORD_WOMEN, splits: [WOMEN_15_MILES] });

/** Finished: McFadden in 1:44:20, so the clock stands still at that. */
export const wheelchairWomen = () =>
  race({ id: 'wheelchair-women', name: 'WHEELCHAIR WOMEN', kind: 'wheelchair-women', gunTime: MEN_GUN - hms(1, 0, 0), finishedAt: MEN_GUN - hms(1, 0, 0) + hms(1, 44, 20) });

/** No gun yet: its clock shows 0:00. */
export const massRace = () => race({ id: 'mass', name: 'MASS RACE', kind: 'mass' });
