import { Text } from 'pixi.js';
import type { Theme } from '../protocol/templates/theme';

/** A Text in one of the theme's two faces. Text is always literal: no markup is interpreted. */
export function themeText(theme: Theme, face: 'display' | 'text', fill: string, fontSize: number): Text {
  const font = theme.fonts[face];
  return new Text({
    text: '',
    style: { fontFamily: font.family, fontWeight: String(font.weight) as '700', fill, fontSize },
  });
}
