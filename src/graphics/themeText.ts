import { Graphics, Text } from 'pixi.js';
import type { Theme } from '../protocol/templates/theme';
import { fontStack } from './fitText';

type Face = 'display' | 'text';

/**
 * A Text in one of the theme's faces, with the bundled fallback after it (fontStack), so a name in a script
 * the face lacks ("Гонсалес", "Κώστας") is drawn in a face the page bundles, never as boxes or in whatever
 * the machine has. Text is always literal: no markup is interpreted. `anchorY` 0.5 places a text by its
 * row's centre line.
 */
export function themeText(theme: Theme, face: Face, fill: string, fontSize: number, anchorY: 0 | 0.5 = 0): Text {
  const text = new Text({ text: '', style: { ...themeFont(theme, face), fill, fontSize } });
  text.anchor.set(0, anchorY);
  return text;
}

/** The Pixi font style (family stack and weight) of one of the theme's faces. */
export function themeFont(theme: Theme, face: Face) {
  const font = theme.fonts[face];
  return { fontFamily: fontStack(font), fontWeight: String(font.weight) as '700' };
}

/** A 1x1 rectangle in a colour, sized by its scale, so a box's width or height animates as one number. */
export function unitBox(colour: string): Graphics {
  return new Graphics().rect(0, 0, 1, 1).fill(colour);
}
