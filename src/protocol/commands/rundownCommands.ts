import { z } from 'zod';
import { ItemId, RundownItemInput } from '../rundownItem';

/** The item revision an edit was made against; when the item has changed since, the edit is refused. */
const itemRevision = z.number().int().nonnegative().optional();

/** Preparing the rundown, and the lock that freezes it during a show (take and clear still work). */
export const rundownCommands = [
  z.strictObject({
    type: z.literal('rundown.add'),
    item: RundownItemInput,
    /** Insert after this item; by default at the end of the item's group (or of the rundown for a new group). */
    after: ItemId.optional(),
  }),
  z.strictObject({ type: z.literal('rundown.update'), id: ItemId, itemRevision, item: RundownItemInput }),
  z.strictObject({ type: z.literal('rundown.duplicate'), id: ItemId }),
  z.strictObject({ type: z.literal('rundown.remove'), id: ItemId, itemRevision }),
  z
    .strictObject({
      type: z.literal('rundown.move'),
      id: ItemId,
      /** The item's new position in the whole rundown, 0 first. */
      index: z.number().int().nonnegative().optional(),
      /** Or one place up (-1) or down (1) within its group, worked out on the hub's rundown, so quick presses add up. */
      by: z.union([z.literal(-1), z.literal(1)]).optional(),
    })
    .refine((c) => (c.index === undefined) !== (c.by === undefined), 'give either index (a position) or by (-1 or 1)'),
  z.strictObject({
    type: z.literal('rundown.import'),
    /** Each goes to the end of its group, in order; all in one revision. */
    items: z.array(RundownItemInput).min(1).max(500),
  }),
  z.strictObject({ type: z.literal('show.lock') }),
  z.strictObject({ type: z.literal('show.unlock') }),
] as const;
