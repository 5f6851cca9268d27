import { describe, expect, it } from 'vitest';
import { resolveAthleteProfile } from '../../graphics/athleteProfile/athleteProfileModel';
import { resolveAthleteSplits } from '../../graphics/athleteSplits/athleteSplitsModel';
import { resolveGap } from '../../graphics/gap/gapModel';
import { resolveLeaderboard } from '../../graphics/leaderboard/leaderboardModel';
import { resolveResultCard } from '../../graphics/resultCard/resultCardModel';
import type { Entrant } from '../../protocol/entrant';
import type { GraphicSpec } from '../../protocol/graphicSpec';
import type { PassingRow } from '../../protocol/passing';
import type { Race } from '../../protocol/race';
import { entrantReferenceProblem, finishOf } from '../../state/entrantReferences';
import { pageView, VIEW_FIRST, VIEW_WHOLE, VIEW_WHOLE_ENTRANTS } from '../../state/pageView';
import { feedSplits, furthestPoint, sortRows } from '../../state/passingTable';
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

/**
 * The same field in one pack (a mass start's) at every point, 10 ms apart in the same order (600 cross a mat in 6 s),
 * with a 10 s gap behind the first 600 and another behind the `chasers` after them: the leading group is hundreds of athletes.
 */
function bunched(race: Race, chasers = 400): Race {
  const seen = new Map<number, number>();
  const passings = race.passings!.map(([bib, point, , source]): PassingRow => {
    const place = seen.get(point) ?? 0;
    seen.set(point, place + 1);
    const gaps = (place >= 600 ? 10_000 : 0) + (place >= 600 + chasers ? 10_000 : 0);
    return [bib, point, (point + 1) * 1_000_000 + place * 10 + gaps, source];
  });
  return { ...race, passings };
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
    expectSameBoards(view, whole);
  });

  it('draws a named athlete far back as the whole set does: their splits, and their place at the finish', () => {
    expect(finishOf(race(view), '888')).toEqual(finishOf(race(whole), '888'));
    expect(finishOf(race(whole), '888')!.place).toBeGreaterThan(500);
    const splits = { raceId: 'mass', bib: '888' };
    expect(resolveAthleteSplits(splits, view)).toEqual(resolveAthleteSplits(splits, whole));
    expect(race(view).passings!.filter((row) => row[0] === '950')).toEqual(race(whole).passings!.filter((row) => row[0] === '950'));
  });

  it("sends a mass start's pack as its groups' sizes and first athletes, not its rows, and draws the same gap", () => {
    const at = (s: ShowState, point: number) => race(s).passings!.filter((row) => row[1] === point).length;
    const pack = { ...whole, races: [bunched(race(whole))] };
    const packView = ShowState.parse(pageView(pack));
    expect(resolveGap({ raceId: 'mass' }, pack)).toMatchObject({ leaders: '600 ATHLETES', chasers: '400 ATHLETES', gap: '+0:16' });
    expectSameBoards(packView, pack);
    for (const point of [0, 1, 2, 3, 4]) expect(at(packView, point)).toBeLessThan(at(pack, point) / 2);
    expect(race(packView).groups).toEqual([3, 4].map((point) => [point, 600, at(pack, point) - 600, (point + 1) * 1_000_000 + 600 * 10 + 10_000, at(pack, point)]));
    // Under way: the leaders at the third point, the last runners at the second.
    const underWay = { ...pack, races: [{ ...race(pack), passings: race(pack).passings!.filter(([, , ms]) => ms < 3_003_000) }] };
    const underWayView = ShowState.parse(pageView(underWay));
    expect(race(underWay).passings!.length).toBeGreaterThan(VIEW_WHOLE);
    expect(furthestPoint(race(underWay))).toBe(2);
    expectSameBoards(underWayView, underWay);
    for (const point of [0, 1, 2]) expect(at(underWayView, point)).toBeLessThan(at(underWay, point) / 2);
  });

  it('leaves a race of elite size whole, the show itself untouched', () => {
    const elite = { ...whole, races: [{ ...race(whole), passings: race(whole).passings!.slice(0, VIEW_WHOLE) }] };
    expect(pageView(elite)).toBe(elite);
  });
});

/** Every leaderboard page (at each point and the furthest), the gap, the panel's standings and the feed splits: the same from `view` as from `whole`. */
function expectSameBoards(view: ShowState, whole: ShowState) {
  for (const metres of [undefined, ...POINTS]) {
    for (let page = 1; page <= 14; page++) {
      const props = { raceId: 'mass', top: 10, page, ...(metres === undefined ? {} : { metres }) };
      expect(resolveLeaderboard(props, view), `page ${page} at ${metres ?? 'the furthest point'}`).toEqual(resolveLeaderboard(props, whole));
    }
  }
  expect(resolveGap({ raceId: 'mass' }, view)).toEqual(resolveGap({ raceId: 'mass' }, whole));
  expect(raceDataModel(view.races[0]!)).toEqual(raceDataModel(whole.races[0]!));
  expect(feedSplits(view.races[0]!)).toEqual(feedSplits(whole.races[0]!));
}

