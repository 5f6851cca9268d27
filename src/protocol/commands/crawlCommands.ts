import { z } from 'zod';
import { CrawlItemContent, CrawlItemId, CrawlSpeed } from '../crawlItem';

const Index = z.number().int().min(0);

/** Editing the crawl's items and motion; whether it is on air is the usual take/clear of the crawl layer. */
export const crawlCommands = [
  z.strictObject({
    type: z.literal('crawlAdd'),
    item: CrawlItemContent,
    /** Defaults to a fresh id (c<revision>). */
    id: CrawlItemId.optional(),
    /** Where to insert it (0 = first); defaults to the end. */
    index: Index.optional(),
  }),
  /**
   * Replaces an item's content; an item already on screen keeps what it showed until it next enters.
   * `was` is the content the edit started from: when another operator has changed the item since, it is refused.
   */
  z.strictObject({ type: z.literal('crawlUpdate'), id: CrawlItemId, item: CrawlItemContent, was: CrawlItemContent.optional() }),
  /** `was` as for crawlUpdate: a removal is refused when the item has changed since the operator saw it. */
  z.strictObject({ type: z.literal('crawlRemove'), id: CrawlItemId, was: CrawlItemContent.optional() }),
  z
    .strictObject({
      type: z.literal('crawlMove'),
      id: CrawlItemId,
      /** The item's new position, 0 first. */
      index: Index.optional(),
      /** Or one place up (-1) or down (1), worked out on the hub's crawl, so quick presses add up. */
      by: z.union([z.literal(-1), z.literal(1)]).optional(),
    })
    .refine((c) => (c.index === undefined) !== (c.by === undefined), 'give either index (a position) or by (-1 or 1)'),
  /** false stops the crawl where it is; true carries on from there. */
  z.strictObject({ type: z.literal('crawlRun'), running: z.boolean() }),
  z.strictObject({ type: z.literal('crawlSpeed'), speedPxPerS: CrawlSpeed }),
] as const;
