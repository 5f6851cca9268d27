import { CanvasTextMetrics, type Text } from 'pixi.js';
import type { Theme } from '../protocol/templates/theme';
import { FALLBACK_FONT_FAMILIES } from '../protocol/templates/bundledFonts';
import { TITLE_SAFE } from '../protocol/templates/safeArea';
import { makeRoomForInk } from './inkPadding';

/**
 * Sets what a text shows. A blank one (empty, or only spaces) is not drawn at all, where Pixi would draw it
 * as an invisible " " texture (a canvas made and drawn for nothing); it still measures as before, so layouts
 * do not move. Its canvas gets room for ink that reaches past the theme face's (inkPadding: Arabic in its
 * fallback face). A text set through this (or fitText, fitLines) must be set only through them: `renderable`
 * and `padding` are theirs.
 */
export function setText(text: Text, content: string) {
  showText(text, content);
  makeRoomForInk(text);
}

function showText(text: Text, content: string) {
  text.text = content;
  text.renderable = content.trim() !== '';
}

/**
 * Makes a text fit its box: shrink the font down to `minFontSize`, then cut with an ellipsis. The box is
 * `maxWidth` wide and, when given, `maxHeight` high (a font shrinks until its line fits it too). Returns
 * the text actually shown. One line only: long names shrink, they never wrap.
 */
export function fitText(text: Text, content: string, maxWidth: number, fontSize: number, minFontSize: number, maxHeight = Infinity): string {
  const shown = fitTextSize(text, content, maxWidth, fontSize, minFontSize, maxHeight);
  makeRoomForInk(text);
  return shown;
}

function fitTextSize(text: Text, content: string, maxWidth: number, fontSize: number, minFontSize: number, maxHeight = Infinity): string {
  const fits = () => text.width <= maxWidth && text.height <= maxHeight;
  showText(text, content);
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
  showText(text, shown);
  return shown;
}

/**
 * Makes a text fit a box on up to `box.lines` lines: wrap at spaces first (lines balanced to even lengths),
 * then shrink the font (down to `minFontSize`) until the wrapped lines fit the box's height and line count,
 * then cut the last line that fits with an ellipsis, after a whole word where one fits. A word wider than
 * the box is broken. Returns the text shown, its lines joined by "\n". A text that fits on one line at
 * `fontSize` is shown exactly as fitText would.
 */
export function fitLines(text: Text, content: string, box: { width: number; height: number; lines: number }, fontSize: number, minFontSize: number): string {
  const measure = (s: string) => CanvasTextMetrics.measureText(s, text.style, undefined, false);
  const widthOf = (s: string) => measure(s).width;
  const fitsHeight = (lines: string[]) => lines.length <= box.lines && measure(lines.join('\n')).height <= box.height;
  let size = fontSize;
  text.style.fontSize = size;
  let lines = wrapWords(content, box.width, widthOf);
  while (!fitsHeight(lines) && size > minFontSize) {
    text.style.fontSize = --size;
    lines = wrapWords(content, box.width, widthOf);
  }
  if (!fitsHeight(lines)) {
    let kept = Math.min(box.lines, lines.length);
    while (kept > 1 && !fitsHeight(lines.slice(0, kept))) kept--;
    lines = [...lines.slice(0, kept - 1), ellipsize(lines.slice(kept - 1).join(' '), box.width, widthOf)];
  } else if (lines.length > 1) {
    lines = balance(content, lines.length, box.width, widthOf);
  }
  setText(text, lines.join('\n'));
  return text.text;
}

/** Greedy word wrap: as many words on a line as fit `width`; a word wider than that is broken by characters. */
function wrapWords(content: string, width: number, widthOf: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of content.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (widthOf(joined) <= width) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const char of word) {
      if (line && widthOf(line + char) > width) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The same number of lines, as even as they go: wrapped at the narrowest width that still needs no more
 * lines, so a quote never ends on a lone word ("very fast.") under one full line.
 */
function balance(content: string, count: number, width: number, widthOf: (s: string) => number): string[] {
  let low = Math.floor(width / count);
  let high = Math.ceil(width);
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (wrapWords(content, mid, widthOf).length <= count) high = mid;
    else low = mid + 1;
  }
  return wrapWords(content, high, widthOf);
}

/** The longest start of `content` that fits `width` with an ellipsis: cut after a whole word when one fits. */
function ellipsize(content: string, width: number, widthOf: (s: string) => number): string {
  const chars = [...content];
  const cut = (n: number) => `${chars.slice(0, n).join('').trimEnd()}…`;
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (widthOf(cut(mid)) <= width) low = mid;
    else high = mid - 1;
  }
  const lastSpace = chars.slice(0, low + 1).lastIndexOf(' ');
  return cut(lastSpace > 0 ? lastSpace : low);
}

/** How wide a text starting at design x may be: up to `wanted`, but never past the title-safe area's right edge. */
export function titleSafeWidth(x: number, wanted: number): number {
  return Math.max(0, Math.min(wanted, TITLE_SAFE.x + TITLE_SAFE.width - x));
}

/** A Pixi font stack for a theme font: the face, then the bundled fallbacks for scripts it lacks (Cyrillic, Greek). */
export function fontStack(font: Theme['fonts']['display']): string[] {
  return [font.family, ...FALLBACK_FONT_FAMILIES.filter((family) => family !== font.family)];
}
