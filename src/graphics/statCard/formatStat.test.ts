import { describe, expect, it } from 'vitest';
import { formatStat } from './formatStat';

describe('formatStat', () => {
  it('groups thousands and keeps the decimals the number was given with', () => {
    expect(formatStat(39698)).toBe('39,698');
    expect(formatStat(1234567.5)).toBe('1,234,567.5');
    expect(formatStat(42.195)).toBe('42.195');
    expect(formatStat(-1200)).toBe('-1,200');
  });

  it('shows a number counting towards another with a fixed number of decimals', () => {
    expect(formatStat(39419.37, 0)).toBe('39,419');
    expect(formatStat(2.5, 2)).toBe('2.50');
  });
});
