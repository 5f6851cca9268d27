import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadShowFile } from './showFile';

describe('the demo show (shows/london-2016.json)', () => {
  it('is a valid show with the #GetInspired posts, headlines and results in its crawl', async () => {
    const show = await loadShowFile(resolve(import.meta.dirname, '../../shows/london-2016.json'));
    expect(show.name).toBe('London Marathon 2016');
    expect(show.crawl.running).toBe(true);
    expect(show.crawl.speedPxPerS).toBe(120);
    const kinds = show.crawl.items.map((item) => item.kind);
    expect(new Set(kinds)).toEqual(new Set(['headline', 'social', 'result']));
    const social = show.crawl.items.filter((item) => item.kind === 'social');
    expect(social.map((item) => item.handle)).toEqual(['Lindsay Barron', 'Jamie Ogier', 'Holly Hanrahan']);
    expect(social.every((item) => item.tag === '#GetInspired')).toBe(true);
  });
});
