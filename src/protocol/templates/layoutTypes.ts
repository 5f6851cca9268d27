import { z } from 'zod';

/** A length in design pixels (the 1920x1080 frame). */
export const px = z.number().min(0).max(3840).describe('A length in design pixels (of the 1920x1080 frame)');
/** A font size in design pixels. */
export const fontSize = z.number().min(6).max(400).describe('A font size in design pixels');

/**
 * A layout's cross-field check: in each [min, max] pair (a font's minimum size and its size, a minimum and
 * maximum width) the first is at most the second. A text shrinks from its size to its minimum, a card grows
 * from its minimum width to its maximum: the other way round they draw a strip or never shrink.
 */
export function minAtMostMax<K extends string>(...pairs: readonly (readonly [K, K])[]) {
  return (layout: Record<K, unknown>, ctx: z.RefinementCtx) => {
    for (const [min, max] of pairs) {
      const [low, high] = [layout[min], layout[max]];
      if (typeof low === 'number' && typeof high === 'number' && low > high) {
        ctx.addIssue({ code: 'custom', path: [min], message: `${min} (${low}) must be at most ${max} (${high})` });
      }
    }
  };
}
