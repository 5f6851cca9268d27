// Every face listed in src/protocol/templates/bundledFonts.ts, self-hosted from @fontsource: the CSS declares
// the faces (one per script subset, by unicode-range); the browser fetches a file from this hub only when a
// text needs it, so importing all of them costs nothing until used.
import '@fontsource/barlow-condensed/700.css';
import '@fontsource/barlow/500.css';
import '@fontsource/oswald/600.css';
import '@fontsource/noto-sans/500.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-ethiopic/500.css';
import '@fontsource/noto-sans-ethiopic/700.css';
import '@fontsource/noto-sans-arabic/500.css';
import '@fontsource/noto-sans-arabic/700.css';
import '@fontsource/noto-sans-thai/500.css';
import '@fontsource/noto-sans-thai/700.css';
import { FALLBACK_FONT_FAMILIES, matchedWeight } from '../protocol/templates/bundledFonts';
import type { Theme } from '../protocol/templates/theme';
import { charactersPerFace, codePointRanges, type CodePointRanges } from './fontStack';

/**
 * Loads every face the theme can draw with: its display and text faces and the fallback faces, in every
 * script subset (Latin, Latin Extended, Vietnamese, Cyrillic, Greek, ...). A text is measured when it is
 * laid out, so a subset that arrived later would leave "Łódź" measured and drawn in another font for good.
 * Fails loudly if a face is not bundled.
 */
export async function loadFonts(theme: Theme): Promise<void> {
  const faces = [...document.fonts];
  await Promise.all(
    wantedFonts(theme).map(async (font) => {
      const matching = faces.filter((face) => unquote(face.family) === font.family && face.weight === String(font.weight) && face.style === 'normal');
      if (matching.length === 0) throw new Error(`Font ${font.weight} "${font.family}" is not bundled with this page`);
      await Promise.all(matching.map((face) => face.load()));
    }),
  );
}

/**
 * Loads only the subsets of the theme's faces that `text` needs (its characters, by unicode-range): a page
 * draws its first frame with these while loadFonts fetches the rest (and says if a face is not bundled).
 */
export async function loadFontsFor(theme: Theme, text: string): Promise<void> {
  await Promise.all(fontsFor(theme, text).map(([font, chars]) => document.fonts.load(cssFont(font), chars)));
}

/** True if every subset of the theme's faces that `text` needs is loaded. */
export function fontsCover(theme: Theme, text: string): boolean {
  return fontsFor(theme, text).every(([font, chars]) => document.fonts.check(cssFont(font), chars));
}

/**
 * Each face of the theme's stack with the characters of `text` it may draw: the theme's own faces all of them,
 * a fallback face only those no face before it in the stack declares (the browser takes a character from the
 * first face whose unicode-range has it). Most fallbacks also have a Latin subset: asked for a Latin show's text,
 * Noto Sans Arabic and Thai fetched four files a cold start never drew with.
 */
function fontsFor(theme: Theme, text: string): [font: { family: string; weight: number }, chars: string][] {
  if (text === '') return wantedFonts(theme).map((font) => [font, text]);
  const wanted: [{ family: string; weight: number }, string][] = [];
  for (const own of [theme.fonts.display, theme.fonts.text]) {
    // Each face's own stack: what the display face lacks, the text face may have, and the other way round.
    const stack = [own, ...FALLBACK_FONT_FAMILIES.map((family) => ({ family, weight: matchedWeight(family, own.weight) }))];
    const chars = charactersPerFace(stack.map((font) => declaredRanges(font.family)), text);
    stack.forEach((font, i) => chars[i] !== '' && wanted.push([font, chars[i]!]));
  }
  return wanted;
}

/** The code points a bundled family's @font-face rules declare (their unicode-ranges), or null if unknown (then it is asked for all). */
const rangesByFamily = new Map<string, CodePointRanges | null>();
function declaredRanges(family: string): CodePointRanges | null {
  if (rangesByFamily.has(family)) return rangesByFamily.get(family)!;
  const ranges: [number, number][] = [];
  for (const face of document.fonts) {
    if (unquote(face.family) !== family) continue;
    for (const part of face.unicodeRange.split(',')) {
      const match = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim());
      if (!match) continue;
      const from = Number.parseInt(match[1]!.replace(/\?/g, '0'), 16);
      const to = match[2] ? Number.parseInt(match[2], 16) : Number.parseInt(match[1]!.replace(/\?/g, 'f'), 16);
      ranges.push([from, to]);
    }
  }
  const known = ranges.length > 0 ? codePointRanges(ranges) : null;
  // Only once the page's styles have declared the faces: before that, asked again next time.
  if (known) rangesByFamily.set(family, known);
  return known;
}

/** The distinct characters of a value's JSON (a snapshot, a template set): every text it can draw is among them. */
export function charactersOf(...values: unknown[]): string {
  return [...new Set(values.map((value) => JSON.stringify(value)).join(''))].join('');
}

function wantedFonts(theme: Theme) {
  const own = [theme.fonts.display, theme.fonts.text];
  return [...own, ...FALLBACK_FONT_FAMILIES.flatMap((family) => own.map((font) => ({ family, weight: matchedWeight(family, font.weight) })))];
}

function cssFont(font: { family: string; weight: number }) {
  return `normal ${font.weight} 16px "${font.family}"`;
}

function unquote(family: string) {
  return family.replace(/^["']|["']$/g, '');
}
