import type { GraphicSpec } from '../protocol/graphicSpec';
import type { CrawlState } from '../state/crawlState';

/**
 * Why a crawl being taken will not look like a crawl on air: the show has no crawl items (the strip goes up with
 * its label only, or bare), or the crawl is stopped (it goes up standing still). Not a refusal: an operator may
 * put the strip up first and add items or start it after; the warning only says what air will show meanwhile.
 */
export function crawlWarnings(graphic: GraphicSpec, crawl: CrawlState): string[] {
  if (graphic.kind !== 'crawl') return [];
  if (crawl.items.length === 0) {
    const label = graphic.props.label;
    return [`The crawl has no items: its strip goes on air ${label ? `with only its label, ${label},` : 'empty'} until items are added`];
  }
  if (!crawl.running) return ['The crawl is stopped: it goes on air standing still until it is started'];
  return [];
}
