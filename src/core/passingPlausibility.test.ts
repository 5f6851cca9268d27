import { describe, expect, it } from 'vitest';
import { passingProblem } from './passingPlausibility';

const tenK = { metres: 10_000, label: '10K' };

describe('passingProblem', () => {
  it('passes an elite 10K in 28:37 with the clock at 29:00', () => {
    expect(passingProblem({ ...tenK, elapsedMs: 1_717_000 }, { kind: 'elite-men', clockMs: 1_740_000 })).toBeNull();
  });

  it('holds a pace faster than anyone in the race kind', () => {
    expect(passingProblem({ ...tenK, elapsedMs: 1_200_000 }, { kind: 'elite-men', clockMs: 1_740_000 })).toMatch(
      /^20:00 at 10K is 2:00\/km from the start, faster than anyone in a elite-men race/,
    );
  });

  it('holds a passing ahead of the running race clock', () => {
    expect(passingProblem({ ...tenK, elapsedMs: 1_717_000 }, { kind: 'elite-men', clockMs: 1_600_000 })).toBe('28:37 at 10K is ahead of the race clock, which shows 26:40');
  });

  it('holds a passing before the gun', () => {
    expect(passingProblem({ ...tenK, elapsedMs: 1_717_000 }, { kind: 'elite-men', clockMs: null })).toMatch(/before the race has a gun time/);
  });

  it("holds a time not later than the athlete's previous point, or impossibly fast since it", () => {
    const previous = { ...tenK, elapsedMs: 2_700_000 };
    const at15 = { metres: 15_000, label: '15K' };
    expect(passingProblem({ ...at15, elapsedMs: 2_650_000 }, { kind: 'elite-men', clockMs: 3_600_000, previous })).toMatch(/not later than the same athlete's 45:00 at 10K/);
    expect(passingProblem({ ...at15, elapsedMs: 2_700_000 + 300_000 }, { kind: 'elite-men', clockMs: 3_600_000, previous })).toMatch(/1:00\/km since 10K/);
    expect(passingProblem({ ...at15, elapsedMs: 2_700_000 + 870_000 }, { kind: 'elite-men', clockMs: 3_600_000, previous })).toBeNull();
  });

  it("holds a time not earlier than the athlete's next point, or impossibly fast to it", () => {
    const at5 = { metres: 5000, label: '5K' };
    const next = { ...tenK, elapsedMs: 1_300_000 };
    expect(passingProblem({ ...at5, elapsedMs: 1_350_000 }, { kind: 'elite-men', clockMs: 3_600_000, next })).toBe("22:30 at 5K is not earlier than the same athlete's 21:40 at 10K");
    expect(passingProblem({ ...at5, elapsedMs: 1_295_000 }, { kind: 'elite-men', clockMs: 3_600_000, next })).toMatch(/^21:35 at 5K means 0:01\/km from there to 10K \(21:40\), faster than anyone can race$/);
    expect(passingProblem({ ...at5, elapsedMs: 850_000 }, { kind: 'elite-men', clockMs: 3_600_000, next })).toBeNull();
  });
});
