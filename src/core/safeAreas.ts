/**
 * Safe areas for 16:9 production, EBU R 95 (2008; the same figures as ITU-R BT.1848): essential action stays
 * inside the action-safe area, 3.5 % in from each edge (93 % of width and height), and every graphic inside the
 * graphics-safe area, 5 % in from each edge (90 %). At 1920x1080 that is 1786x1004 and 1728x972.
 */
export const SAFE_AREA_MARGINS = { action: 0.035, graphics: 0.05 } as const;
export type SafeAreaKind = keyof typeof SAFE_AREA_MARGINS;

/** A rectangle in pixels, top-left origin. */
export type Box = { x: number; y: number; width: number; height: number };

/** The safe area of a picture `width` x `height`, centred, on whole pixels. */
export function safeArea(kind: SafeAreaKind, width: number, height: number): Box {
  const x = Math.round(width * SAFE_AREA_MARGINS[kind]);
  const y = Math.round(height * SAFE_AREA_MARGINS[kind]);
  return { x, y, width: width - 2 * x, height: height - 2 * y };
}

/** True when `inner` lies wholly inside `outer` (edges may touch). */
export function isInside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}
