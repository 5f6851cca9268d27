import { describe, expect, it } from 'vitest';
import { resolveAthleteSplits } from '../../graphics/athleteSplits/athleteSplitsModel';
import { resolveGap } from '../../graphics/gap/gapModel';
import { resolveLeaderboard } from '../../graphics/leaderboard/leaderboardModel';
import type { PassingRow } from '../../protocol/passing';
import type { Race } from '../../protocol/race';
import { finishOf } from '../../state/entrantReferences';
import { pageView, VIEW_WHOLE } from '../../state/pageView';
import { feedSplits, sortRows } from '../../state/passingTable';
import { emptyShow, ShowState } from '../../state/showState';
import { raceDataModel } from './raceDataModel';

// Here, not beside state/pageView.ts, because what it checks is that the graphics and the panel (layers above
// state) draw from a trimmed mass race exactly what they draw from the whole one.

const RUNNERS = 1000;
const POINTS = [5000, 10_000, 15_000, 20_000, 21_097.5];
/** A deterministic shuffle of paces: runners overtake each other between points, some chips are missed, some times tie. */
function massRace(): Race {
  const rows: PassingRow[] = [];
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let runner = 1; runner <= RUNNERS; runner++) {
    let ms = 0;
    const base = 170 + (runner / RUNNERS) * 200; // s per km
    POINTS.forEach((metres, point) => {
      const from = point === 0 ? 0 : POINTS[point - 1]!;
      ms += Math.round(((metres - from) / 1000) * (base + random() * 40) * 1000);
      if (runner % 2 === 0 && runner < 40) ms = Math.round(ms / 5000) * 5000; // ties among the leaders
      if (random() < 0.02 && point < POINTS.length - 1) return; // a chip not read here
      rows.push([String(runner), point, ms, 0]);
    });
  }
  return {
    id: 'mass',
    name: 'MASS',
    kind: 'mass',
    distanceM: 21_097.5,
    gunTime: 0,
    finishedAt: null,
    record: { label: 'COURSE RECORD', ms: 3_580_000 },
    splits: [],
    entrants: Array.from({ length: RUNNERS }, (_, i) => ({ bib: String(i + 1), name: `Runner ${i + 1}` })),
    timingPoints: POINTS.map((metres) => ({ metres, label: `${metres}` })),
    passings: sortRows(rows),
    passingSources: ['feed'],
    held: [{ bib: '950', metres: 10_000, elapsedMs: 100_000, source: 'feed', reason: 'too fast' }],
  };
}

function show(): ShowState {
  const race = massRace();
  const base = emptyShow('Mass');
  const onAir = (id: string, layer: 'centre' | 'lowerThird', graphic: unknown) => ({ id, layer, graphic, takenAt: 0, updatedAt: 0 });
  return ShowState.parse({
    ...base,
    races: [race],
    onAir: {
      centre: onAir('g1', 'centre', { kind: 'leaderboard', props: { raceId: 'mass', top: 10, page: 14 } }),
      lowerThird: onAir('g2', 'lowerThird', { kind: 'resultCard', props: { entrant: { raceId: 'mass', bib: '888' } } }),
    },
  });
}

describe('a mass race as pages get it', () => {
  const whole = show();
  const view = ShowState.parse(pageView(whole));
  const race = (s: ShowState) => s.races[0]!;

  it('carries a bounded share of the passings', () => {
    expect(race(whole).passings!.length).toBeGreaterThan(VIEW_WHOLE);
    expect(race(view).passings!.length).toBeLessThan(race(whole).passings!.length / 2);
  });

  it('draws the same leaderboards (every point, every page up to the one on air), gap, panel standings and feed splits', () => {
    for (const metres of [undefined, ...POINTS]) {
      for (let page = 1; page <= 14; page++) {
        const props = { raceId: 'mass', top: 10, page, ...(metres === undefined ? {} : { metres }) };
        expect(resolveLeaderboard(props, view), `page ${page} at ${metres ?? 'the furthest point'}`).toEqual(resolveLeaderboard(props, whole));
      }
    }
    expect(resolveGap({ raceId: 'mass' }, view)).toEqual(resolveGap({ raceId: 'mass' }, whole));
    expect(raceDataModel(race(view))).toEqual(raceDataModel(race(whole)));
    expect(feedSplits(race(view))).toEqual(feedSplits(race(whole)));
  });

  it('draws a named athlete far back as the whole set does: their splits, and their place at the finish', () => {
    expect(finishOf(race(view), '888')).toEqual(finishOf(race(whole), '888'));
    expect(finishOf(race(whole), '888')!.place).toBeGreaterThan(500);
    const splits = { raceId: 'mass', bib: '888' };
    expect(resolveAthleteSplits(splits, view)).toEqual(resolveAthleteSplits(splits, whole));
    expect(race(view).passings!.filter((row) => row[0] === '950')).toEqual(race(whole).passings!.filter((row) => row[0] === '950'));
  });

  it('leaves a race of elite size whole, the show itself untouched', () => {
    const elite = { ...whole, races: [{ ...race(whole), passings: race(whole).passings!.slice(0, VIEW_WHOLE) }] };
    expect(pageView(elite)).toBe(elite);
  });
});
