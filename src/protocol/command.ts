import { z } from 'zod';
import { GraphicSpec } from './graphicSpec';
import { LayerId } from './layers';

/**
 * Everything that can change the show, as one discriminated union. Every edge (WebSocket, HTTP, template
 * files, operator forms) parses input with this schema; the reducer in src/state trusts its output.
 */
export const Command = z.discriminatedUnion('type', [
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
]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command['type'];
