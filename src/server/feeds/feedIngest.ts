import { MAX_PASSINGS_PER_BATCH } from '../../protocol/commands/timingCommands';
import { describeIssues } from '../../protocol/describeIssues';
import { Passing } from '../../protocol/passing';
import { passingRefusal } from '../../state/passingTable';
import type { Hub } from '../hub';
import type { FeedHealth } from './feedHealth';

/** A passing as a source read it: `row` says where in the feed it came from, in the feed's terms ("row 12"). */
export type IncomingPassing = { row: string; raceId: string | undefined; bib: unknown; metres: unknown; elapsedMs: unknown; problem?: string };

const RETRY_MS = 250;
/** How often a feed's passings go to the hub: each flush is one save and one snapshot to every page. */
const FLUSH_MS = 250;
/** Passings a feed may have waiting for the hub before it reports it is falling behind (none are dropped). */
const WARN_WAITING = 20_000;

/**
 * Takes what a feed read to the hub: each row checked on its own (a known race, bib and timing point, a valid
 * passing), the bad ones reported in feed health by row and the good ones sent as recordPassings in batches,
 * every FLUSH_MS.
 * Rows the hub could not save yet (busy, a failed write) wait here and go again; nothing received is dropped.
 */
export function createFeedIngest(hub: Pick<Hub, 'store' | 'submit'>, feedId: string, health: FeedHealth) {
  const outbox = new Map<string, Passing[]>();
  let flushing = false;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  function take(rows: readonly IncomingPassing[]): { accepted: number; refused: { row: string; reason: string }[] } {
    const show = hub.store.getState();
    const refused: { row: string; reason: string }[] = [];
    let accepted = 0;
    for (const incoming of rows) {
      const refuse = (reason: string) => {
        refused.push({ row: incoming.row, reason });
        health.error(`${incoming.row}: ${reason}`);
      };
      if (incoming.problem) {
        refuse(incoming.problem);
        continue;
      }
      if (!incoming.raceId) {
        refuse('names no race, and the feed has no race set');
        continue;
      }
      const race = show.races.find((r) => r.id === incoming.raceId);
      if (!race) {
        refuse(`no race "${incoming.raceId}" in the show`);
        continue;
      }
      const parsed = Passing.safeParse({ bib: incoming.bib, metres: incoming.metres, elapsedMs: incoming.elapsedMs, source: feedId });
      if (!parsed.success) {
        refuse(describeIssues(parsed.error));
        continue;
      }
      const refusal = passingRefusal(race, parsed.data);
      if (refusal) {
        refuse(refusal);
        continue;
      }
      const queue = outbox.get(race.id) ?? [];
      queue.push(parsed.data);
      outbox.set(race.id, queue);
      accepted++;
    }
    health.message(rows.length);
    updateWaiting();
    flush();
    return { accepted, refused };
  }

  function updateWaiting() {
    const before = health.waiting;
    health.waiting = [...outbox.values()].reduce((sum, q) => sum + q.length, 0);
    if (health.waiting >= WARN_WAITING && before < WARN_WAITING) health.error(`${health.waiting} passings are waiting for the hub to save them; none are dropped, air will catch up`);
  }

  /**
   * Sends what is waiting at most every FLUSH_MS, all batches at once so the hub saves them as one group and
   * outputs get one snapshot per flush however many small messages a feed sends (a burst of hundreds a second
   * is a few snapshots, not hundreds).
   */
  function flush(): void {
    if (flushing || closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void send();
    }, FLUSH_MS);
  }

  async function send(): Promise<void> {
    if (flushing || closed) return;
    flushing = true;
    let again = false;
    try {
      const jobs: Promise<void>[] = [];
      const unsaved = new Map<string, Passing[][]>();
      for (const [raceId, queue] of outbox) {
        outbox.delete(raceId);
        const failed: Passing[][] = [];
        unsaved.set(raceId, failed);
        for (let i = 0; i < queue.length; i += MAX_PASSINGS_PER_BATCH) {
          const batch = queue.slice(i, i + MAX_PASSINGS_PER_BATCH);
          const index = i / MAX_PASSINGS_PER_BATCH;
          jobs.push(
            hub.submit({ type: 'recordPassings', raceId, passings: batch }).then((result) => {
              if (result.ok) health.delivered += batch.length;
              else if (result.reason === 'busy' || result.reason === 'storage') {
                if (result.reason === 'storage') health.error(`the hub could not save passings (${result.error}); they wait and go again`);
                failed[index] = batch;
                again = true;
              } else health.error(`the hub refused ${batch.length} passings for ${raceId}: ${result.error}`);
            }),
          );
        }
      }
      await Promise.all(jobs);
      // Back in the outbox in the order they came, ahead of anything newer: nothing received is lost, and a
      // correction is never overtaken by the time it corrects.
      for (const [raceId, failed] of unsaved) {
        const back = failed.flatMap((batch) => batch ?? []);
        if (back.length > 0) outbox.set(raceId, [...back, ...(outbox.get(raceId) ?? [])]);
      }
    } finally {
      flushing = false;
      updateWaiting();
    }
    if (outbox.size > 0) {
      if (again) retry ??= setTimeout(() => {
        retry = null;
        flush();
      }, RETRY_MS);
      else flush();
    }
  }

  return {
    take,
    close() {
      closed = true;
      if (retry) clearTimeout(retry);
      if (timer) clearTimeout(timer);
    },
  };
}
export type FeedIngest = ReturnType<typeof createFeedIngest>;
