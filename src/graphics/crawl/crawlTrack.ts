import type { CrawlItem } from '../../protocol/crawlItem';

/** One item laid on the track: its content as it was when it entered, and where it sits. */
export type Segment<V> = { item: CrawlItem; start: number; width: number; view: V };

/**
 * The crawl as a queue of segments on an endless track. An item is laid (measured, built) only as it enters
 * at the right edge, from the item list as it is at that moment; once laid, a segment never changes or moves
 * relative to the others. So an item added, edited or removed live takes effect when that item next enters,
 * and nothing on screen jumps or re-lays out. After the last item comes the first again, one gap later, so
 * the loop is seamless.
 *
 * Track positions are whole output pixels (the crawl lays items out at the output's scale): a segment starting at `start` has its left edge at (viewportRight - (offset - start)).
 */
export function createCrawlTrack<V>(options: {
  /** Width of the visible strip, in output pixels. */
  viewport: number;
  /** Builds an item's view and says how wide it is, gap included (a whole number of pixels). */
  lay(item: CrawlItem): { view: V; width: number };
  drop(view: V): void;
}) {
  const segments: Segment<V>[] = [];
  let nextStart = 0;
  // The last item laid and its index then: if it has been removed since, the item now at that index follows.
  let last: { id: string; index: number } | null = null;

  function nextItem(items: readonly CrawlItem[]): { item: CrawlItem; index: number } | null {
    if (items.length === 0) return null;
    let index = 0;
    if (last) {
      const at = items.findIndex((item) => item.id === last!.id);
      index = at >= 0 ? (at + 1) % items.length : last.index % items.length;
    }
    return { item: items[index]!, index };
  }

  return {
    /** Brings the track to `offset`: lays the items entering, drops those that have left. Returns whether either happened. */
    advance(offset: number, items: readonly CrawlItem[]): boolean {
      let changed = false;
      if (offset - nextStart > 3 * options.viewport) {
        // After a stall (a page hidden for minutes), skip what could never be seen instead of laying it all.
        for (const segment of segments.splice(0)) options.drop(segment.view);
        nextStart = offset - options.viewport;
      }
      while (nextStart < offset) {
        const next = nextItem(items);
        if (!next) {
          // Nothing to show: the next item added enters at the right edge, not part-way across.
          nextStart = offset;
          break;
        }
        const { view, width } = options.lay(next.item);
        segments.push({ item: next.item, start: nextStart, width, view });
        nextStart += Math.max(1, width);
        last = { id: next.item.id, index: next.index };
        changed = true;
      }
      while (segments.length > 0 && segments[0]!.start + segments[0]!.width <= offset - options.viewport) {
        options.drop(segments.shift()!.view);
        changed = true;
      }
      return changed;
    },
    segments: (): readonly Segment<V>[] => segments,
    /** The left edge, in output pixels from the viewport's left, of a segment at `offset`. */
    xOf: (segment: Segment<V>, offset: number) => options.viewport - (offset - segment.start),
  };
}