/** The same race with a mass start's whole start list: 40,000 entrants, of whom the first 1000 have passings. */
function massStartList(): ShowState {
  const base = show();
  const entrants: Entrant[] = Array.from({ length: 40_000 }, (_, i) => ({
    bib: String(i + 1),
    name: `Runner ${i + 1}`,
    ...(i % 3 === 0 ? { country: ['KEN', 'GBR', 'ETH'][i % 9 === 0 ? 0 : 1]!, category: 'F35', displayName: `R${i + 1}` } : {}),
  }));
  const rundownItem = (id: string, graphic: unknown) => ({ id, revision: 1, group: 'Mass', label: id, graphic });
  return ShowState.parse({
    ...base,
    races: [{ ...base.races[0]!, entrants }],
    rundown: [
      rundownItem('r1', { kind: 'athleteProfile', props: { entrant: { raceId: 'mass', bib: '39999' } } }),
      rundownItem('r2', { kind: 'athleteSplits', props: { raceId: 'mass', bib: '20001' } }),
      rundownItem('r3', { kind: 'resultCard', props: { entrant: { raceId: 'mass', bib: '77777' }, time: '1:30:00' } }),
    ],
  });
}

describe('a mass start list as pages get it', () => {
  const whole = massStartList();
  const view = ShowState.parse(pageView(whole));
  const race = (s: ShowState) => s.races[0]!;

  it('carries the entrants pages draw and the count of them all, a small share of the list', () => {
    expect(race(whole).entrants!.length).toBe(40_000);
    expect(race(view).entrantCount).toBe(40_000);
    expect(race(view).entrants!.length).toBeLessThan(VIEW_WHOLE_ENTRANTS);
    expect(race(view).entrants!.map((e) => e.bib)).toEqual(expect.arrayContaining(['1', '10', '888', '950', '20001', '39999']));
    expect(JSON.stringify(view).length).toBeLessThan(JSON.stringify(whole).length / 10);
  });

  it('draws every leaderboard page, the gap, the panel standings and count, feed splits and named athletes as the whole list does', () => {
    expectSameBoards(view, whole);
    expect(raceDataModel(race(view)).entrants).toBe(40_000);
    const graphics = [...whole.rundown.map((item) => item.graphic), ...Object.values(whole.onAir).map((g) => g.graphic)];
    for (const graphic of graphics) {
      expect(entrantReferenceProblem(graphic, view), graphic.kind).toEqual(entrantReferenceProblem(graphic, whole));
      if (graphic.kind === 'athleteProfile') expect(resolveAthleteProfile(graphic.props, view)).toEqual(resolveAthleteProfile(graphic.props, whole));
      if (graphic.kind === 'athleteSplits') expect(resolveAthleteSplits(graphic.props, view)).toEqual(resolveAthleteSplits(graphic.props, whole));
      if (graphic.kind === 'resultCard') expect(resolveResultCard(graphic.props, view)).toEqual(resolveResultCard(graphic.props, whole));
    }
    expect(graphics.map((g) => g.kind).sort()).toEqual(['athleteProfile', 'athleteSplits', 'leaderboard', 'resultCard', 'resultCard']);
    expect(resolveAthleteSplits({ raceId: 'mass', bib: '950' }, view)).toEqual(resolveAthleteSplits({ raceId: 'mass', bib: '950' }, whole));
  });

  it("sends a mass start's pack with the names pages draw only: its first pages' and those of a small group the gap graphic names", () => {
    const pack = { ...whole, races: [bunched(race(whole), 2)] };
    const packView = ShowState.parse(pageView(pack));
    expect(resolveGap({ raceId: 'mass' }, pack)).toMatchObject({ leaders: '600 ATHLETES', chasers: 'Runner 578 · Runner 548', gap: '+0:16' });
    expectSameBoards(packView, pack);
    const bibsOfRows = (s: ShowState) => new Set(race(s).passings!.map((row) => row[0])).size;
    expect(bibsOfRows(pack)).toBe(1000);
    expect(race(packView).entrants!.length).toBeLessThan(bibsOfRows(packView));
  });

  it("trims a mass start's first passings too (fewer than a big race's): the same boards, the names drawn only", () => {
    const start = { ...whole, races: [{ ...race(whole), passings: race(whole).passings!.slice(0, VIEW_WHOLE / 2) }] };
    const startView = ShowState.parse(pageView(start));
    expectSameBoards(startView, start);
    const bibsOfRows = new Set(race(start).passings!.map((row) => row[0])).size;
    expect(bibsOfRows).toBeGreaterThan(VIEW_FIRST * 2);
    expect(race(startView).entrants!.length).toBeLessThan(bibsOfRows / 2);
    expect(JSON.stringify(startView).length).toBeLessThan(JSON.stringify({ ...start, races: [{ ...race(start), entrants: [] }] }).length);
  });

  it('refuses a bib the race does not have in the same words, counting the whole list', () => {
    const unknown = { kind: 'athleteProfile', props: { entrant: { raceId: 'mass', bib: '99999' }, country: 'KEN' } } as GraphicSpec;
    expect(entrantReferenceProblem(unknown, view)).toBe(entrantReferenceProblem(unknown, whole));
    expect(entrantReferenceProblem(unknown, view)).toContain('1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 39990 more');
  });

  it('leaves a start list of elite size whole', () => {
    const small = { ...whole, races: [{ ...race(whole), entrants: race(whole).entrants!.slice(0, VIEW_WHOLE_ENTRANTS), passings: [] }] };
    expect(pageView(small)).toBe(small);
  });
});
