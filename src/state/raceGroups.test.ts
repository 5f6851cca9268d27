import { describe, expect, it } from 'vitest';
import type { PassingRow } from '../protocol/passing';
import type { Race } from '../protocol/race';
import { sortRows } from './passingTable';
import { groupsAt } from './raceGroups';

/** Five leaders a second apart, then two chasers 10 s back, then the rest 10 s further back, at one point. */
const rows: PassingRow[] = sortRows([
  ...[1, 2, 3, 4, 5].map((bib, i): PassingRow => [String(bib), 0, 1_000_000 + i * 1_000, 0]),
  ['6', 0, 1_014_000, 0],
  ['7', 0, 1_015_000, 0],
  ...[8, 9].map((bib, i): PassingRow => [String(bib), 0, 1_030_000 + i * 1_000, 0]),
]);
const race = { id: 'mass', passings: rows } as Race;

describe('groupsAt', () => {
  it('counts the leading and chasing groups and names the first three of each, from the rows', () => {
    expect(groupsAt(race, 0)).toEqual({ leaders: { count: 5, bibs: ['1', '2', '3'], elapsedMs: 1_000_000 }, chasers: { count: 2, bibs: ['6', '7'], elapsedMs: 1_014_000 }, timed: 9 });
    expect(groupsAt(race, 1)).toBeNull();
    expect(groupsAt({ ...race, passings: rows.slice(0, 5) }, 0)!.chasers).toBeNull();
  });

  it('reads the sizes a trimmed race is sent with, and finds the chasers among the rows kept by their first time', () => {
    // A page's view: the leaders' first three, the chasers' first (here all), a runner far back named on air.
    const trimmed = { ...race, passings: [rows[0]!, rows[1]!, rows[2]!, rows[5]!, rows[6]!, rows[8]!], groups: [[0, 5, 2, 1_014_000, 9]] } as Race;
    expect(groupsAt(trimmed, 0)).toEqual(groupsAt(race, 0));
  });
});

describe('groupsAt in a steady stream of runners', () => {
  // A mass race at 5K: 2500 runners one second apart, none more than 3 s behind the one in front.
  const stream = { id: 'mass', passings: sortRows(Array.from({ length: 2500 }, (_, i): PassingRow => [`M${i + 1}`, 0, 1_500_000 + i * 1_000, 0])) } as Race;

  it('bounds a group by its first athlete: a string of runners a second apart is many groups, not one 41 minutes long', () => {
    const groups = groupsAt(stream, 0)!;
    expect(groups.leaders).toEqual({ count: 11, bibs: ['M1', 'M2', 'M3'], elapsedMs: 1_500_000 });
    expect(groups.chasers).toEqual({ count: 11, bibs: ['M12', 'M13', 'M14'], elapsedMs: 1_511_000 });
  });
});
