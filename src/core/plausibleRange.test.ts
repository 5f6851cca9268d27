import { describe, expect, it } from 'vitest';
import { HALF_MARATHON_M, MARATHON_M } from './distance';
import { plausibleRange } from './plausibleRange';

const hms = (h: number, m: number, s: number) => ((h * 60 + m) * 60 + s) * 1000;

describe('plausibleRange', () => {
  it('gives whole-marathon bounds at the finish', () => {
    expect(plausibleRange(MARATHON_M, 'elite-men')).toEqual([hms(1, 55, 0), hms(2, 40, 0)]);
    expect(plausibleRange(MARATHON_M, 'elite-women')).toEqual([hms(2, 5, 0), hms(3, 0, 0)]);
    expect(plausibleRange(MARATHON_M, 'wheelchair-men')).toEqual([hms(1, 10, 0), hms(2, 30, 0)]);
    expect(plausibleRange(MARATHON_M, 'wheelchair-women')).toEqual([hms(1, 15, 0), hms(2, 45, 0)]);
    expect(plausibleRange(MARATHON_M, 'mass')).toEqual([hms(2, 0, 0), hms(8, 0, 0)]);
  });

  it('pro-rates by distance, so halfway is half the finish range', () => {
    expect(plausibleRange(HALF_MARATHON_M, 'elite-men')).toEqual([hms(0, 57, 30), hms(1, 20, 0)]);
  });

  it('widens to whole seconds so a boundary time is never excluded by rounding', () => {
    const [min, max] = plausibleRange(10_000, 'elite-men');
    expect(min % 1000).toBe(0);
    expect(max % 1000).toBe(0);
    expect(min).toBeLessThanOrEqual((hms(1, 55, 0) * 10_000) / MARATHON_M);
    expect(max).toBeGreaterThanOrEqual((hms(2, 40, 0) * 10_000) / MARATHON_M);
  });

  it('includes the records that the bounds are documented against', () => {
    const [menMin] = plausibleRange(MARATHON_M, 'elite-men');
    const [womenMin] = plausibleRange(MARATHON_M, 'elite-women');
    expect(menMin).toBeLessThan(hms(2, 0, 35));
    expect(womenMin).toBeLessThan(hms(2, 9, 56));
  });
});
