import { z } from 'zod';
import { onAirText, requiredText } from './text';

/** Names a crawl item so commands can edit, move or remove it: letters, digits, - and _. */
export const CrawlItemId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1–40 letters, digits, - or _');

const headline = { kind: z.literal('headline'), text: requiredText(200) };
const social = { kind: z.literal('social'), handle: requiredText(40), text: requiredText(280), tag: onAirText(40).default('') };
const result = { kind: z.literal('result'), text: requiredText(200) };

/** What a crawl item says: a headline, a social post (who, what, hashtag) or a result. */
export const CrawlItemContent = z.discriminatedUnion('kind', [z.strictObject(headline), z.strictObject(social), z.strictObject(result)]);
export type CrawlItemContent = z.infer<typeof CrawlItemContent>;

/** A crawl item as the show holds it. */
export const CrawlItem = z.discriminatedUnion('kind', [
  z.strictObject({ id: CrawlItemId, ...headline }),
  z.strictObject({ id: CrawlItemId, ...social }),
  z.strictObject({ id: CrawlItemId, ...result }),
]);
export type CrawlItem = z.infer<typeof CrawlItem>;

export const CRAWL_MAX_ITEMS = 50;
export const CRAWL_SPEED_RANGE = [20, 480] as const;

/** Crawl speed in design pixels per second (1920 px wide frame). */
export const CrawlSpeed = z.number().refine((n) => n >= CRAWL_SPEED_RANGE[0] && n <= CRAWL_SPEED_RANGE[1], {
  error: (issue) => `must be from ${CRAWL_SPEED_RANGE[0]} to ${CRAWL_SPEED_RANGE[1]} pixels per second, not ${String(issue.input)}`,
});

/** What an item says, without its id (what a crawlUpdate's `was` carries). */
export function contentOf(item: CrawlItem): CrawlItemContent {
  const { id: _id, ...content } = item;
  return content;
}
