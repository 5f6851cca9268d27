/**
 * Spare text canvases, made between frames. Pixi draws each text into a canvas of its CanvasPool, and makes a new
 * one when the pool has none of the size. A new canvas costs its frame three things here (bench/textCanvasCost.ts,
 * 128x62): making it (0.07 ms), its first drawing, which allocates its pixels (0.21 ms more), and the first text
 * drawn in each font on its context (0.16 ms; later texts in that font cost 0.015 ms): ~0.5 ms a text, against
 * 0.025 ms on a spare. A leaderboard whose ten rows are all new athletes makes ~40 texts in one frame: ~20 ms, a
 * dropped frame.
 *
 * The reserve keeps, per canvas size, as many spare canvases as texts of that size were last made in one burst
 * (the frames between two top-ups), each already drawn on in the fonts last asked for at that size, and gives one
 * out when Pixi would make a canvas. Texts built to be drawn later (a board's new rows, not renderable until they
 * fade in) are told to it (`expect`) so their spares are ready first, even on a page that never drew that size.
 * It is topped up in idle time, a few milliseconds at a time. Bounded: at most MAX_PER_SIZE spares of a size and
 * MAX_PIXELS pixels in all.
 */
export type CanvasAndContext = { canvas: { width: number; height: number }; context: CanvasDrawing };
type CanvasDrawing = {
  font: string;
  fillText(text: string, x: number, y: number): void;
  clearRect(x: number, y: number, width: number, height: number): void;
  resetTransform(): void;
};

export const MAX_PER_SIZE = 32;
export const MAX_PIXELS = 2_000_000;
const FONTS_PER_SIZE = 4;
/** Main thread a top-up may take at once (ms). */
const SLICE_MS = 3;

type Size = { width: number; height: number; spare: CanvasAndContext[]; target: number; madeInBurst: number; fonts: string[] };

export type Idle = (work: (timeLeft: () => number) => void) => void;

export type TextCanvasReserve = {
  /** A canvas for a text in `font` (null if unknown): a spare if there is one, else a new one. */
  take(width: number, height: number, font: string | null): CanvasAndContext;
  /** A text of that size and font will be drawn soon (it is built, not yet drawn): a spare is readied for it. */
  expect(width: number, height: number, font: string): void;
  /** Spare canvases and their pixels, per size (`WxH`). */
  stats(): { spare: number; pixels: number; sizes: Record<string, number> };
};

export function createTextCanvasReserve(make: (width: number, height: number) => CanvasAndContext, idle: Idle = idleCallback): TextCanvasReserve {
  const sizes = new Map<string, Size>();
  let pixels = 0;
  let scheduled = false;

  function sizeOf(width: number, height: number) {
    const key = `${width}x${height}`;
    let size = sizes.get(key);
    if (!size) sizes.set(key, (size = { width, height, spare: [], target: 0, madeInBurst: 0, fonts: [] }));
    return size;
  }

  function warm(size: Size): CanvasAndContext {
    const made = make(size.width, size.height);
    const { context } = made;
    // The first drawing allocates the pixels; one text in each font readies the context's font for it.
    for (const font of size.fonts.length ? size.fonts : ['10px sans-serif']) {
      context.font = font;
      context.fillText('0', 0, size.height);
    }
    context.resetTransform();
    context.clearRect(0, 0, size.width, size.height);
    return made;
  }

  function topUp(timeLeft: () => number) {
    scheduled = false;
    const started = performance.now();
    for (const size of sizes.values()) size.madeInBurst = 0;
    for (const size of sizes.values()) {
      while (size.spare.length < size.target && pixels + size.width * size.height <= MAX_PIXELS) {
        if (timeLeft() < 1 || performance.now() - started > SLICE_MS) return schedule();
        size.spare.push(warm(size));
        pixels += size.width * size.height;
      }
    }
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    idle(topUp);
  }

  /** Counts a canvas of this size and font into the current burst, and asks for idle time to top up. */
  function demand(width: number, height: number, font: string | null) {
    const size = sizeOf(width, height);
    size.madeInBurst++;
    size.target = Math.min(MAX_PER_SIZE, Math.max(size.target, size.madeInBurst));
    if (font && size.fonts[0] !== font) size.fonts = [font, ...size.fonts.filter((f) => f !== font)].slice(0, FONTS_PER_SIZE);
    schedule();
    return size;
  }

  return {
    expect(width, height, font) {
      demand(width, height, font);
    },
    take(width, height, font) {
      const size = demand(width, height, font);
      const spare = size.spare.pop();
      if (!spare) return make(width, height);
      pixels -= width * height;
      return spare;
    },
    stats() {
      const bySize: Record<string, number> = {};
      let spare = 0;
      for (const [key, size] of sizes) {
        if (size.spare.length) bySize[key] = size.spare.length;
        spare += size.spare.length;
      }
      return { spare, pixels, sizes: bySize };
    },
  };
}

/** requestIdleCallback where there is one (Chromium, Firefox); elsewhere a timer and a fixed slice. */
function idleCallback(work: (timeLeft: () => number) => void) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback((deadline) => work(() => deadline.timeRemaining()), { timeout: 1000 });
  else setTimeout(() => work(() => SLICE_MS), 50);
}
