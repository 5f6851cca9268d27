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
  'Noto Sans Ethiopic': [500, 700],
  'Noto Sans Arabic': [500, 700],
  'Noto Sans Thai': [500, 700],
} as const satisfies Record<string, readonly number[]>;
export type FontFamily = keyof typeof BUNDLED_FONTS;
export const FONT_FAMILIES = Object.keys(BUNDLED_FONTS) as [FontFamily, ...FontFamily[]];

/**
 * Appended to every font stack: Noto Sans covers Latin, Cyrillic, Greek, Vietnamese and Devanagari, so "Гонсалес" or
 * "Κώστας" draw in a bundled face even when the theme's own face has no such glyphs; Noto Sans Ethiopic covers
 * Ge'ez, for Ethiopian and Eritrean athletes' names as their own broadcasters write them ("ቀነኒሳ በቀለ"); Noto Sans
 * Arabic and Noto Sans Thai cover Arabic ("محمد فرح") and Thai. CJK and Korean are not bundled (Noto Sans JP alone
 * is 79 MB): a take with such characters goes, with a warning (fontCoverage.ts).
 */
export const FALLBACK_FONT_FAMILIES: readonly FontFamily[] = ['Noto Sans', 'Noto Sans Ethiopic', 'Noto Sans Arabic', 'Noto Sans Thai'];

/**
 * The bundled weight of a family that the browser draws when a text asks for `wanted` (CSS Fonts 4 font
 * matching): the weight itself if bundled; asked for 400 to 500, the next up to 500, then down, then up;
 * below 400, down then up; above 500, up then down. A fallback face is drawn at the weight of the theme face
 * it stands in for, so this is the weight of it to load before anything is measured (Oswald 600's Greek is
 * drawn in Noto Sans 700, not 500).
 */
export function matchedWeight(family: FontFamily, wanted: number): number {
  const weights: readonly number[] = BUNDLED_FONTS[family];
  if (weights.includes(wanted)) return wanted;
  const down = weights.filter((w) => w < wanted).sort((a, b) => b - a);
  const up = weights.filter((w) => w > wanted).sort((a, b) => a - b);
  if (wanted >= 400 && wanted <= 500) return up.find((w) => w <= 500) ?? down[0] ?? up[0]!;
  if (wanted < 400) return down[0] ?? up[0]!;
  return up[0] ?? down[0]!;
}
