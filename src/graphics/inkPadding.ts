import { CanvasTextMetrics, fontStringFromTextStyle, type Text, type TextStyle } from 'pixi.js';

/** Printable ASCII: drawn in the theme's own face, whose ascent and descent Pixi measures ("|ÉqÅM"), so it always fits. */
const ASCII = /^[\x20-\x7e\n]*$/;

/**
 * The padding (whole design pixels, on every side) a text's canvas needs so that none of its ink is cut off.
 * Pixi sizes a text's canvas by the ascent and descent of the first face of its stack, measured on Latin
 * letters; a character drawn in a fallback face can reach further: Arabic's ر and ح descend well below
 * Barlow's q, and Vietnamese stacked accents rise above its É. Padding only grows the canvas: the text is laid
 * out, measured and placed exactly as before (Pixi offsets the quad by it), so a text that fits gets 0 and is
 * drawn as it always was.
 */
export function inkPadding(content: string, style: TextStyle): number {
  if (ASCII.test(content)) return 0;
  const font = fontStringFromTextStyle(style);
  const face = CanvasTextMetrics.measureFont(font);
  const context = CanvasTextMetrics._context;
  context.font = font;
  let ascent = 0;
  let descent = 0;
  for (const line of content.split('\n')) {
    const ink = context.measureText(line);
    ascent = Math.max(ascent, ink.actualBoundingBoxAscent);
    descent = Math.max(descent, ink.actualBoundingBoxDescent);
  }
  // A line height taller than the face centres the line in it: that much room is already there, above and below.
  const room = Math.max(0, ((style.lineHeight || face.fontSize) - face.fontSize) / 2);
  return Math.ceil(Math.max(0, ascent - face.ascent - room, descent - face.descent - room));
}

/** Gives a text (with a style of its own) the padding its content's ink needs (see inkPadding). */
export function makeRoomForInk(text: Text) {
  text.style.padding = inkPadding(text.text, text.style);
}
