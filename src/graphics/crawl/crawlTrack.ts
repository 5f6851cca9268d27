import type { CrawlItem } from '../../protocol/crawlItem';

/** The items in the crawl from track position `from` on (output pixels travelled when they took effect). */
export type TrackEpoch = { from: number; items: readonly CrawlItem[] };
/** One item laid on the track: its content as it was when it entered, and where it sits. */
export type Segment = { item: CrawlItem; start: number; width: number };

type Cursor = { start: number; last: { id: string; index: number } | null };

/**
 * The crawl as a queue of segments on an endless track, replayed from the crawl's history, so the same
 * history gives the same segments on every output, live or reloaded. An item is laid when its start reaches
 * the right edge, from the items as they were at that position; once laid, a segment never changes or moves
 * relative to the others. So an item added, edited or removed live takes effect when that item next enters,
 * and nothing on screen jumps or re-lays out. After the last item comes the first again, one gap later, so
 * the loop is seamless.
 *
 * Positions are whole output pixels (the crawl lays items out at the output's scale): a segment starting at
 * `start` has its left edge at (viewport - (offset - start)) from the viewport's left at `offset`.
 */
export function createCrawlTrack(epochs: readonly TrackEpoch[], widthOf: (item: CrawlItem) => number) {
  // Where each epoch begins laying (a segment of an earlier one may still run into it): worked out once.
  const entries: Cursor[] = [];
  const cursor: Cursor = { start: epochs[0]?.from ?? 0, last: null };
  epochs.forEach((epoch, k) => {
    entries.push({ ...cursor });
    const end = epochs[k + 1]?.from ?? Number.POSITIVE_INFINITY;
    if (end !== Number.POSITIVE_INFINITY) lay(cursor, epoch.items, end, end, widthOf);
  });

  return {
    /** The segments on screen (any part in the viewport's width) at `offset`, left to right. */
    visible(offset: number, viewport: number): Segment[] {
      const low = offset - viewport;
      // Every segment laid before an epoch ends where that epoch begins laying: start from the last one wholly off screen.
      let k = 0;
      while (k + 1 < entries.length && entries[k + 1]!.start <= low) k++;
      const at: Cursor = { ...entries[k]! };
      const shown: Segment[] = [];
      for (; k < epochs.length && at.start < offset; k++) {
        const end = Math.min(epochs[k + 1]?.from ?? offset, offset);
        lay(at, epochs[k]!.items, end, low, widthOf, (segment) => {
          if (segment.start + segment.width > low) shown.push(segment);
        });
      }
      return shown;
    },
  };
}

/**
 * Lays `items` from the cursor while it is before `end` (a segment is laid once its start is passed). Whole
 * loops of the list that end before `skipTo` are stepped over, not laid: a crawl on air for hours costs the
 * same to replay as one just taken. With no items the next one added enters at the right edge, at `end`.
 */
function lay(cursor: Cursor, items: readonly CrawlItem[], end: number, skipTo: number, widthOf: (item: CrawlItem) => number, laid?: (segment: Segment) => void) {
  if (items.length === 0) {
    cursor.start = Math.max(cursor.start, end);
    return;
  }
  let first = true;
  while (cursor.start < end) {
    const index = nextIndex(items, cursor.last);
    const item = items[index]!;
    const width = Math.max(1, widthOf(item));
    laid?.({ item, start: cursor.start, width });
    cursor.start += width;
    cursor.last = { id: item.id, index };
    if (first) {
      // From here on the list repeats in order, so whole loops can be skipped.
      first = false;
      const loop = items.reduce((sum, i) => sum + Math.max(1, widthOf(i)), 0);
      const target = Math.min(end, skipTo);
      if (target - cursor.start > loop) cursor.start += Math.floor((target - cursor.start) / loop) * loop;
    }
  }
}

/** The item after the last one laid; if that has been removed since, the item now at its place. */
function nextIndex(items: readonly CrawlItem[], last: Cursor['last']): number {
  if (!last) return 0;
  const at = items.findIndex((item) => item.id === last.id);
  return at >= 0 ? (at + 1) % items.length : last.index % items.length;
}
