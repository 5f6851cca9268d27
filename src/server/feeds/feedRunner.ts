import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Feed } from '../../protocol/feed';
import { FeedFile } from '../../protocol/feedFile';
import { applyCommand } from '../../state/applyCommand';
import type { ShowState } from '../../state/showState';
import type { Hub } from '../hub';
import { createFeedIngest, type FeedIngest } from './feedIngest';
import { FeedHealth, type FeedHealthReport } from './feedHealth';
import { startPullSource } from './pullSource';
import { startReplaySource } from './replaySource';

type Running = { key: string; ingest: FeedIngest; stop(): void };

/**
 * Runs the show's feeds: a source per running feed, started and stopped as the show changes (startFeed,
 * stopFeed, setFeed, opening another show), like auto-out timers. Health stays here, per feed id.
 */
export function startFeedRunner(hub: Pick<Hub, 'store' | 'submit' | 'now'>, feedsDir: string) {
  const running = new Map<string, Running>();
  const health = new Map<string, FeedHealth>();
  const healthOf = (id: string) => health.get(id) ?? health.set(id, new FeedHealth(hub.now)).get(id)!;

  function sync(show: ShowState) {
    const wanted = new Map((show.feeds ?? []).filter((f) => f.running).map((f) => [f.id, f]));
    for (const [id, run] of running) {
      const feed = wanted.get(id);
      if (feed && keyOf(feed) === run.key) continue;
      run.stop();
      run.ingest.close();
      running.delete(id);
    }
    for (const [id, feed] of wanted) if (!running.has(id)) running.set(id, start(feed));
  }

  function start(feed: Feed): Running {
    // A new start is a new run: its counters and errors start again.
    const fresh = new FeedHealth(hub.now);
    health.set(feed.id, fresh);
    const ingest = createFeedIngest(hub, feed.id, fresh);
    const source =
      feed.source === 'replay' ? startReplaySource(feed, feedsDir, hub, ingest, fresh) : feed.source === 'pull' ? startPullSource(feed, feedsDir, ingest, fresh) : { stop() {} };
    return { key: keyOf(feed), ingest, stop: source.stop };
  }

  const unsubscribe = hub.store.subscribe(sync);
  sync(hub.store.getState());

  return {
    /** Every feed of the show with its health. */
    reports(): FeedHealthReport[] {
      return (hub.store.getState().feeds ?? []).map((feed) => healthOf(feed.id).report(feed));
    },
    /**
     * Why startFeed can't be carried out whole, or null: a replay resets the races it plays as it starts, and a
     * race that can't be reset now (its splits on air) would play half reset, so the start is refused instead.
     * Each reset is tried on the show as it is (applyCommand), one race after the other, as the replay does them.
     */
    async startRefusal(feedId: string): Promise<string | null> {
      const feed = (hub.store.getState().feeds ?? []).find((f) => f.id === feedId);
      if (feed?.source !== 'replay') return null;
      let file: FeedFile;
      try {
        const parsed = FeedFile.safeParse(JSON.parse(await readFile(join(feedsDir, feed.file), 'utf8')));
        if (!parsed.success) return null; // the replay reports it in its health and plays nothing
        file = parsed.data;
      } catch {
        return null;
      }
      let show = hub.store.getState();
      for (const { raceId } of file.races) {
        const race = show.races.find((r) => r.id === raceId);
        if (!race || (race.gunTime === null && race.splits.length === 0 && !race.passings?.length)) continue;
        const reset = applyCommand(show, { type: 'resetRace', raceId }, { now: hub.now() });
        if (!reset.ok) return `The replay "${feed.id}" resets the races it plays, and ${race.name} can't be reset now: ${reset.error} Nothing was started.`;
        show = reset.state;
      }
      return null;
    },
    /** Passings POSTed to a push feed; null when there is no such running push feed (with why). */
    push(feedId: string): FeedIngest | string {
      const feed = (hub.store.getState().feeds ?? []).find((f) => f.id === feedId);
      if (!feed) return `No feed "${feedId}" in the show: add it with setFeed first`;
      if (feed.source !== 'push') return `The feed "${feedId}" is a ${feed.source} feed; passings are pushed only to push feeds`;
      const run = running.get(feedId);
      if (!run) return `The feed "${feedId}" is stopped: start it (startFeed) to take passings`;
      return run.ingest;
    },
    stop() {
      unsubscribe();
      for (const run of running.values()) {
        run.stop();
        run.ingest.close();
      }
      running.clear();
    },
  };
}
export type FeedRunner = ReturnType<typeof startFeedRunner>;

/**
 * The hub as operators reach it (HTTP, WebSocket): a startFeed the feed runner can't carry out whole is refused
 * before anything changes (see startRefusal); every other command goes straight on.
 */
export function refusingBrokenFeedStarts(hub: Hub, feeds: Pick<FeedRunner, 'startRefusal'>): Hub {
  return {
    ...hub,
    async submit(command, baseRevision, sender) {
      if (command.type === 'startFeed') {
        const refusal = await feeds.startRefusal(command.feedId);
        if (refusal) return { ok: false, reason: 'refused', error: refusal, revision: hub.store.getState().revision };
      }
      return hub.submit(command, baseRevision, sender);
    },
  };
}

/** A feed restarts when what it reads changes, or it is started again. */
function keyOf(feed: Feed): string {
  return JSON.stringify(feed);
}
