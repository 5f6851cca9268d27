import { describe, expect, it } from 'vitest';
import { createWarmCanvases } from './warmCanvases';

/** Just enough of a document for the pool: canvases that record their first clear (what allocates a real one). */
function page() {
  const cleared: string[] = [];
  const doc = {
    createElement: () => {
      const canvas = { width: 0, height: 0, getContext: (_kind: string, attributes: { alpha: boolean }) => ({ clearRect: (_x: number, _y: number, w: number, h: number) => cleared.push(`${w}x${h} alpha ${attributes.alpha}`) }) };
      return canvas;
    },
  } as unknown as Document;
  return { doc, cleared };
}

describe('warm layer canvases', () => {
  it('gives a layer the canvas made and cleared for it, once, and only at the size it was made', () => {
    const { doc, cleared } = page();
    const warm = createWarmCanvases(doc);
    warm.warm('lowerThird', 1400, 236);
    warm.warm('crawl', 1920, 62);
    expect(cleared).toEqual(['1400x236 alpha true', '1920x62 alpha true']);
    const lowerThird = warm.take('lowerThird', 1400, 236);
    expect([lowerThird?.width, lowerThird?.height]).toEqual([1400, 236]);
    expect(warm.take('lowerThird', 1400, 236)).toBeUndefined();
    // The layer's region changed meanwhile (edited templates): a canvas of the old size is not used.
    expect(warm.take('crawl', 1920, 80)).toBeUndefined();
    expect(warm.take('clock', 640, 240)).toBeUndefined();
  });

  it('makes one canvas per layer, none of no size, and lets go of every canvas on clear', () => {
    const { doc, cleared } = page();
    const warm = createWarmCanvases(doc);
    warm.warm('clock', 640, 240);
    warm.warm('clock', 640, 240);
    warm.warm('banner', 0, 200);
    expect(cleared).toEqual(['640x240 alpha true']);
    warm.clear();
    expect(warm.take('clock', 640, 240)).toBeUndefined();
  });
});
