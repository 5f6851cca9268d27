import type { Rect } from '../protocol/templates/theme';

// Where layers go on an output, without Pixi: the output page sizes its layer canvases with these before
// Pixi's chunk has arrived (see warmCanvases.ts), and the scene with the same numbers once it has.

export const DESIGN_WIDTH = 1920;
export const DESIGN_HEIGHT = 1080;

/** Output pixels per design pixel: 1 at 1080p, 2/3 at 720p, 2 at 2160p. */
export function sceneScale(width: number, height: number) {
  return Math.min(width / DESIGN_WIDTH, height / DESIGN_HEIGHT);
}

/**
 * A design-space region in whole output pixels (canvases on fractional CSS positions would blur). Each edge is
 * rounded to the nearest output pixel, as the renderers round what they draw at a fractional scale (720p): the
 * canvas is exactly the scaled region's size (1200x600 at 2/3 is 800x400) and a graphic's edge at the region's
 * edge lands on the canvas's. At 1080p and 2160p every edge is whole already.
 */
export function pixelBox(region: Rect, scale: number) {
  const x = Math.round(region.x * scale);
  const y = Math.round(region.y * scale);
  return { x, y, width: Math.round((region.x + region.width) * scale) - x, height: Math.round((region.y + region.height) * scale) - y };
}
