import { z } from 'zod';
import { CRAWL_MAX_ITEMS, CrawlItem, CrawlItemContent, CrawlItemId, CrawlSpeed } from '../protocol/crawlItem';

/**
 * One change made to the crawl while it was on air, with how the crawl was just before it: its motion and,
 * for an item edit, that one item (where it was, null when it was not in the crawl, and what it said). From
 * the crawl as it is now and these, every output replays the same track from the take (see
 * graphics/crawl/crawlTimeline.ts), so outputs opened at different times or reloaded draw the same pixels.
 */
export const CrawlChange = z.strictObject({
  /** Hub time (ms) the change takes effect: a moment after the command, so every output hears of it first. */
  at: z.number(),
  running: z.boolean(),
  speedPxPerS: CrawlSpeed,
  item: z.strictObject({ id: CrawlItemId, index: z.number().int().min(0).nullable(), content: CrawlItemContent.nullable() }).optional(),
});
export type CrawlChange = z.infer<typeof CrawlChange>;

/** At most this many changes are kept per time on air; past it the oldest are forgotten (see README: The crawl). */
export const CRAWL_MAX_CHANGES = 200;

/** The crawl's items in order and how it moves. Its position is computed from hub time by each output. */
export const CrawlState = z.strictObject({
  running: z.boolean(),
  speedPxPerS: CrawlSpeed,
  items: z.array(CrawlItem).max(CRAWL_MAX_ITEMS),
  /** Changes since the crawl was taken, oldest first (empty while it is off air). */
  changes: z.array(CrawlChange).max(CRAWL_MAX_CHANGES).default([]),
});
export type CrawlState = z.infer<typeof CrawlState>;

export const EMPTY_CRAWL: CrawlState = { running: false, speedPxPerS: 120, items: [], changes: [] };

/**
 * How long after a crawl command its change takes effect. The command is saved and sent to every output
 * first, so none has drawn past that moment with the old motion or items: no output jumps to catch up.
 */
export const CRAWL_CHANGE_LEAD_MS = 250;

/** When the crawl on air was taken (its track starts there), or null when it is off air. */
export function crawlTakenAt(show: { onAir: Partial<Record<string, { graphic: { kind: string }; takenAt: number }>> }): number | null {
  for (const graphic of Object.values(show.onAir)) if (graphic?.graphic.kind === 'crawl') return graphic.takenAt;
  return null;
}
