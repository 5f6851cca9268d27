import { describe, expect, it } from 'vitest';
import { MARATHON_M } from './distance';
import { formatPace, pacePerKm, pacePerMile } from './pace';

describe('pace', () => {
  it('shows a 2:02:48 marathon as 2:55/km and 4:41/mi', () => {
    const finishMs = 7_368_000;
    expect(formatPace(pacePerKm(finishMs, MARATHON_M), 'km')).toBe('2:55/km');
    expect(formatPace(pacePerMile(finishMs, MARATHON_M), 'mi')).toBe('4:41/mi');
  });

  it('gives the London 2016 men’s 10K in 28:37 as 171.7 s per km', () => {
    expect(pacePerKm(1_717_000, 10_000)).toBe(171_700);
    expect(formatPace(171_700, 'km')).toBe('2:52/km');
  });

  it('rounds to the nearest second, carrying into the minute', () => {
    expect(formatPace(179_600, 'km')).toBe('3:00/km');
    expect(formatPace(179_400, 'mi')).toBe('2:59/mi');
  });

  it('refuses a pace over no distance', () => {
    expect(() => pacePerKm(1000, 0)).toThrow('Pace needs a distance greater than zero, got 0 m');
    expect(() => formatPace(Number.POSITIVE_INFINITY, 'km')).toThrow(/finite/);
  });
});
