import type { LayerId } from '../protocol/layers';
import { selectTheme, type TemplateLibrary } from '../protocol/templates/templateSet';
import type { Rect } from '../protocol/templates/theme';
import type { ShowState } from '../state/showState';
import { pixelBox, sceneScale } from './layerGeometry';

/**
 * Layer canvases made before Pixi is in. A canvas's first drawing allocates its pixels, and on this kind of
 * machine (software canvas, no GPU) that costs about 1 ms per 60,000 pixels: 15 ms for the layers of a
 * marathon scene, all of it inside a cold start's first frame. The output page makes the canvases of the
 * layers on air while Pixi's chunk is still downloading and compiling, clears each once (which allocates
 * it), and the scene's canvas renderers are given them (see createLayerSurface). Only for the canvas
 * renderer; a canvas whose layer changed size meanwhile is not used.
 */
export type WarmCanvases = {
  /**
   * Once the templates and the first snapshot are in: the canvases of the layers `show` has on air, at their size
   * on a `width` x `height` output in its theme, made in a task of their own. Once per page, and never once a
   * layer has taken its canvas (the scene is being made).
   */
  warmOnAir(library: TemplateLibrary, show: ShowState, width: number, height: number): void;
  /** Makes and allocates a canvas of this size for `layer`, unless one is already made. */
  warm(layer: string, width: number, height: number): void;
  /** The canvas made for `layer`, if it has this size (once: the scene owns it from then on). */
  take(layer: string, width: number, height: number): HTMLCanvasElement | undefined;
  /** Lets go of every canvas not taken. */
  clear(): void;
};

export function createWarmCanvases(doc: Document = document): WarmCanvases {
  const made = new Map<string, HTMLCanvasElement>();
  let asked = false;
  let taken = false;
  const pool: WarmCanvases = {
    warmOnAir(library, show, width, height) {
      if (asked) return;
      asked = true;
      setTimeout(() => {
        if (taken) return;
        const { theme } = selectTheme(library, show.theme);
        const scale = sceneScale(width, height);
        for (const [layer, graphic] of Object.entries(show.onAir)) {
          const region = theme.regions[layer as LayerId] as Rect | undefined;
          if (!graphic || !region) continue;
          const box = pixelBox(region, scale);
          pool.warm(layer, box.width, box.height);
        }
      }, 0);
    },
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
      taken = true;
      const canvas = made.get(layer);
      made.delete(layer);
      return canvas && canvas.width === width && canvas.height === height ? canvas : undefined;
    },
    clear: () => made.clear(),
  };
  return pool;
}
