import { describe, expect, it } from 'vitest';
import type { CrawlItem } from '../protocol/crawlItem';
import { applyCommand } from '../state/applyCommand';
import { EMPTY_CRAWL } from '../state/crawlState';
import { emptyShow } from '../state/showState';
import { commandWarnings } from './commandWarnings';
import { crawlWarnings } from './crawlWarnings';

const item: CrawlItem = { id: 'a', kind: 'headline', text: 'Kipchoge leads at halfway' } as CrawlItem;
const take = (label = '') => ({ kind: 'crawl', props: { label } }) as const;

describe('crawl warnings', () => {
  it('say a crawl taken with no items goes on air empty, or with its label only', () => {
    expect(crawlWarnings(take(), EMPTY_CRAWL)).toEqual(['The crawl has no items: its strip goes on air empty until items are added']);
    expect(crawlWarnings(take('LONDON MARATHON'), { ...EMPTY_CRAWL, running: true })).toEqual([
      'The crawl has no items: its strip goes on air with only its label, LONDON MARATHON, until items are added',
    ]);
  });

  it('say a stopped crawl goes on air standing still, and nothing for a running crawl with items or another kind', () => {
    expect(crawlWarnings(take(), { ...EMPTY_CRAWL, items: [item] })).toEqual(['The crawl is stopped: it goes on air standing still until it is started']);
    expect(crawlWarnings(take(), { ...EMPTY_CRAWL, items: [item], running: true })).toEqual([]);
    expect(crawlWarnings({ kind: 'nameCard', props: { name: 'Steve Cram', role: '' } } as never, EMPTY_CRAWL)).toEqual([]);
  });

  it('come with a take of the crawl as the hub applied it, not with an update of it', () => {
    const applied = applyCommand(emptyShow(), { type: 'take', graphic: { kind: 'crawl', props: { label: '' } } }, { now: 0 });
    if (!applied.ok) throw new Error(applied.error);
    expect(commandWarnings({ type: 'take', graphic: { kind: 'crawl', props: { label: '' } } }, applied.state, 0)).toEqual([
      'The crawl has no items: its strip goes on air empty until items are added',
    ]);
    expect(commandWarnings({ type: 'update', layer: 'crawl', graphic: { kind: 'crawl', props: { label: 'LIVE' } } }, applied.state, 0)).toEqual([]);
  });
});
