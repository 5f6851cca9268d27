import { CanvasTextMetrics, Container, Text, TextStyle, type TextStyleOptions } from 'pixi.js';

/**
 * A clock readout drawn one character per Text in fixed-width cells, right-aligned: proportional digits
 * would make the time wobble sideways every second, and only the characters that changed are redrawn.
 */
export type ClockDigits = { root: Container; shown: string; face: ClockFace; maxWidth: number };

/**
 * What every readout of one graphic shares: one TextStyle, so Pixi measures a character once (its measure
 * cache is per style object) and a layer draws one texture per character shown, however many cells and
 * clocks show it; and the cell widths, measured from it once.
 */
export type ClockFace = { style: TextStyle; cells: { digit: number; narrow: Record<string, number> } };

export function createClockFace(options: TextStyleOptions): ClockFace {
  const style = new TextStyle(options);
  // What a Text of this character measures (its width), without making one.
  const measure = (char: string) => CanvasTextMetrics.measureText(char, style).width;
  const digit = Math.ceil(Math.max(...'0123456789'.split('').map(measure)));
  const narrow = { ':': Math.ceil(measure(':')), '-': Math.ceil(measure('-')) };
  return { style, cells: { digit, narrow } };
}

export function createClockDigits(face: ClockFace, maxWidth: number): ClockDigits {
  return { root: new Container({ label: 'clockDigits' }), shown: '', face, maxWidth };
}

/**
 * Shows `text` with its right edge at the root's origin and its vertical centre on it. Shrinks the whole
 * readout when it would be wider than `maxWidth` (a clock run for days in a rehearsal show). Returns true
 * when what is shown changed.
 */
export function showClockDigits(digits: ClockDigits, text: string): boolean {
  if (text === digits.shown) return false;
  const chars = [...text];
  const { root } = digits;
  const { cells, style } = digits.face;
  while (root.children.length < chars.length) {
    const cell = new Text({ text: '', style });
    cell.anchor.set(0.5, 0.5);
    root.addChild(cell);
  }
  const widths = chars.map((c) => cells.narrow[c] ?? cells.digit);
  const total = widths.reduce((a, b) => a + b, 0);
  // Right-aligned: the seconds stay put when the clock gains its hours digit.
  let x = -total;
  root.children.forEach((child, i) => {
    const cell = child as Text;
    const char = chars[i];
    cell.visible = char !== undefined;
    if (char === undefined) return;
    if (cell.text !== char) cell.text = char;
    cell.position.set(x + widths[i]! / 2, 0);
    x += widths[i]!;
  });
  root.scale.set(total > digits.maxWidth ? digits.maxWidth / total : 1);
  digits.shown = text;
  return true;
}
