import { Graphics, Text } from 'pixi.js';
import type { Theme } from '../protocol/templates/theme';

type Face = 'display' | 'text';

/**
 * A Text in one of the theme's faces. Text is always literal: no markup is interpreted. `anchorY` 0.5 places
 * a text by its row's centre line.
 */
export function themeText(theme: Theme, face: Face, fill: string, fontSize: number, anchorY: 0 | 0.5 = 0): Text {
  const font = theme.fonts[face];
  const text = new Text({ text: '', style: { fontFamily: font.family, fontWeight: String(font.weight) as '700', fill, fontSize } });
  text.anchor.set(0, anchorY);
  return text;
}

/** A 1x1 rectangle in a colour, sized by its scale, so a box's width or height animates as one number. */
export function unitBox(colour: string): Graphics {
  return new Graphics().rect(0, 0, 1, 1).fill(colour);
}
