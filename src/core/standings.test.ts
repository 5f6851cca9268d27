import { describe, expect, it } from 'vitest';
import { latestPoint, latestSplits, leaderSplits, standingsAt, type TimedPassing } from './standings';

const p = (bib: string, point: number, elapsedMs: number): TimedPassing => ({ bib, point, elapsedMs });

// 10K (point 0) and halfway (point 1): A leads at 10K, C comes through to lead at halfway, D is dropped.
const race = [
  p('A', 0, 1_717_000),
  p('B', 0, 1_718_000),
  p('C', 0, 1_719_500),
  p('D', 0, 1_730_000),
  p('C', 1, 3_684_000),
  p('A', 1, 3_685_000),
  p('B', 1, 3_700_000),
];

describe('standingsAt', () => {
  it('places athletes fastest first with their gap to the leader', () => {
    const rows = standingsAt(race, 0);
    expect(rows.map((r) => [r.bib, r.place, r.gapMs])).toEqual([
      ['A', 1, 0],
      ['B', 2, 1000],
      ['C', 3, 2000],
      ['D', 4, 13_000],
    ]);
  });

  it('measures a gap between the times as shown: 29:11.0 behind 29:10.2 is shown 29:11 against 29:10, so 1 s', () => {
    const rows = standingsAt([p('Kipchoge', 0, 1_750_200), p('Biwott', 0, 1_751_000)], 0);
    expect(rows.map((r) => [r.bib, r.gapMs])).toEqual([
      ['Kipchoge', 0],
      ['Biwott', 1000],
    ]);
  });

  it('counts places gained and lost since the previous point, and null at the first point', () => {
    expect(standingsAt(race, 0).every((r) => r.placeChange === null)).toBe(true);
    expect(standingsAt(race, 1).map((r) => [r.bib, r.placeChange])).toEqual([
      ['C', 2],
      ['A', -1],
      ['B', -1],
    ]);
  });

  it('starts a new group where the gap to the athlete in front is more than the group gap', () => {
    expect(standingsAt(race, 0, 3000).map((r) => r.group)).toEqual([1, 1, 1, 2]);
    expect(standingsAt(race, 0, 1200).map((r) => r.group)).toEqual([1, 1, 2, 3]);
  });

  it('gives athletes with the same time the same place', () => {
    const rows = standingsAt([p('X', 0, 1000), p('Y', 0, 1000), p('Z', 0, 2000)], 0);
    expect(rows.map((r) => r.place)).toEqual([1, 1, 3]);
  });

  it('is the same whatever order the passings arrived in', () => {
    expect(standingsAt([...race].reverse(), 1)).toEqual(standingsAt(race, 1));
  });
});

describe('latest point, latest splits and leader splits', () => {
  it('finds the furthest point reached, or null before any passing', () => {
    expect(latestPoint(race)).toBe(1);
    expect(latestPoint([])).toBeNull();
  });

  it("keeps each athlete's furthest point", () => {
    const latest = latestSplits(race);
    expect(latest.get('D')).toEqual(p('D', 0, 1_730_000));
    expect(latest.get('C')).toEqual(p('C', 1, 3_684_000));
  });

  it("gives the race's split at each point: the leader's time and the leading group", () => {
    expect(leaderSplits(race)).toEqual([
      { point: 0, elapsedMs: 1_717_000, leaders: ['A', 'B', 'C'] },
      { point: 1, elapsedMs: 3_684_000, leaders: ['C', 'A'] },
    ]);
  });
});
