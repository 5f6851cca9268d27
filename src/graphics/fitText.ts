import type { Text } from 'pixi.js';
import type { Theme } from '../protocol/templates/theme';
import { FALLBACK_FONT_FAMILIES } from '../protocol/templates/bundledFonts';
import { TITLE_SAFE } from '../protocol/templates/safeArea';

/**
 * Makes a text fit its box: shrink the font down to `minFontSize`, then cut with an ellipsis. The box is
 * `maxWidth` wide and, when given, `maxHeight` high (a font shrinks until its line fits it too). Returns
 * the text actually shown. One line only: long names shrink, they never wrap.
 */
export function fitText(text: Text, content: string, maxWidth: number, fontSize: number, minFontSize: number, maxHeight = Infinity): string {
  const fits = () => text.width <= maxWidth && text.height <= maxHeight;
  text.text = content;
  text.style.fontSize = fontSize;
  if (fits()) return content;
  // Width scales linearly with font size, so one step lands close; then nudge down for rounding.
  const byWidth = (fontSize * maxWidth) / Math.max(1, text.width);
  const byHeight = (fontSize * maxHeight) / Math.max(1, text.height);
  let size = Math.max(minFontSize, Math.floor(Math.min(fontSize, byWidth, byHeight)));
  text.style.fontSize = size;
  while (!fits() && size > minFontSize) text.style.fontSize = --size;
  if (fits()) return content;
  const chars = [...content];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    text.text = `${chars.slice(0, mid).join('').trimEnd()}…`;
    if (text.width <= maxWidth) low = mid;
    else high = mid - 1;
  }
  const shown = `${chars.slice(0, low).join('').trimEnd()}…`;
  text.text = shown;
  return shown;
}

/** How wide a text starting at design x may be: up to `wanted`, but never past the title-safe area's right edge. */
export function titleSafeWidth(x: number, wanted: number): number {
  return Math.max(0, Math.min(wanted, TITLE_SAFE.x + TITLE_SAFE.width - x));
}

/** A Pixi font stack for a theme font: the face, then the bundled fallbacks for scripts it lacks (Cyrillic, Greek). */
export function fontStack(font: Theme['fonts']['display']): string[] {
  return [font.family, ...FALLBACK_FONT_FAMILIES.filter((family) => family !== font.family)];
}
