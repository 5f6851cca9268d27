import { isInside, safeArea, type Box } from '../../core/safeAreas';
import type { LayerId } from '../layers';

/** The design frame every theme region and layout is drawn in; outputs scale it to their format. */
export const DESIGN_FRAME: Box = { x: 0, y: 0, width: 1920, height: 1080 };

/**
 * The EBU R 95 safe areas of the 1920x1080 design frame (src/core/safeAreas.ts): action-safe 93 % and
 * graphics (title) safe 90 % of width and height, centred. Text must stay inside TITLE_SAFE.
 */
export const ACTION_SAFE = safeArea('action', 1920, 1080);
export const TITLE_SAFE = safeArea('graphics', 1920, 1080);

/** A region's fault: the field of the region to change and a sentence naming the limit. */
export type RegionProblem = { path: 'x' | 'y' | 'width' | 'height'; message: string };

const ACTION = 'action-safe (EBU R 95: 3.5 % in from each edge)';
const CRAWL = 'graphics-safe (EBU R 95: 5 % in; the crawl runs edge to edge, but inside graphics-safe top to bottom)';

/**
 * Where a layer's region (already inside the design frame) reaches past its safe area: every layer stays inside
 * action-safe, so nothing it draws is lost to overscan; the crawl runs in from the right edge and out at the
 * left by design, so only its top and bottom are held, to graphics-safe (README "Safe areas").
 */
export function regionSafeAreaProblems(layer: LayerId, region: Box): RegionProblem[] {
  if (layer === 'crawl') return edgeProblems(region, TITLE_SAFE, CRAWL, { horizontal: false });
  return edgeProblems(region, ACTION_SAFE, ACTION, { horizontal: true });
}

/** One problem per edge of `region` past the same edge of `area`. */
export function edgeProblems(region: Box, area: Box, name: string, { horizontal }: { horizontal: boolean }): RegionProblem[] {
  if (isInside(region, area)) return [];
  const right = area.x + area.width;
  const bottom = area.y + area.height;
  const problems: RegionProblem[] = [];
  if (horizontal && region.x < area.x) problems.push({ path: 'x', message: `x (${region.x}) must be at least ${area.x}, the left edge of ${name}` });
  if (region.y < area.y) problems.push({ path: 'y', message: `y (${region.y}) must be at least ${area.y}, the top edge of ${name}` });
  if (horizontal && region.x + region.width > right) problems.push({ path: 'width', message: `x + width (${region.x + region.width}) must be at most ${right}, the right edge of ${name}` });
  if (region.y + region.height > bottom) problems.push({ path: 'height', message: `y + height (${region.y + region.height}) must be at most ${bottom}, the bottom edge of ${name}` });
  return problems;
}
