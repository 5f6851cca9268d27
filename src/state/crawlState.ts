import { z } from 'zod';
import { CRAWL_MAX_ITEMS, CrawlItem, CrawlSpeed } from '../protocol/crawlItem';

/** The crawl's items in order and how it moves. Its position is computed from hub time by each output. */
export const CrawlState = z.strictObject({
  running: z.boolean(),
  speedPxPerS: CrawlSpeed,
  items: z.array(CrawlItem).max(CRAWL_MAX_ITEMS),
});
export type CrawlState = z.infer<typeof CrawlState>;

export const EMPTY_CRAWL: CrawlState = { running: false, speedPxPerS: 120, items: [] };
