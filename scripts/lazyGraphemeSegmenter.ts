import type { Plugin } from 'vite';

/** Pixi's text metrics module, where it makes and uses its grapheme segmenter. */
const METRICS_MODULE = /node_modules[\\/]pixi\.js[\\/]lib[\\/]scene[\\/]text[\\/]canvas[\\/]CanvasTextMetrics\.mjs$/;

/** Each edit: Pixi's code as it is, and the same behaviour without building or running a segmenter before one is needed. */
const EDITS: [string, string][] = [
  // The segmenter is made on its first use, not when the module is evaluated.
  [
    `const segmenter = new Intl.Segmenter();
    return (s) => {
      const segments = segmenter.segment(s);`,
    `let segmenter;
    return (s) => {
      const segments = (segmenter ??= new Intl.Segmenter()).segment(s);`,
  ],
  // Every text measured counted its graphemes to multiply the count by the letter spacing: without spacing the
  // product is 0 all the same.
  [
    `letterSpacingVal = (_CanvasTextMetrics.graphemeSegmenter(text).length - 1) * letterSpacing;`,
    `letterSpacingVal = letterSpacing === 0 ? 0 : (_CanvasTextMetrics.graphemeSegmenter(text).length - 1) * letterSpacing;`,
  ],
];

/**
 * Pixi makes an `Intl.Segmenter` when its text module is evaluated, and splits every text it measures into
 * graphemes, only to multiply their count by the letter spacing. The first segmenter loads the browser's
 * grapheme break rules: 15-20 ms of a cold output's main thread, for letter spacing and word wrapping, which
 * our graphics never use. This makes the segmenter on first use and skips the count when the spacing is 0 (the
 * same width either way). The build fails if a Pixi update changes that code, so the edit is looked at again.
 */
export function lazyGraphemeSegmenter(): Plugin {
  return {
    name: 'lazy-grapheme-segmenter',
    transform(code, id) {
      if (!METRICS_MODULE.test(id)) return null;
      return { code: makeSegmenterLazy(code), map: null };
    },
  };
}

/** Pixi's CanvasTextMetrics source with the edits above. */
export function makeSegmenterLazy(code: string): string {
  return EDITS.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`lazyGraphemeSegmenter: Pixi's CanvasTextMetrics.mjs no longer has \`${from.split('\n')[0]}\`; check scripts/lazyGraphemeSegmenter.ts against it`);
    return text.replace(from, to);
  }, code);
}
