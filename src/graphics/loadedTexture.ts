import { Assets, type Texture } from 'pixi.js';

/** A texture the renderer has loaded for a graphic (see GraphicAsset), or null when it could not be loaded. */
export function loadedTexture(alias: string): Texture | null {
  return Assets.cache.has(alias) ? (Assets.cache.get(alias) as Texture) : null;
}
