import { CanvasPool, CanvasTextGenerator, CanvasTextMetrics, DOMAdapter, fontStringFromTextStyle, Text, type Container, type TextStyle } from 'pixi.js';
import { createTextCanvasReserve, type CanvasAndContext, type TextCanvasReserve } from './textCanvasReserve';

type Pool = { _createCanvasAndContext?: (width: number, height: number) => { canvas: unknown; context: unknown } };

/**
 * Pixi draws every text into a canvas of its CanvasPool, which is only ever read (drawn into a layer, or uploaded
 * to WebGL), never shown. Asked for with `willReadFrequently`, Chromium keeps such a canvas in plain memory rather
 * than memory it could show or composite: here a 512x64 text canvas's first drawing costs 0.7 ms instead of 1.9,
 * and drawing it into a layer less too, so a cold start's first frame, or a leaderboard's first ten rows (~30 new
 * texts) arriving on air, no longer cost a frame of their own. Pixi 8.22 makes the pool's canvases in
 * `_createCanvasAndContext` with a bare getContext('2d'); if a Pixi update renames it, this says so and changes
 * nothing (test/output.test.ts checks the texts' canvases).
 *
 * A canvas the pool lacks while a text is drawn comes from the reserve of spare text canvases made between
 * frames (textCanvasReserve.ts), drawn on already in the fonts last asked for at its size.
 */
export function useReadableTextCanvases() {
  if (reserve) return;
  const pool = CanvasPool as unknown as Pool;
  if (typeof pool._createCanvasAndContext !== 'function') {
    console.warn("Pixi's CanvasPool no longer makes its canvases in _createCanvasAndContext: texts are drawn into canvases Chromium keeps in shared memory (slower to draw the first time)");
    return;
  }
  const spares = (reserve = createTextCanvasReserve(readableCanvas));
  const drawing = textsDrawn();
  pool._createCanvasAndContext = (width, height) => {
    const style = drawing.style();
    // Only texts' canvases are kept in reserve: the pool serves Pixi's other uses too.
    return style ? spares.take(width, height, fontStringFromTextStyle(style)) : readableCanvas(width, height);
  };
}

/** Made by the first renderer (one pool per page). */
let reserve: TextCanvasReserve | null = null;

/** Each text told to the reserve, with what it held then. */
const expected = new WeakMap<Text, string>();

/**
 * Tells the reserve about the texts under `root` that are built but not drawn yet (under a container not
 * renderable: a board's new row before it fades in), with the canvas size Pixi's text generator will ask its pool
 * for (CanvasTextGenerator.getCanvasAndContext) at `resolution`, so their canvases are readied in idle time.
 */
export function expectTexts(root: Container, resolution: number) {
  if (!reserve) return;
  const spares = reserve;
  const walk = (node: Container, hidden: boolean) => {
    if (node.destroyed || !node.visible) return;
    const later = hidden || !node.renderable;
    if (later && node instanceof Text) {
      const seen = `${node.text}\u0000${node.style.styleKey}`;
      if (expected.get(node) === seen) return;
      expected.set(node, seen);
      const style = node.style;
      const padding = (style as unknown as { _getFinalPadding?: () => number })._getFinalPadding?.() ?? style.padding ?? 0;
      const measured = CanvasTextMetrics.measureText(node.text || ' ', style);
      const width = Math.ceil(Math.ceil(Math.max(1, measured.width) + padding * 2) * resolution);
      const height = Math.ceil(Math.ceil(Math.max(1, measured.height) + padding * 2) * resolution);
      const size = CanvasPool.getOptimalSize(width, height);
      spares.expect(size.width, size.height, fontStringFromTextStyle(style));
      return;
    }
    for (const child of node.children) walk(child, later);
  };
  walk(root, false);
}

function readableCanvas(width: number, height: number): CanvasAndContext {
  const canvas = DOMAdapter.get().createCanvas(width, height);
  return { canvas, context: canvas.getContext('2d', { willReadFrequently: true }) as unknown as CanvasAndContext['context'] };
}

type Generator = { getCanvasAndContext?: (options: { style: TextStyle }) => unknown };

/**
 * The style of the text Pixi is drawing now, if it is drawing one: Pixi's text generator asks the pool for a canvas
 * in `getCanvasAndContext`, and sets the style's font on it right after.
 */
function textsDrawn() {
  const generator = CanvasTextGenerator as unknown as Generator;
  let current: TextStyle | null = null;
  const original = generator.getCanvasAndContext?.bind(generator);
  if (!original) {
    console.warn("Pixi's text generator no longer has getCanvasAndContext: spare text canvases are not kept");
    return { style: () => null };
  }
  generator.getCanvasAndContext = (options) => {
    current = options.style;
    try {
      return original(options);
    } finally {
      current = null;
    }
  };
  return { style: () => current };
}
