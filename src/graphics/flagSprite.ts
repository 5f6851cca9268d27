import { Sprite } from 'pixi.js';
import { flagAlias } from './flags';
import { loadedTexture } from './loadedTexture';

/** A country's flag (alpha-2) at a width, 4:3, or null without a country or when its flag could not be loaded. */
export function flagSprite(alpha2: string | null, width: number): Sprite | null {
  const texture = alpha2 ? loadedTexture(flagAlias(alpha2)) : null;
  if (!texture) return null;
  const sprite = new Sprite(texture);
  sprite.setSize(width, Math.round((width * 3) / 4));
  return sprite;
}
