import { z } from 'zod';
import { fontSize, px } from '../templates/layoutTypes';
import { onAirText } from '../text';

/**
 * Crawl: the show's crawl items (show.crawl, changed with the crawl commands) moving right to left at a
 * constant speed. Taking it puts the strip on air; the items and motion live in the show, not in the props.
 */
export const crawl = {
  kind: 'crawl',
  title: 'Crawl ticker',
  layer: 'crawl',
  props: z.strictObject({
    /** A fixed label at the left the items pass behind, e.g. "LONDON MARATHON"; none when empty. */
    label: onAirText(30).default(''),
  }),
  /** Geometry in design pixels across the crawl region (templates/crawl.json). */
  layout: z.strictObject({
    textSize: fontSize,
    tagSize: fontSize,
    labelSize: fontSize,
    labelPaddingX: px,
    gap: px,
    markerSize: px,
    chipPaddingX: px,
    chipHeight: px,
    accentHeight: px,
  }),
} as const;
export type CrawlProps = z.infer<typeof crawl.props>;
export type CrawlLayout = z.infer<typeof crawl.layout>;
