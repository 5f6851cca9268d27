import type { Page } from 'playwright-core';
import type { DrawnText } from '../../src/render/outputScene';

/**
 * For every text: that it was laid out in the faces it names. For every character drawn: the first family of its text's stack whose bundled face covers it (by the
 * face's unicode-range, loaded), that the text is measured exactly as in that face alone, and that the face
 * really has the glyph (the same width whichever system font the browser would otherwise fall back to).
 */
export function fontProblems(page: Page, texts: DrawnText[]): Promise<string[]> {
  return page.evaluate((drawn) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    const width = (font: string, text: string) => {
      ctx.font = font;
      return ctx.measureText(text).width;
    };
    const unquote = (family: string) => family.replace(/^["']|["']$/g, '');
    const ranges = (range: string) =>
      range.split(',').map((part) => {
        const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
        return [Number.parseInt(from!.replaceAll('?', '0'), 16), Number.parseInt(to!.replaceAll('?', 'F'), 16)] as const;
      });
    const loaded = [...document.fonts].filter((face) => face.status === 'loaded');
    const covers = (family: string, codePoint: number) =>
      loaded.some((face) => unquote(face.family) === family && ranges(face.unicodeRange).some(([a, b]) => codePoint >= a && codePoint <= b));
    const problems: string[] = [];
    for (const text of drawn) {
      const font = (families: string) => `${text.fontWeight} ${text.fontSize}px ${families}`;
      const stack = font(text.fontFamily.map((f) => `"${f}"`).join(', '));
      // Laid out with the faces it is drawn in: a face that loaded only after the text was measured (and
      // drawn in a system font meanwhile) leaves it a different width from what it measures now. Pixi's
      // measure: the advance or the ink, whichever is wider, of its widest line.
      ctx.font = stack;
      const lineWidth = (line: string) => {
        const metrics = ctx.measureText(line);
        return Math.max(metrics.width, metrics.actualBoundingBoxLeft + metrics.actualBoundingBoxRight);
      };
      const expected = Math.max(...text.text.split('\n').map(lineWidth));
      const laidOut = (text.right - text.left) / text.scaleX;
      if (Math.abs(laidOut - expected) > 1) problems.push(`"${text.text}" was laid out ${laidOut.toFixed(1)} px wide, but is ${expected.toFixed(1)} px in its faces`);
      for (const char of new Set(text.text)) {
        if (/\s/u.test(char)) continue;
        const family = text.fontFamily.find((f) => covers(f, char.codePointAt(0)!));
        if (!family) {
          problems.push(`"${char}" of "${text.text}": no bundled face among ${text.fontFamily.join(', ')}`);
          continue;
        }
        if (width(stack, char) !== width(font(`"${family}"`), char)) problems.push(`"${char}" of "${text.text}" is not drawn in ${family}`);
        if (width(font(`"${family}", monospace`), char) !== width(font(`"${family}", serif`), char)) {
          problems.push(`"${char}" of "${text.text}": ${family} has no glyph for it`);
        }
      }
    }
    return problems;
  }, texts);
}
