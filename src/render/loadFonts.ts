import '@fontsource/barlow-condensed/700.css';
import '@fontsource/barlow/500.css';
import type { Theme } from '../protocol/templates/theme';

/**
 * Waits until the theme's fonts are loaded (they are bundled, never fetched from the internet), so the
 * first frame is never drawn in a fallback face. Fails loudly if a face is missing.
 */
export async function loadFonts(theme: Theme, sample = 'Schär Grey-Thompson 0123456789'): Promise<void> {
  const faces = [theme.fonts.display, theme.fonts.text];
  await Promise.all(
    faces.map(async (font) => {
      const spec = `${font.weight} 48px "${font.family}"`;
      const loaded = await document.fonts.load(spec, sample);
      if (loaded.length === 0) throw new Error(`Font ${spec} is not bundled with this page`);
    }),
  );
}
