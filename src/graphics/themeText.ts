import { Graphics, Text } from 'pixi.js';
import type { Theme } from '../protocol/templates/theme';

type Face = 'display' | 'text';

/** A Text in one of the theme's faces, anchored at its left-middle (texts are placed by their row's centre line). */
export function themeText(theme: Theme, face: Face, fill: string, fontSize: number): Text {
  const font = theme.fonts[face];
  const text = new Text({ text: '', style: { fontFamily: font.family, fontWeight: String(font.weight) as '700', fill, fontSize } });
  text.anchor.set(0, 0.5);
  return text;
}

/** A 1x1 rectangle in a colour, sized by its scale, so a box's width or height animates as one number. */
export function unitBox(colour: string): Graphics {
  return new Graphics().rect(0, 0, 1, 1).fill(colour);
}
