import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeSegmenterLazy } from './lazyGraphemeSegmenter';

// The file as installed, so a Pixi update that changes it fails here as well as in the build.
const pixiMetrics = readFileSync(new URL('../node_modules/pixi.js/lib/scene/text/canvas/CanvasTextMetrics.mjs', import.meta.url), 'utf8');

describe('lazyGraphemeSegmenter', () => {
  it('makes Pixi build its segmenter on first use and count graphemes only for letter spacing', () => {
    const edited = makeSegmenterLazy(pixiMetrics);
    expect(edited).not.toContain('const segmenter = new Intl.Segmenter();');
    expect(edited).toContain('(segmenter ??= new Intl.Segmenter()).segment(s)');
    expect(edited).toContain('letterSpacingVal = letterSpacing === 0 ? 0 : (_CanvasTextMetrics.graphemeSegmenter(text).length - 1) * letterSpacing;');
    // Nothing else changed.
    expect(edited.length - pixiMetrics.length).toBe('let segmenter;'.length - 'const segmenter = new Intl.Segmenter();'.length + '(segmenter ??= new Intl.Segmenter())'.length - 'segmenter'.length + 'letterSpacing === 0 ? 0 : '.length);
  });

  it('fails the build when Pixi no longer has the code it edits', () => {
    expect(() => makeSegmenterLazy(pixiMetrics.replace('new Intl.Segmenter()', 'new Intl.Segmenter("en")'))).toThrow(
      "lazyGraphemeSegmenter: Pixi's CanvasTextMetrics.mjs no longer has `const segmenter = new Intl.Segmenter();`; check scripts/lazyGraphemeSegmenter.ts against it",
    );
  });
});
