import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Feed } from '../../protocol/feed';
import { FeedHealth } from './feedHealth';
import type { FeedIngest, IncomingPassing } from './feedIngest';
import { MAX_PULL_BODY_BYTES, startPullSource } from './pullSource';

const mapping = { format: 'json', rows: 'passings', fields: { bib: 'Bib', point: 'Split', gunTime: 'GunTime' }, points: { FINISH: 42195 } };
const firstAnswer = JSON.stringify({ passings: [{ Bib: 1, Split: 'FINISH', GunTime: '2:03:05' }] });

let stop: (() => void)[] = [];
afterEach(() => {
  for (const s of stop) s();
  stop = [];
});

/** A timing source that answers one passing first, then streams JSON without end, counting what it managed to send. */
async function endlessSource() {
  const seen = { requests: 0, streamedBytes: 0, streamClosed: false };
  const chunk = Buffer.alloc(64 * 1024, ' ');
  const server: Server = createServer((request, response) => {
    seen.requests++;
    if (seen.requests === 1) return void response.writeHead(200, { 'content-type': 'application/json' }).end(firstAnswer);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"passings": [');
    const more = () => {
      while (!response.destroyed && response.write(chunk)) seen.streamedBytes += chunk.length;
    };
    response.on('drain', more);
    response.on('close', () => (seen.streamClosed = true));
    more();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stop.push(() => server.close());
  stop.push(() => server.closeAllConnections());
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/results`, seen };
}

describe('a pull feed', () => {
  // Its polls allow 20 s each: streaming 16 MiB through the hub's reader took 3–5 s on a loaded 2-core machine.
  it('stops reading an answer at 16 MiB, says so in its health, and keeps what it took before', { timeout: 45_000 }, async () => {
    const source = await endlessSource();
    const feedsDir = mkdtempSync(join(tmpdir(), 'finishline-pull-'));
    writeFileSync(join(feedsDir, 'results.mapping.json'), JSON.stringify(mapping));
    const feed = Feed.parse({ id: 'endless', source: 'pull', raceId: 'elite-men', url: source.url, intervalS: 0.2, mapping: 'results.mapping.json' });
    if (feed.source !== 'pull') throw new Error('not a pull feed');
    const taken: IncomingPassing[] = [];
    const ingest = {
      check: () => ({ ok: true }),
      take: (rows: IncomingPassing[]) => {
        taken.push(...rows);
        return Promise.resolve({ accepted: rows.length, refused: [], unsaved: [] });
      },
    } as unknown as FeedIngest;
    const health = new FeedHealth(Date.now);
    const pull = startPullSource(feed, feedsDir, ingest, health);
    stop.push(() => pull.stop());

    const limitMessage = `${source.url} answered more than 16 MiB, the most a pull feed's answer may be: reading stopped there and the answer was left unread (passings taken before are kept)`;
    await expect.poll(() => health.errors.map((e) => e.message), { timeout: 20_000 }).toContain(limitMessage);
    expect(MAX_PULL_BODY_BYTES).toBe(16 * 1024 * 1024);
    // The hub hung up on the endless answer rather than waiting for it to end.
    await expect.poll(() => source.seen.streamClosed, { timeout: 20_000 }).toBe(true);
    // On a machine loaded past its cores a read of 16 MiB can outlast the pull's 5 s deadline first: that is said too, and nothing else.
    const timedOut = `${source.url} did not answer within 5 s`;
    expect(health.errors.map((e) => e.message).filter((message) => message !== timedOut)).toEqual([limitMessage]);
    expect(taken.map((row) => [row.raceId, String(row.bib), row.metres])).toEqual([['elite-men', '1', 42195]]);
  });

  it('should say an empty answer was empty in its health, and name the mapping file whose timeUnit is wrong', async () => {
    const server: Server = createServer((request, response) => void response.writeHead(200, { 'content-type': 'text/csv' }).end(''));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stop.push(() => server.close());
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/passings.csv`;
    const feedsDir = mkdtempSync(join(tmpdir(), 'finishline-pull-'));
    const csvMapping = { format: 'csv', fields: { bib: 'Bib', point: 'Split', gunTime: 'GunTime' }, points: { '10K': 10_000 } };
    writeFileSync(join(feedsDir, 'seconds.mapping.json'), JSON.stringify({ ...csvMapping, timeUnit: 's' }));
    writeFileSync(join(feedsDir, 'minutes.mapping.json'), JSON.stringify({ ...csvMapping, timeUnit: 'min' }));
    const ingest = { check: () => ({ ok: true }), take: () => Promise.reject(new Error('an empty answer has nothing to take')) } as unknown as FeedIngest;
    const pulled = (mappingFile: string) => {
      const feed = Feed.parse({ id: 'results', source: 'pull', raceId: 'elite-men', url, intervalS: 0.2, mapping: mappingFile });
      if (feed.source !== 'pull') throw new Error('not a pull feed');
      const health = new FeedHealth(Date.now);
      const pull = startPullSource(feed, feedsDir, ingest, health);
      stop.push(() => pull.stop());
      return health;
    };
    const empty = pulled('seconds.mapping.json');
    const badUnit = pulled('minutes.mapping.json');
    await expect.poll(() => empty.errors.map((e) => e.message)).toEqual([`${url} answered nothing (an empty body): no passing was read and nothing changed`]);
    await expect
      .poll(() => badUnit.errors.map((e) => e.message))
      .toEqual(['the mapping file minutes.mapping.json is not valid: timeUnit: must be "s" (seconds) or "ms" (milliseconds), the unit of a time given as a bare number']);
    expect(empty.lastMessageAt).toBe(null);
  });
});
