import { z } from 'zod';

/**
 * What an output page sends to the vision mixer (README, "Output URL options"):
 * - `alpha`: fill with alpha on a transparent page (OBS, CasparCG, vMix read the alpha themselves);
 * - `fill`: the picture over black, for a keyer's fill input;
 * - `key`: the alpha as white on black, for the key input;
 * - `keyfill`: fill on the left and key on the right of one page twice as wide, both from the same render.
 */
export const OutputMode = z.enum(['alpha', 'fill', 'key', 'keyfill']);
export type OutputMode = z.infer<typeof OutputMode>;

/**
 * How a fill carries its edges. `premultiplied` (shaped): colour x alpha over black, for a keyer set to
 * premultiplied / shaped / additive key (CasparCG, ATEM "Pre Multiplied Key" on). `straight` (unshaped):
 * the colour itself wherever alpha > 0 and black where it is 0, for a keyer that multiplies by the key itself.
 * The key is the same for both.
 */
export const AlphaMode = z.enum(['premultiplied', 'straight']);
export type AlphaMode = z.infer<typeof AlphaMode>;
