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
  /**
   * The hub's own auto-out: clears a layer when the take `onAirId` is still on it and its out-time has come.
   * The hub sends it itself; sent by hand it is refused unless both hold.
   */
  z.strictObject({ type: z.literal('autoOut'), layer: LayerId, onAirId: z.string().min(1).max(40) }),
] as const;
