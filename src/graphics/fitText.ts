import type { Text } from 'pixi.js';

/**
 * Makes a text fit a width: shrink the font down to `minFontSize`, then cut with an ellipsis.
 * Returns the text actually shown.
 */
export function fitText(text: Text, content: string, maxWidth: number, fontSize: number, minFontSize: number): string {
  text.text = content;
  text.style.fontSize = fontSize;
  if (text.width <= maxWidth) return content;
  // Width scales linearly with font size, so one step lands close; then nudge down for rounding.
  let size = Math.max(minFontSize, Math.floor((fontSize * maxWidth) / text.width));
  text.style.fontSize = size;
  while (text.width > maxWidth && size > minFontSize) text.style.fontSize = --size;
  if (text.width <= maxWidth) return content;
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
