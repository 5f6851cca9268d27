import type { Rect } from '../protocol/templates/theme';

// Where layers go on an output, without Pixi: the output page sizes its layer canvases with these before
// Pixi's chunk has arrived (see warmCanvases.ts), and the scene with the same numbers once it has.

export const DESIGN_WIDTH = 1920;
export const DESIGN_HEIGHT = 1080;

/** Output pixels per design pixel: 1 at 1080p, 2/3 at 720p, 2 at 2160p. */
export function sceneScale(width: number, height: number) {
  return Math.min(width / DESIGN_WIDTH, height / DESIGN_HEIGHT);
}

/** A design-space region in whole output pixels (canvases on fractional CSS positions would blur). */
export function pixelBox(region: Rect, scale: number) {
  const x = Math.floor(region.x * scale);
  const y = Math.floor(region.y * scale);
  return { x, y, width: Math.ceil((region.x + region.width) * scale) - x, height: Math.ceil((region.y + region.height) * scale) - y };
}
