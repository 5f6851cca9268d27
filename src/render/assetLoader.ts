import { Assets } from 'pixi.js';
import type { GraphicAsset } from '../graphics/graphicDefinition';

/**
 * Loads graphics' images (flags) into Pixi's Assets cache, each once. `resolution` is the output's scale, so
 * an SVG is rasterised at exactly the pixels it covers on this output.
 */
export function createAssetLoader(resolution: number) {
  const inFlight = new Map<string, Promise<void>>();
  const failed = new Set<string>();

  async function load(asset: GraphicAsset) {
    try {
      const src = await asset.url();
      // Mipmaps keep a flag drawn smaller than its raster smooth on WebGL.
      await Assets.load({ alias: asset.alias, src, data: { width: asset.width, height: asset.height, resolution, autoGenerateMipmaps: true } });
    } catch (error) {
      // A missing image must not keep a graphic off air: it is drawn without it (see loadedTexture).
      console.error(`Could not load ${asset.alias}: ${(error as Error).message}; the graphic is drawn without it`);
      failed.add(asset.alias);
    } finally {
      inFlight.delete(asset.alias);
    }
  }

  return {
    /** True when every asset is loaded (or has failed for good); starts loading the others. */
    ready(assets: readonly GraphicAsset[]): boolean {
      let ready = true;
      for (const asset of assets) {
        if (failed.has(asset.alias) || Assets.cache.has(asset.alias)) continue;
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
