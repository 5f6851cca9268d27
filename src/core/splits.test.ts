import { describe, expect, it } from 'vitest';
import { MARATHON_M } from './distance';
import { latestSplit, validateSplit, type Split } from './splits';

const hms = (h: number, m: number, s: number) => ((h * 60 + m) * 60 + s) * 1000;
const split = (label: string, metres: number, elapsedMs: number): Split => ({ label, metres, elapsedMs });

const fiveK = split('5K', 5_000, hms(0, 14, 20));
const tenK = split('10K', 10_000, hms(0, 28, 37));

function errorFor(candidate: Split, previous: Split[], raceM = MARATHON_M): string {
  const result = validateSplit(candidate, previous, raceM);
  if (result.ok) throw new Error(`expected ${candidate.label} to be rejected`);
  return result.error;
}

describe('validateSplit', () => {
  it('accepts the London 2016 men’s 10K in 28:37 after 5K', () => {
    expect(validateSplit(tenK, [fiveK], MARATHON_M)).toEqual({ ok: true, value: tenK });
  });

  it('accepts a first split with nothing before it, and a finish split', () => {
    expect(validateSplit(fiveK, [], MARATHON_M).ok).toBe(true);
    expect(validateSplit(split('FINISH', MARATHON_M, hms(2, 3, 5)), [fiveK, tenK]).ok).toBe(true);
  });

  it('names the race distance when a split is beyond it', () => {
    expect(errorFor(split('43K', 43_000, hms(2, 5, 0)), [])).toBe(
      '43K is beyond the race distance of 42.195 km (26.2 mi).',
    );
  });

  it('names both splits when a time is earlier than the previous one', () => {
    const slowFive = split('5K', 5_000, hms(0, 29, 10));
    expect(errorFor(tenK, [slowFive])).toBe('10K at 28:37 is earlier than 5K at 29:10.');
  });

  it('rejects a time equal to the previous split’s', () => {
    const sameTime = split('10K', 10_000, fiveK.elapsedMs);
    expect(errorFor(sameTime, [fiveK])).toBe('10K at 14:20 is not later than 5K at 14:20.');
  });

  it('rejects a split that is not further along the course than the latest one', () => {
    expect(errorFor(fiveK, [tenK])).toBe('5K is not after the latest split, 10K: enter splits in course order.');
    expect(errorFor(tenK, [fiveK, tenK])).toBe('10K is not after the latest split, 10K: enter splits in course order.');
  });

  it('rejects a pace quicker than 1:30/km, which nobody can race', () => {
    expect(errorFor(split('10K', 10_000, hms(0, 20, 20)), [fiveK])).toBe(
      '10K at 20:20 means 1:12/km since 5K, faster than anyone can race (1:30/km). Check the time and the distance.',
    );
    expect(errorFor(split('5K', 5_000, hms(0, 7, 0)), [])).toBe(
      '5K at 7:00 means 1:24/km from the start, faster than anyone can race (1:30/km). ' +
        'Check the time and the distance.',
    );
  });

  it('accepts a fast wheelchair descent at 2:10/km', () => {
    expect(validateSplit(split('10K', 10_000, fiveK.elapsedMs + 5 * 130_000), [fiveK]).ok).toBe(true);
  });

  it('rejects splits at or before the start', () => {
    expect(errorFor(split('START', 0, 1000), [])).toBe('START must be after the start line.');
    expect(errorFor(split('5K', 5_000, 0), [])).toBe('5K at 0:00 is not after the gun.');
  });
});

describe('latestSplit', () => {
  it('returns the split furthest along the course, whatever order they were stored in', () => {
    expect(latestSplit([tenK, fiveK])).toBe(tenK);
  });

  it('returns undefined when there are no splits', () => {
    expect(latestSplit([])).toBeUndefined();
  });
});
