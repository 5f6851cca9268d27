import { Container, Text, type TextStyleOptions } from 'pixi.js';

/**
 * A clock readout drawn one character per Text in fixed-width cells, right-aligned: proportional digits
 * would make the time wobble sideways every second, and only the characters that changed are redrawn.
 */
export type ClockDigits = { root: Container; shown: string; cells: { digit: number; narrow: Record<string, number> }; style: TextStyleOptions; maxWidth: number };

export function createClockDigits(style: TextStyleOptions, maxWidth: number): ClockDigits {
  const measure = (char: string) => {
    const probe = new Text({ text: char, style });
    const width = probe.width;
    probe.destroy();
    return width;
  };
  const digit = Math.ceil(Math.max(...'0123456789'.split('').map(measure)));
  const narrow = { ':': Math.ceil(measure(':')), '-': Math.ceil(measure('-')) };
  return { root: new Container({ label: 'clockDigits' }), shown: '', cells: { digit, narrow }, style, maxWidth };
}

/**
 * Shows `text` with its right edge at the root's origin and its vertical centre on it. Shrinks the whole
 * readout when it would be wider than `maxWidth` (a clock run for days in a rehearsal show). Returns true
 * when what is shown changed.
 */
export function showClockDigits(digits: ClockDigits, text: string): boolean {
  if (text === digits.shown) return false;
  const chars = [...text];
  const { root, cells } = digits;
  while (root.children.length < chars.length) {
    const cell = new Text({ text: '', style: digits.style });
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
