import { describe, expect, it } from 'vitest';
import { matchedWeight } from './bundledFonts';

describe('the bundled weight a browser draws', () => {
  it('is the weight asked for when it is bundled', () => {
    expect(matchedWeight('Noto Sans', 500)).toBe(500);
    expect(matchedWeight('Noto Sans', 700)).toBe(700);
  });

  it('goes up first for a weight above 500, as CSS font matching does (Oswald 600 falls back to Noto Sans 700)', () => {
    expect(matchedWeight('Noto Sans', 600)).toBe(700);
    expect(matchedWeight('Noto Sans', 800)).toBe(700);
  });

  it('looks up to 500 first for 400 to 500, and down first below 400', () => {
    expect(matchedWeight('Noto Sans', 400)).toBe(500);
    expect(matchedWeight('Noto Sans', 300)).toBe(500);
    expect(matchedWeight('Barlow Condensed', 400)).toBe(700);
    expect(matchedWeight('Barlow', 700)).toBe(500);
  });
});
