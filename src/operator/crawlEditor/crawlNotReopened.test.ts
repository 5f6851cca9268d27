import { describe, expect, it } from 'vitest';
import { crawlNotReopenedText } from './crawlEditor';

describe('a crawl item form that cannot come back after a reload', () => {
  it('says its item was removed, and gives back the text typed in each field', () => {
    expect(crawlNotReopenedText({ kind: 'social', handle: 'Tim Peake', text: 'Running from space', tag: '' })).toBe(
      'Another operator removed the crawl item you were editing since you opened it, so after the reload it is not reopened. You had typed: Handle “Tim Peake”, Text “Running from space”.',
    );
    expect(crawlNotReopenedText(undefined)).toBe('Another operator removed the crawl item you were editing since you opened it, so after the reload it is not reopened.');
  });
});
