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
import { FALLBACK_FONT_FAMILIES, matchedWeight } from '../protocol/templates/bundledFonts';
import type { Theme } from '../protocol/templates/theme';

/**
 * Loads every face the theme can draw with: its display and text faces and the fallback faces, in every
 * script subset (Latin, Latin Extended, Vietnamese, Cyrillic, Greek, ...). A text is measured when it is
 * laid out, so a subset that arrived later would leave "Łódź" measured and drawn in another font for good.
 * Fails loudly if a face is not bundled.
 */
export async function loadFonts(theme: Theme): Promise<void> {
  const own = [theme.fonts.display, theme.fonts.text];
  const wanted = [...own, ...FALLBACK_FONT_FAMILIES.flatMap((family) => own.map((font) => ({ family, weight: matchedWeight(family, font.weight) })))];
  const faces = [...document.fonts];
  await Promise.all(
    wanted.map(async (font) => {
      const matching = faces.filter((face) => unquote(face.family) === font.family && face.weight === String(font.weight) && face.style === 'normal');
      if (matching.length === 0) throw new Error(`Font ${font.weight} "${font.family}" is not bundled with this page`);
      await Promise.all(matching.map((face) => face.load()));
    }),
  );
}

function unquote(family: string) {
  return family.replace(/^["']|["']$/g, '');
}
