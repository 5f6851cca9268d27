import type { CrawlMotion } from '../../core';
import type { CrawlItem } from '../../protocol/crawlItem';
import type { CrawlChange, CrawlState } from '../../state/crawlState';

/** The crawl since it was taken: how it moved, and which items it held, from which hub time (ms). */
export type CrawlTimeline = { motions: CrawlMotion[]; contents: { at: number; items: readonly CrawlItem[] }[] };

/**
 * Replays the crawl's recorded changes backwards from how it is now to how it was at the take, then lists
 * its motion and items forwards from there. Changes recorded before the take belong to an earlier time on air.
 */
export function crawlTimeline(crawl: CrawlState, takenAt: number): CrawlTimeline {
  const changes = crawl.changes.filter((change) => change.at >= takenAt);
  const after = (k: number): { running: boolean; speedPxPerS: number } => changes[k + 1] ?? crawl;
  const motions: CrawlMotion[] = [
    { from: takenAt, running: (changes[0] ?? crawl).running, speedPxPerS: (changes[0] ?? crawl).speedPxPerS },
    ...changes.map((change, k) => ({ from: change.at, running: after(k).running, speedPxPerS: after(k).speedPxPerS })),
  ];
  const contents: CrawlTimeline['contents'] = [];
  let items: readonly CrawlItem[] = crawl.items;
  for (let k = changes.length - 1; k >= 0; k--) {
    const change = changes[k]!;
    if (!change.item) continue;
    contents.unshift({ at: change.at, items });
    items = restore(items, change.item);
  }
  contents.unshift({ at: takenAt, items });
  return { motions, contents };
}

/** The items with one of them put back as it was. */
function restore(items: readonly CrawlItem[], was: NonNullable<CrawlChange['item']>): CrawlItem[] {
  const rest = items.filter((item) => item.id !== was.id);
  if (was.index !== null && was.content !== null) rest.splice(Math.min(was.index, rest.length), 0, { ...was.content, id: was.id } as CrawlItem);
  return rest;
}
