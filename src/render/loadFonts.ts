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
  await Promise.all(wantedFonts(theme).map((font) => document.fonts.load(cssFont(font), text)));
}

/** True if every subset of the theme's faces that `text` needs is loaded. */
export function fontsCover(theme: Theme, text: string): boolean {
  return wantedFonts(theme).every((font) => document.fonts.check(cssFont(font), text));
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
