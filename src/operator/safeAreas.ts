/**
 * Safe areas of the 16:9 frame after EBU R 95: action-safe keeps 3.5 % of the width and height clear at each
 * edge, graphics-safe (title-safe) 5 %. Figures as fractions of the frame, from each edge.
 */
export const SAFE_AREAS = [
  { name: 'Action safe', inset: { x: 0.035, y: 0.035 } },
  { name: 'Graphics safe', inset: { x: 0.05, y: 0.05 } },
] as const;
