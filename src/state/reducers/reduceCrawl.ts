import type { CommandOf } from '../../protocol/command';
import { contentOf, CRAWL_MAX_ITEMS, type CrawlItem, type CrawlItemContent } from '../../protocol/crawlItem';
import { sameValue } from '../../protocol/sameValue';
import type { ApplyContext } from '../applyCommand';
import { CRAWL_CHANGE_LEAD_MS, CRAWL_MAX_CHANGES, crawlTakenAt, type CrawlChange, type CrawlState } from '../crawlState';
import type { ShowState } from '../showState';

export type CrawlCommand = CommandOf<'crawlAdd' | 'crawlUpdate' | 'crawlRemove' | 'crawlMove' | 'crawlRun' | 'crawlSpeed'>;
export const crawlCommandTypes = ['crawlAdd', 'crawlUpdate', 'crawlRemove', 'crawlMove', 'crawlRun', 'crawlSpeed'] as const;

/**
 * Edits the crawl's items and motion. Returns the next state, or a sentence saying why the command was refused.
 * While the crawl is on air each change is also recorded with the hub time it takes effect (see CrawlChange),
 * so outputs compute the same track from the show alone.
 */
export function reduceCrawl(state: ShowState, command: CrawlCommand, ctx: ApplyContext): ShowState | string {
  const next = reduceCrawlNow(state, command);
  if (typeof next === 'string') return next;
  return { ...next, crawl: { ...next.crawl, changes: record(state, next.crawl, command, ctx.now) } };
}

/** The changes to keep after `command` turned the crawl into `next`. */
function record(state: ShowState, next: CrawlState, command: CrawlCommand, now: number): CrawlChange[] {
  const takenAt = crawlTakenAt(state);
  if (takenAt === null) return [];
  const before = state.crawl;
  const kept = before.changes.filter((change) => change.at >= takenAt);
  if (next.items === before.items && next.running === before.running && next.speedPxPerS === before.speedPxPerS) return kept;
  const last = kept[kept.length - 1];
  const change: CrawlChange = { at: Math.max(now + CRAWL_CHANGE_LEAD_MS, last?.at ?? takenAt), running: before.running, speedPxPerS: before.speedPxPerS };
  if (next.items !== before.items && command.type !== 'crawlRun' && command.type !== 'crawlSpeed') {
    const id = command.type === 'crawlAdd' ? next.items.find((item) => !before.items.some((old) => old.id === item.id))!.id : command.id;
    const index = before.items.findIndex((item) => item.id === id);
    change.item = { id, index: index < 0 ? null : index, content: index < 0 ? null : contentOf(before.items[index]!) };
  }
  return [...kept, change].slice(-CRAWL_MAX_CHANGES);
}

function reduceCrawlNow(state: ShowState, command: CrawlCommand): ShowState | string {
  const { crawl } = state;
  const items = crawl.items;
  const withItems = (next: CrawlItem[]) => ({ ...state, crawl: { ...crawl, items: next } });
  const find = (id: string) => items.findIndex((item) => item.id === id);
  switch (command.type) {
    case 'crawlAdd': {
      if (items.length >= CRAWL_MAX_ITEMS) return `The crawl is full (${CRAWL_MAX_ITEMS} items): remove one first`;
      const id = command.id ?? freshId(items, state.revision + 1);
      if (find(id) >= 0) return `The crawl already has an item "${id}"`;
      const index = command.index ?? items.length;
      if (index > items.length) return `Cannot add at position ${index}: the crawl has ${items.length} items (0 puts it first, ${items.length} last)`;
      const next = [...items];
      next.splice(index, 0, { ...command.item, id });
      return withItems(next);
    }
    case 'crawlUpdate': {
      const at = find(command.id);
      if (at < 0) return `The crawl has no item "${command.id}"`;
      if (command.was && !sameContent(items[at]!, command.was)) return changedSince(items[at]!);
      return withItems(items.map((item, i) => (i === at ? { ...command.item, id: command.id } : item)));
    }
    case 'crawlRemove': {
      const at = find(command.id);
      if (at < 0) return `The crawl has no item "${command.id}"`;
      if (command.was && !sameContent(items[at]!, command.was)) return changedSince(items[at]!);
      return withItems(items.filter((item) => item.id !== command.id));
    }
    case 'crawlMove': {
      const at = find(command.id);
      if (at < 0) return `The crawl has no item "${command.id}"`;
      const index = command.by === undefined ? command.index! : at + command.by;
      if (command.by !== undefined && (index < 0 || index >= items.length)) return `"${command.id}" is already ${command.by < 0 ? 'first' : 'last'} in the crawl`;
      if (index >= items.length) return `Cannot move "${command.id}" to position ${index}: the crawl has ${items.length} items (0 is first, ${items.length - 1} last)`;
      const next = items.filter((item) => item.id !== command.id);
      next.splice(index, 0, items[at]!);
      return withItems(next);
    }
    case 'crawlRun':
      return { ...state, crawl: { ...crawl, running: command.running } };
    case 'crawlSpeed':
      return { ...state, crawl: { ...crawl, speedPxPerS: command.speedPxPerS } };
  }
}

/** Whether an item still says what an operator saw (its id aside). */
function sameContent(item: CrawlItem, content: CrawlItemContent): boolean {
  return sameValue(contentOf(item), content);
}

function changedSince(item: CrawlItem): string {
  return `Another operator changed crawl item "${item.id}" while you were editing it (it now reads “${item.kind === 'social' ? `${item.handle}: ` : ''}${item.text}”); nothing was changed: reopen the item to see their version`;
}

function freshId(items: readonly CrawlItem[], revision: number): string {
  const taken = new Set(items.map((item) => item.id));
  let id = `c${revision}`;
  for (let n = 2; taken.has(id); n++) id = `c${revision}-${n}`;
  return id;
}
