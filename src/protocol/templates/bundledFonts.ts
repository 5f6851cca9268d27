/**
 * Font families bundled with the pages (from @fontsource packages, imported in src/render/loadFonts.ts) and
 * the weights bundled for each. A theme may name only these: nothing is fetched from the internet, so any
 * other family would silently fall back to whatever the playout machine has. Adding a face = install its
 * @fontsource package, import its CSS in loadFonts.ts, list it here.
 */
export const BUNDLED_FONTS = {
  'Barlow Condensed': [700],
  Barlow: [500],
  Oswald: [600],
  'Noto Sans': [500, 700],
} as const satisfies Record<string, readonly number[]>;
export type FontFamily = keyof typeof BUNDLED_FONTS;
export const FONT_FAMILIES = Object.keys(BUNDLED_FONTS) as [FontFamily, ...FontFamily[]];

/**
 * Appended to every font stack: Noto Sans covers Latin, Cyrillic, Greek and Vietnamese, so "Гонсалес" or
 * "Κώστας" draw in a bundled face even when the theme's own face has no such glyphs.
 */
export const FALLBACK_FONT_FAMILIES: readonly FontFamily[] = ['Noto Sans'];
