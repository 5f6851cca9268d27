import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeIssues } from '../../protocol/describeIssues';
import type { Feed } from '../../protocol/feed';
import type { FeedIngest } from './feedIngest';
import type { FeedHealth } from './feedHealth';
import { FeedMapping, readMappedBody } from './feedMapping';
import { createPullChanges } from './pullChanges';

const TIMEOUT_MS = 5000;
/** The most of one answer a pull feed reads: 40,000 runners' passings as JSON are a few MiB; a source that streams without end is cut off here. */
export const MAX_PULL_BODY_BYTES = 16 * 1024 * 1024;

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
        const body = await readCapped(response, MAX_PULL_BODY_BYTES);
        if (body === null) health.error(`${feed.url} answered more than ${MAX_PULL_BODY_BYTES / 1024 / 1024} MiB, the most a pull feed's answer may be: reading stopped there and the answer was left unread (passings taken before are kept)`);
        else if (!response.ok) health.error(`${feed.url} answered ${response.status} ${response.statusText}: "${body.slice(0, 80).trim()}"`);
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

/** The body as text, or null once it passes `limit` bytes (declared or received): the rest is never read. */
async function readCapped(response: Response, limit: number): Promise<string | null> {
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  // As response.text() would: UTF-8, a byte order mark dropped.
  return new TextDecoder().decode(Buffer.concat(chunks));
}
