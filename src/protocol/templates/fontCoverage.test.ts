import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Race } from '../race';
import { BUNDLED_FONTS } from './bundledFonts';
import { BUNDLED_CODE_POINTS, graphicFontWarnings, unbundledCount, unbundledWarning } from './fontCoverage';

/** The union of the unicode-ranges the bundled faces' @fontsource CSS declares, as BUNDLED_CODE_POINTS writes it. */
function declaredRanges(): string {
  const ranges: [number, number][] = [];
  for (const [family, weights] of Object.entries(BUNDLED_FONTS)) {
    for (const weight of weights) {
      const css = readFileSync(new URL(`../../../node_modules/@fontsource/${family.toLowerCase().replaceAll(' ', '-')}/${weight}.css`, import.meta.url), 'utf8');
      for (const [, list] of css.matchAll(/unicode-range:\s*([^;]+);/g)) {
        for (const part of list!.split(',')) {
          const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
          ranges.push([Number.parseInt(from!, 16), Number.parseInt(to!, 16)]);
        }
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of ranges) {
    const last = merged.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  return merged.map(([from, to]) => (from === to ? hex(from) : `${hex(from)}-${hex(to)}`)).join(',');
}

describe('which characters the bundled fonts draw', () => {
  it('is exactly what the bundled faces declare (after adding a face, paste the new list into fontCoverage.ts)', () => {
    expect(BUNDLED_CODE_POINTS).toBe(declaredRanges());
  });

  it('covers Latin, Cyrillic, Greek, Vietnamese, Devanagari, Ge\'ez, Arabic and Thai names', () => {
    for (const name of ['Łódź Müller-Schär', 'Гонсалес Шварц', 'Κώστας Γιαννόπουλος', 'Nguyễn Thị Oanh', 'नीरज चोपड़ा', 'ቀነኒሳ በቀለ', 'محمد فرح', 'عداء بريطاني', 'สมชาย ใจดี', '“Quote” – 2:03:59 €5 …']) {
      expect(unbundledCount(name), name).toBe(0);
    }
  });

  it('counts each Japanese, Chinese or Korean character, but not the spaces between them', () => {
    expect(unbundledCount('設楽 悠太')).toBe(4);
    expect(unbundledCount('苏炳添')).toBe(3);
    expect(unbundledCount('우상혁 KOR')).toBe(3);
  });

  it('warns in a sentence naming the text and how many characters will not be drawn in a bundled font', () => {
    expect(unbundledWarning('設楽 悠太')).toBe('設楽 悠太: 4 characters no bundled font has (drawn as boxes or in a system font)');
    expect(unbundledWarning('Mo 🏃')).toBe('Mo 🏃: 1 character no bundled font has (drawn as boxes or in a system font)');
    expect(unbundledWarning('محمد فرح')).toBeNull();
  });
});

describe("a graphic's font warnings", () => {
  const race = (entrants: { bib: string; name: string; displayName?: string }[]) => ({ id: 'tokyo', entrants }) as unknown as Race;

  it("name every text of a graphic's props with characters no bundled font has, and nothing for Arabic or Thai", () => {
    expect(graphicFontWarnings({ name: '設楽 悠太', role: 'マラソン' }, [])).toEqual([
      '設楽 悠太: 4 characters no bundled font has (drawn as boxes or in a system font)',
      'マラソン: 4 characters no bundled font has (drawn as boxes or in a system font)',
    ]);
    expect(graphicFontWarnings({ name: 'محمد فرح', role: 'عداء بريطاني' }, [])).toEqual([]);
  });

  it('name the entrants of the races a race graphic draws from, and only those', () => {
    const tokyo = race([
      { bib: '1', name: 'Eliud Kipchoge' },
      { bib: '2', name: 'Yuta Shitara', displayName: '設楽 悠太' },
    ]);
    expect(graphicFontWarnings({ raceId: 'tokyo', page: 1 }, [tokyo])).toEqual(['設楽 悠太: 4 characters no bundled font has (drawn as boxes or in a system font)']);
    expect(graphicFontWarnings({ raceIds: ['tokyo'] }, [tokyo])).toHaveLength(1);
    expect(graphicFontWarnings({ raceId: 'berlin' }, [tokyo])).toEqual([]);
  });

  it('sum up a long list in its last line', () => {
    const many = race(Array.from({ length: 12 }, (_, i) => ({ bib: String(i + 1), name: `選手${i + 1}` })));
    const warnings = graphicFontWarnings({ raceId: 'tokyo' }, [many]);
    expect(warnings).toHaveLength(5);
    expect(warnings[4]).toBe('and 8 more texts with characters no bundled font has');
  });
});
