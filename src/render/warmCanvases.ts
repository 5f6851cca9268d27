/**
 * Layer canvases made before Pixi is in. A canvas's first drawing allocates its pixels, and on this kind of
 * machine (software canvas, no GPU) that costs about 1 ms per 60,000 pixels: 15 ms for the layers of a
 * marathon scene, all of it inside a cold start's first frame. The output page makes the canvases of the
 * layers on air while Pixi's chunk is still downloading and compiling, clears each once (which allocates
 * it), and the scene's canvas renderers are given them (see createLayerSurface). Only for the canvas
 * renderer; a canvas whose layer changed size meanwhile is not used.
 */
export type WarmCanvases = {
  /** Makes and allocates a canvas of this size for `layer`, unless one is already made. */
  warm(layer: string, width: number, height: number): void;
  /** The canvas made for `layer`, if it has this size (once: the scene owns it from then on). */
  take(layer: string, width: number, height: number): HTMLCanvasElement | undefined;
  /** Lets go of every canvas not taken. */
  clear(): void;
};

export function createWarmCanvases(doc: Document = document): WarmCanvases {
  const made = new Map<string, HTMLCanvasElement>();
  return {
    warm(layer, width, height) {
      if (made.has(layer) || width <= 0 || height <= 0) return;
      const canvas = doc.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      // The same context Pixi's canvas renderer asks for (a transparent background: alpha), so it gets this one.
      canvas.getContext('2d', { alpha: true })?.clearRect(0, 0, width, height);
      made.set(layer, canvas);
    },
    take(layer, width, height) {
      const canvas = made.get(layer);
      made.delete(layer);
      return canvas && canvas.width === width && canvas.height === height ? canvas : undefined;
    },
    clear: () => made.clear(),
  };
}
