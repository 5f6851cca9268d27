import type { Feed } from '../../protocol/feed';

/** One problem a feed had, in its own words where it gave any, naming the row. */
export type FeedError = { at: number; message: string; /** The same message again in a row (a feed that stays down) counts up here. */ times: number };

/** What GET /api/feeds reports per feed (and the panel shows). */
export type FeedHealthReport = {
  id: string;
  source: Feed['source'];
  raceId: string | null;
  running: boolean;
  /**
   * stopped; waiting (started, nothing yet); ok; stale (nothing for staleAfterS: a warning, air is left as it is);
   * finished (a replay that has sent its last message and has nothing waiting: it sends no more, and is not stale).
   */
  state: 'stopped' | 'waiting' | 'ok' | 'stale' | 'finished';
  lastMessageAt: number | null;
  /** Seconds since the last message, or since the start when there has been none. */
  silentForS: number | null;
  staleAfterS: number;
  passingsPerMin: number;
  /** Passings the feed sent (each row counted once per message). */
  received: number;
  /** Passings the hub has taken (stored, or dropped as duplicates, or held). */
  delivered: number;
  /** Passings waiting to be saved (the hub was busy). */
  waiting: number;
  errors: FeedError[];
};

const KEEP_ERRORS = 20;
const RATE_WINDOW_MS = 60_000;

/** A feed's counters and recent errors, kept by the hub (not in the show: health is now, not state to save). */
export class FeedHealth {
  lastMessageAt: number | null = null;
  received = 0;
  delivered = 0;
  waiting = 0;
  /** Set by a source that has nothing more to send (a replay past its last message). */
  finished = false;
  readonly errors: FeedError[] = [];
  private readonly arrivals: { at: number; count: number }[] = [];

  constructor(private readonly now: () => number) {}

  message(passings: number): void {
    const at = this.now();
    this.lastMessageAt = at;
    this.received += passings;
    if (passings > 0) this.arrivals.push({ at, count: passings });
    this.trim(at);
  }

  error(message: string): void {
    const last = this.errors[this.errors.length - 1];
    if (last?.message === message) {
      last.at = this.now();
      last.times++;
      return;
    }
    this.errors.push({ at: this.now(), message, times: 1 });
    if (this.errors.length > KEEP_ERRORS) this.errors.splice(0, this.errors.length - KEEP_ERRORS);
  }

  report(feed: Feed): FeedHealthReport {
    const now = this.now();
    this.trim(now);
    const since = this.lastMessageAt ?? (feed.running ? feed.startedAt : null);
    const silentForS = since === null ? null : Math.max(0, Math.round((now - since) / 100) / 10);
    let state: FeedHealthReport['state'] = 'stopped';
    if (feed.running && this.finished && this.waiting === 0) state = 'finished';
    else if (feed.running) state = silentForS !== null && silentForS > feed.staleAfterS ? 'stale' : this.lastMessageAt === null ? 'waiting' : 'ok';
    return {
      id: feed.id,
      source: feed.source,
      raceId: feed.raceId ?? null,
      running: feed.running,
      state,
      lastMessageAt: this.lastMessageAt,
      silentForS,
      staleAfterS: feed.staleAfterS,
      passingsPerMin: this.arrivals.reduce((sum, a) => sum + a.count, 0),
      received: this.received,
      delivered: this.delivered,
      waiting: this.waiting,
      errors: this.errors.map((e) => ({ ...e })),
    };
  }

  private trim(now: number) {
    while (this.arrivals.length > 0 && now - this.arrivals[0]!.at > RATE_WINDOW_MS) this.arrivals.shift();
  }
}
