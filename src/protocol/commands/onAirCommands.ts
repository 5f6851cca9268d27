import { z } from 'zod';
import { GraphicSpec } from '../graphicSpec';
import { LayerId } from '../layers';

/** Putting graphics on air and taking them off. */
export const onAirCommands = [
  z.strictObject({
    type: z.literal('take'),
    graphic: GraphicSpec,
    /** Defaults to the kind's own layer. */
    layer: LayerId.optional(),
  }),
  z.strictObject({
    type: z.literal('update'),
    layer: LayerId,
    graphic: GraphicSpec,
  }),
  z.strictObject({ type: z.literal('clear'), layer: LayerId }),
  z.strictObject({ type: z.literal('clearAll') }),
] as const;
