import { describe, expect, it } from 'vitest';
import { charactersPerFace, codePointRanges, inRanges } from './fontStack';

const LATIN = codePointRanges([[0x0000, 0x00ff], [0x0131, 0x0131], [0x2000, 0x206f]]);
const LATIN_EXT = codePointRanges([[0x0100, 0x02af], [0x1e00, 0x1eff]]);
const ETHIOPIC = codePointRanges([[0x1200, 0x139f]]);

describe('font stack', () => {
  it('merges overlapping and touching ranges, in order', () => {
    expect([...codePointRanges([[50, 60], [0, 10], [11, 20], [55, 70], [90, 80]])]).toEqual([0, 20, 50, 70]);
  });

  it('finds a code point in ranges by their bounds, inclusive', () => {
    const ranges = codePointRanges([[0x41, 0x5a], [0x100, 0x17f], [0x1200, 0x139f]]);
    for (const [codePoint, inside] of [[0x40, false], [0x41, true], [0x5a, true], [0x5b, false], [0x17f, true], [0x180, false], [0x1200, true], [0x13a0, false]] as const) {
      expect([codePoint, inRanges(ranges, codePoint)]).toEqual([codePoint, inside]);
    }
    expect(inRanges(codePointRanges([]), 0x41)).toBe(false);
  });

  it('asks each face below the first only for the characters no face above it declares', () => {
    // "Łódź Ābebe ሰላም": Latin, Latin Extended and Ethiopic characters.
    expect(charactersPerFace([LATIN, LATIN_EXT, ETHIOPIC], 'Łódź Ābebe ሰላም')).toEqual(['Łódź Ābeሰላም', 'ŁźĀሰላም', 'ሰላም']);
  });

  it('asks every face below one of unknown ranges for every character', () => {
    expect(charactersPerFace([null, LATIN, ETHIOPIC], 'aሰa')).toEqual(['aሰ', 'aሰ', 'aሰ']);
    expect(charactersPerFace([LATIN, null, ETHIOPIC], 'aሰ')).toEqual(['aሰ', 'ሰ', 'aሰ']);
  });

  it('keeps characters outside the basic plane whole', () => {
    expect(charactersPerFace([LATIN, codePointRanges([[0x1f3c3, 0x1f3c3]])], 'a🏃')).toEqual(['a🏃', '🏃']);
  });
});
