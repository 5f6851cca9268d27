import { Assets } from 'pixi.js';
import type { GraphicAsset } from '../graphics/graphicDefinition';

/** An image that failed (its hub gone for a restart) is tried again for a graphic taken this long after, or later. */
export const RETRY_FAILED_MS = 2000;

/**
 * Loads graphics' images (flags) into Pixi's Assets cache, each once. `resolution` is the output's scale, so
 * an SVG is rasterised at exactly the pixels it covers on this output. One that failed is drawn without: a graphic
 * on air keeps it so (an update never waits on it), and a graphic taken later tries it again.
 */
export function createAssetLoader(resolution: number) {
  const inFlight = new Map<string, Promise<void>>();
  /** When each image that could not be loaded last failed (performance.now()). */
  const failed = new Map<string, number>();

  async function load(asset: GraphicAsset) {
    try {
      const src = await asset.url();
      // Mipmaps keep a flag drawn smaller than its raster smooth on WebGL.
      await Assets.load({ alias: asset.alias, src, data: { width: asset.width, height: asset.height, resolution, autoGenerateMipmaps: true } });
      failed.delete(asset.alias);
    } catch (error) {
      // A missing image must not keep a graphic off air: it is drawn without it (see loadedTexture).
      console.error(`Could not load ${asset.alias}: ${(error as Error).message}; the graphic is drawn without it`);
      failed.set(asset.alias, performance.now());
    } finally {
      inFlight.delete(asset.alias);
    }
  }

  return {
    /**
     * True when every asset is loaded (or has failed: drawn without it); starts loading the others. With
     * `retryFailed` (a graphic about to go on air, not one on air being updated) one that failed RETRY_FAILED_MS
     * ago or more is loaded again, and waited for like a new one.
     */
    ready(assets: readonly GraphicAsset[], retryFailed = true): boolean {
      let ready = true;
      for (const asset of assets) {
        if (Assets.cache.has(asset.alias)) continue;
        const failedAt = failed.get(asset.alias);
        if (failedAt !== undefined && (!retryFailed || (!inFlight.has(asset.alias) && performance.now() - failedAt < RETRY_FAILED_MS))) continue;
        ready = false;
        if (!inFlight.has(asset.alias)) inFlight.set(asset.alias, load(asset));
      }
      return ready;
    },
    /** Waits for every asset (loaded or failed). */
    async load(assets: readonly GraphicAsset[]): Promise<void> {
      this.ready(assets);
      await Promise.all(assets.map((asset) => inFlight.get(asset.alias)));
    },
    /** True while any load is in flight. */
    pending: () => inFlight.size > 0,
  };
}
export type AssetLoader = ReturnType<typeof createAssetLoader>;
