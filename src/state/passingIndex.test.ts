import { describe, expect, it } from 'vitest';
import { leaderSplits, passingProblem, DEFAULT_GROUP_GAP_MS } from '../core';
import { MAX_PASSINGS, type Passing, type PassingRow } from '../protocol/passing';
import type { Race } from '../protocol/race';
import { changeRows, rowChangesSince, rowKey } from './passingIndex';
import { feedSplits, mergePassings, timedPassings } from './passingTable';

const GUN = 1_000_000;
const POINTS = [5000, 10_000, 15_000, 21_097.5, 30_000, 42_195].map((metres) => ({ metres, label: `${Math.round(metres / 1000)}K` }));

function massRace(bibs: number): Race {
  return {
    id: 'mass',
    name: 'MASS',
    kind: 'mass',
    distanceM: 42_195,
    gunTime: GUN,
    finishedAt: null,
    record: null,
    splits: [],
    entrants: Array.from({ length: bibs }, (_, i) => ({ bib: String(i + 1), name: `Runner ${i + 1}` })),
    timingPoints: POINTS,
  };
}

/** A seeded generator, so a failure names the batch it came from and reruns the same. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** The merge as it was before the index: a map of every row, rebuilt and re-sorted per batch (the reference). */
function fullMerge(race: Race, batch: readonly Passing[], now: number): Race | string {
  const rows = new Map<string, PassingRow>();
  for (const row of race.passings ?? []) rows.set(`${row[0]}@${row[1]}`, row);
  const sources = [...(race.passingSources ?? [])];
  const held = new Map((race.held ?? []).map((h) => [`${h.bib}@${POINTS.findIndex((p) => Math.abs(p.metres - h.metres) <= 1)}`, h]));
  const clockMs = race.gunTime === null ? null : now - race.gunTime;
  for (const passing of batch) {
    const index = POINTS.findIndex((p) => Math.abs(p.metres - passing.metres) <= 1);
    const point = POINTS[index]!;
    const key = `${passing.bib}@${index}`;
    const existing = rows.get(key);
    if (existing && existing[2] === passing.elapsedMs) continue;
    let previous;
    for (let i = index - 1; i >= 0 && !previous; i--) {
      const row = rows.get(`${passing.bib}@${i}`);
      if (row) previous = { metres: POINTS[i]!.metres, label: POINTS[i]!.label, elapsedMs: row[2] };
    }
    let next;
    for (let i = index + 1; i < POINTS.length && !next; i++) {
      const row = rows.get(`${passing.bib}@${i}`);
      if (row) next = { metres: POINTS[i]!.metres, label: POINTS[i]!.label, elapsedMs: row[2] };
    }
    const problem = passingProblem({ metres: point.metres, label: point.label, elapsedMs: passing.elapsedMs }, { kind: race.kind, clockMs, ...(previous ? { previous } : {}), ...(next ? { next } : {}) });
    if (problem) {
      held.set(key, { bib: passing.bib, metres: point.metres, elapsedMs: passing.elapsedMs, source: passing.source, reason: `Runner ${passing.bib} (${passing.bib}): ${problem}` });
      continue;
    }
    let source = sources.indexOf(passing.source);
    if (source < 0) source = sources.push(passing.source) - 1;
    rows.set(key, [passing.bib, index, passing.elapsedMs, source]);
    held.delete(key);
  }
  const passings = [...rows.values()].sort((a, b) => a[1] - b[1] || a[2] - b[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { ...race, passings, passingSources: sources, held: [...held.values()] };
}

/** A burst of passings as feeds send them: out of order, repeated, corrected, now and then implausible. */
function batchOf(next: () => number, bibs: number, size: number): Passing[] {
  return Array.from({ length: size }, () => {
    const bib = String(1 + Math.floor(next() * bibs));
    const point = Math.floor(next() * POINTS.length);
    // Few distinct paces, an athlete's about even from point to point (a point out of order must fit between
    // its neighbours): ties, repeats and corrections happen.
    const pace = 180 + ((Number(bib) + (next() < 0.1 ? 1 : 0)) % 4) * 30;
    const glitch = next() < 0.03 ? -3_000_000 : 0; // an early misread: held for the operator
    const elapsedMs = Math.max(0, Math.round(POINTS[point]!.metres * pace) + glitch);
    return { bib, metres: POINTS[point]!.metres, elapsedMs, source: next() < 0.5 ? 'rr-live' : 'backup' };
  });
}

describe('the incremental merge', () => {
  it('should give what the full merge gives, batch after batch of random passings', { timeout: 30_000 }, () => {
    for (const seed of [1, 2, 3]) {
      const next = random(seed);
      let incremental = massRace(300);
      let reference = massRace(300);
      for (let b = 0; b < 40; b++) {
        const batch = batchOf(next, 300, 1 + Math.floor(next() * 120));
        const now = GUN + 4 * 3_600_000;
        const merged = mergePassings(incremental, batch, now);
        const expected = fullMerge(reference, batch, now);
        if (typeof merged === 'string' || typeof expected === 'string') throw new Error(`seed ${seed} batch ${b} refused: ${String(merged)}`);
        expect(merged.race.passings, `seed ${seed} batch ${b}`).toEqual(expected.passings);
        expect(merged.race.held!.map((h) => [h.bib, h.metres, h.elapsedMs])).toEqual(expected.held!.map((h) => [h.bib, h.metres, h.elapsedMs]));
        expect(merged.race.passingSources).toEqual(expected.passingSources);
        expect(feedSplits(merged.race).map((s) => [s.metres, s.elapsedMs, s.leaders.length])).toEqual(
          leaderSplits(timedPassings(merged.race), DEFAULT_GROUP_GAP_MS).map((s) => [POINTS[s.point]!.metres, s.elapsedMs, s.leaders.length]),
        );
        incremental = merged.race;
        reference = expected;
      }
      expect(incremental.passings!.length, `seed ${seed} stored something`).toBeGreaterThan(1000);
    }
  });

  it('should count a passing sent twice once, and let a corrected time replace the stored one', () => {
    const race = massRace(10);
    const first = mergePassings(race, [{ bib: '1', metres: 5000, elapsedMs: 900_000, source: 'rr-live' }], GUN + 3_600_000);
    if (typeof first === 'string') throw new Error(first);
    const again = mergePassings(first.race, [{ bib: '1', metres: 5000, elapsedMs: 900_000, source: 'rr-live' }, { bib: '1', metres: 5000, elapsedMs: 905_000, source: 'backup' }], GUN + 3_600_000);
    if (typeof again === 'string') throw new Error(again);
    expect(again.counts).toEqual({ stored: 1, duplicates: 1, held: 0 });
    expect(again.race.passings).toEqual([['1', 0, 905_000, 1]]);
    expect(first.race.passings).toEqual([['1', 0, 900_000, 0]]);
  });

  it('should keep rows in point, time and bib order however they arrive, and remove the rows it is told to', () => {
    let rows: PassingRow[] = [];
    const next = random(9);
    const expected = new Map<string, PassingRow>();
    for (let step = 0; step < 200; step++) {
      const put: PassingRow[] = Array.from({ length: Math.floor(next() * 20) }, () => [String(Math.floor(next() * 50)), Math.floor(next() * 4), Math.floor(next() * 100) * 1000, 0]);
      const drop = Array.from({ length: Math.floor(next() * 5) }, () => rowKey(String(Math.floor(next() * 50)), Math.floor(next() * 4)));
      for (const key of drop) expected.delete(key);
      for (const row of put) expected.set(rowKey(row[0], row[1]), row);
      rows = changeRows(rows, put, drop);
      const sorted = [...expected.values()].sort((a, b) => a[1] - b[1] || a[2] - b[2] || (a[0] < b[0] ? -1 : 1));
      expect(rows, `step ${step}`).toEqual(sorted);
    }
    // A change in thousands of places (copied row by row rather than in slices) gives the same order.
    const many: PassingRow[] = Array.from({ length: 5000 }, (_, i) => [`b${i}`, i % 4, Math.floor(next() * 100) * 1000, 0]);
    for (const row of many) expected.set(rowKey(row[0], row[1]), row);
    expect(changeRows(rows, many)).toEqual([...expected.values()].sort((a, b) => a[1] - b[1] || a[2] - b[2] || (a[0] < b[0] ? -1 : 1)));
  });

  it('should leave the array it started from as it was, and still merge from it again (a group applied a second time)', () => {
    const base: PassingRow[] = [['1', 0, 1000, 0], ['2', 0, 2000, 0]];
    const once = changeRows(base, [['3', 0, 1500, 0]]);
    const twice = changeRows(once, [['1', 0, 3000, 0]], [rowKey('2', 0)]);
    expect(base).toEqual([['1', 0, 1000, 0], ['2', 0, 2000, 0]]);
    expect(twice).toEqual([['3', 0, 1500, 0], ['1', 0, 3000, 0]]);
    // From `base` again: its index steps back, and the result knows nothing of `twice`.
    expect(changeRows(base, [['4', 0, 500, 0]])).toEqual([['4', 0, 500, 0], ['1', 0, 1000, 0], ['2', 0, 2000, 0]]);
    expect(changeRows(twice, [['5', 0, 100, 0]])).toEqual([['5', 0, 100, 0], ['3', 0, 1500, 0], ['1', 0, 3000, 0]]);
  });

  it('should tell what changed between two arrays made one from the other, and nothing for unrelated arrays', () => {
    const base: PassingRow[] = [['1', 0, 1000, 0], ['2', 0, 2000, 0]];
    const once = changeRows(base, [['3', 0, 1500, 0]]);
    const twice = changeRows(once, [['1', 0, 3000, 0]], [rowKey('2', 0), rowKey('3', 0)]);
    expect(rowChangesSince(base, twice)).toEqual({ put: [['1', 0, 3000, 0]], drop: ['2@0', '3@0'] });
    expect(rowChangesSince(base, base)).toEqual({ put: [], drop: [] });
    expect(rowChangesSince([...base], twice)).toBeNull();
  });

  it('should refuse a batch that would take a race past its cap, whole and saying so, and still take a correction of a full race', { timeout: 30_000 }, () => {
    const full: PassingRow[] = Array.from({ length: MAX_PASSINGS }, (_, i) => [`r${i % 50_000}`, Math.floor(i / 50_000), 600_000 + Math.floor(i / 50_000) * 900_000 + (i % 50_000), 0]);
    const race = { ...massRace(2), passings: full, passingSources: ['rr-live'], entrants: [{ bib: 'r1', name: 'Runner One' }, { bib: '1', name: 'New One' }] };
    const now = GUN + 5 * 3_600_000;
    expect(mergePassings(race, [{ bib: '1', metres: 5000, elapsedMs: 1_500_000, source: 'rr-live' }], now)).toBe(
      `MASS would hold ${MAX_PASSINGS + 1} passings, more than the ${MAX_PASSINGS} a race keeps; nothing of this batch was stored`,
    );
    const corrected = mergePassings(race, [{ bib: 'r1', metres: 5000, elapsedMs: 1_000_000, source: 'rr-live' }], now);
    if (typeof corrected === 'string') throw new Error(corrected);
    expect(corrected.race.passings).toHaveLength(MAX_PASSINGS);
    expect(corrected.race.passings!.find((row) => row[0] === 'r1' && row[1] === 0)).toEqual(['r1', 0, 1_000_000, 0]);
  });
});
