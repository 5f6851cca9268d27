import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeIssues } from '../../protocol/describeIssues';
import type { Feed } from '../../protocol/feed';
import type { FeedIngest } from './feedIngest';
import type { FeedHealth } from './feedHealth';
import { FeedMapping, readMappedBody } from './feedMapping';
import { createPullChanges } from './pullChanges';

const TIMEOUT_MS = 5000;

/**
 * Fetches a feed's URL every `intervalS` and reads it with its mapping file. Full-state feeds answer with every
 * passing each time, so only rows new or changed since the last answer go on to the hub (pullChanges.ts). A feed that is down,
 * slow, or answers something unreadable is reported in its health; what was received before stays.
 */
export function startPullSource(feed: Extract<Feed, { source: 'pull' }>, feedsDir: string, ingest: FeedIngest, health: FeedHealth): { stop(): void } {
  const changes = createPullChanges(ingest, health);
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function loadMapping(): Promise<FeedMapping | null> {
    let text: string;
    try {
      text = await readFile(join(feedsDir, feed.mapping), 'utf8');
    } catch (error) {
      health.error(`the mapping file ${feed.mapping} can't be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      return null;
    }
    try {
      const parsed = FeedMapping.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      health.error(`the mapping file ${feed.mapping} is not valid: ${describeIssues(parsed.error)}`);
    } catch (error) {
      health.error(`the mapping file ${feed.mapping} is not JSON: ${(error as Error).message}`);
    }
    return null;
  }

  async function poll() {
    const mapping = await loadMapping();
    if (mapping && !stopped) {
      try {
        const response = await fetch(feed.url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
        const body = await response.text();
        if (!response.ok) health.error(`${feed.url} answered ${response.status} ${response.statusText}: "${body.slice(0, 80).trim()}"`);
        else {
          const rows = readMappedBody(body, response.headers.get('content-type') ?? '', mapping, feed.raceId);
          if (typeof rows === 'string') health.error(`${feed.url} ${rows}`);
          else if (!stopped) void ingest.take(changes.pick(rows));
        }
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        const timedOut = (error as Error).name === 'TimeoutError';
        health.error(timedOut ? `${feed.url} did not answer within ${TIMEOUT_MS / 1000} s` : `${feed.url} could not be reached (${cause?.code ?? cause?.message ?? (error as Error).message})`);
      }
    }
    if (!stopped) timer = setTimeout(() => void poll(), feed.intervalS * 1000);
  }

  void poll();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
