import { z } from 'zod';
import { GraphicSpec } from '../graphicSpec';
import { LayerId } from '../layers';
import { ItemId } from '../rundownItem';

/** The rundown item the graphic comes from, so panels can show it on air (tally). */
const itemId = ItemId.optional();

/** Putting graphics on air and taking them off. */
export const onAirCommands = [
  z.strictObject({
    type: z.literal('take'),
    graphic: GraphicSpec,
    /** Defaults to the kind's own layer. */
    layer: LayerId.optional(),
    itemId,
  }),
  z.strictObject({
    type: z.literal('update'),
    layer: LayerId,
    graphic: GraphicSpec,
    itemId,
  }),
  z.strictObject({ type: z.literal('clear'), layer: LayerId }),
  z.strictObject({ type: z.literal('clearAll') }),
] as const;
