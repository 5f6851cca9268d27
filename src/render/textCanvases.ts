import { CanvasPool, DOMAdapter } from 'pixi.js';

type Pool = { _createCanvasAndContext?: (width: number, height: number) => { canvas: unknown; context: unknown } };

/**
 * Pixi draws every text into a canvas of its CanvasPool, which is only ever read (drawn into a layer, or uploaded
 * to WebGL), never shown. Asked for with `willReadFrequently`, Chromium keeps such a canvas in plain memory rather
 * than memory it could show or composite: here a 512x64 text canvas's first drawing costs 0.7 ms instead of 1.9,
 * and drawing it into a layer less too, so a cold start's first frame, or a leaderboard's first ten rows (~30 new
 * texts) arriving on air, no longer cost a frame of their own. Pixi 8.22 makes the pool's canvases in
 * `_createCanvasAndContext` with a bare getContext('2d'); if a Pixi update renames it, this says so and changes
 * nothing (test/output.test.ts checks the texts' canvases).
 */
export function useReadableTextCanvases() {
  const pool = CanvasPool as unknown as Pool;
  if (typeof pool._createCanvasAndContext !== 'function') {
    console.warn("Pixi's CanvasPool no longer makes its canvases in _createCanvasAndContext: texts are drawn into canvases Chromium keeps in shared memory (slower to draw the first time)");
    return;
  }
  pool._createCanvasAndContext = (width, height) => {
    const canvas = DOMAdapter.get().createCanvas(width, height);
    return { canvas, context: canvas.getContext('2d', { willReadFrequently: true }) };
  };
}
