import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSummarisedLog } from './summarisedLog';

describe('summarised log', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  const notApplied = (lines: string[]) => {
    const log = createSummarisedLog((line) => lines.push(line), 10_000);
    return (sender: string) =>
      log.log(`closed:${sender}`, `A take from ${sender} was not applied`, (more, seconds) => `… and ${more.toLocaleString('en')} more from ${sender} in the last ${seconds} s`);
  };

  it('logs the first line of a kind, then how many more came in each window while they keep coming', () => {
    const lines: string[] = [];
    const log = notApplied(lines);
    for (let n = 0; n < 27_983; n++) log('producer');
    log('companion');
    expect(lines).toEqual(['A take from producer was not applied', 'A take from companion was not applied']);
    vi.advanceTimersByTime(10_000);
    expect(lines.slice(2)).toEqual(['… and 27,982 more from producer in the last 10 s']);
    log('producer');
    log('producer');
    vi.advanceTimersByTime(10_000);
    expect(lines.slice(3)).toEqual(['… and 2 more from producer in the last 10 s']);
    vi.advanceTimersByTime(10_000); // a quiet window ends the summary
    log('producer');
    expect(lines.slice(4)).toEqual(['A take from producer was not applied']);
  });
});
