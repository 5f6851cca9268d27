import { z } from 'zod';

/**
 * A layer is a region of the output that holds at most one graphic at a time. Taking a graphic onto an
 * occupied layer takes the old one out first. The order here is the stacking order, bottom first.
 */
export const LAYERS = ['centre', 'lowerThird', 'ticker', 'crawl', 'banner', 'clock'] as const;
export const LayerId = z.enum(LAYERS);
export type LayerId = z.infer<typeof LayerId>;

/** Each layer as operators name it, for buttons and messages (never the id). */
export const LAYER_TITLES: Record<LayerId, string> = {
  centre: 'Centre',
  lowerThird: 'Lower third',
  ticker: 'Ticker',
  crawl: 'Crawl',
  banner: 'Banner',
  clock: 'Clock',
};
