import { MAX_PASSINGS_PER_BATCH } from '../../protocol/commands/timingCommands';
import { describeIssues } from '../../protocol/describeIssues';
import { Passing } from '../../protocol/passing';
import type { Race } from '../../protocol/race';
import { alreadyRecorded, bibOnList, passingRefusal, pointAt } from '../../state/passingTable';
import type { Hub } from '../hub';
import type { FeedHealth } from './feedHealth';

/** A passing as a source read it: `row` says where in the feed it came from, in the feed's terms ("row 12"). */
export type IncomingPassing = { row: string; raceId: string | undefined; bib: unknown; metres: unknown; elapsedMs: unknown; problem?: string };

const RETRY_MS = 250;
/** How often a feed's passings go to the hub: each flush is one save and one snapshot to every page. */
const FLUSH_MS = 250;
/** Passings a feed may have waiting for the hub before it reports it is falling behind (none are dropped). */
const WARN_WAITING = 20_000;

/** A row that did not go in, and why, in the feed's terms. */
export type RowRefusal = { row: string; reason: string };
/**
 * What became of a take's passings: `accepted` the hub has committed (stored, dropped as duplicates or held for
 * the operator: journaled either way), `refused` were never taken (a bad row, or the hub refused its batch),
 * `unsaved` could not be saved yet (they still wait here and go again; sent again, they count once).
 */
export type TakeResult = { accepted: number; refused: RowRefusal[]; unsaved: RowRefusal[] };

/** A checked row: the passing to send, or why it can't be taken. */
type Checked = { ok: true; raceId: string; passing: Passing } | { ok: false; reason: string };
type Outcome = 'saved' | { refused: string } | { unsaved: string };
type Waiting = { passing: Passing; row: string; settle(outcome: Outcome): void };

/**
 * Takes what a feed read to the hub: each row checked on its own (a known race, bib and timing point, a valid
 * passing), the bad ones reported in feed health by row and the good ones sent as recordPassings in batches,
 * at most every FLUSH_MS. A take's promise settles once the hub has committed its passings (journaled before
 * it answers), so a push is acknowledged only for what a kill -9 cannot lose.
 * Rows the hub could not save yet (busy, a failed write) wait here and go again; nothing received is dropped.
 */
export function createFeedIngest(hub: Pick<Hub, 'store' | 'submit'>, feedId: string, health: FeedHealth) {
  const outbox = new Map<string, Waiting[]>();
  let flushing = false;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastSentAt = -Infinity;
  let closed = false;

  /** The row as it would be taken against the show now, or why not (nothing is reported or sent). */
  function check(incoming: IncomingPassing): Checked {
    if (incoming.problem) return { ok: false, reason: incoming.problem };
    if (!incoming.raceId) return { ok: false, reason: 'names no race, and the feed has no race set' };
    const race = hub.store.getState().races.find((r) => r.id === incoming.raceId);
    if (!race) return { ok: false, reason: `no race "${incoming.raceId}" in the show` };
    const parsed = Passing.safeParse({ bib: incoming.bib, metres: incoming.metres, elapsedMs: incoming.elapsedMs, source: feedId });
    if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error) };
    const passing = { ...parsed.data, bib: bibOnList(race, parsed.data.bib) };
    const refusal = passingRefusal(race, passing);
    if (refusal) return { ok: false, reason: refusal };
    return { ok: true, raceId: race.id, passing };
  }

  function take(rows: readonly IncomingPassing[]): Promise<TakeResult> {
    const result: TakeResult = { accepted: 0, refused: [], unsaved: [] };
    let pending = 0;
    let done!: (result: TakeResult) => void;
    const committed = new Promise<TakeResult>((resolve) => (done = resolve));
    for (const incoming of rows) {
      const checked = check(incoming);
      if (!checked.ok) {
        result.refused.push({ row: incoming.row, reason: checked.reason });
        health.error(`${incoming.row}: ${checked.reason}`);
        continue;
      }
      pending++;
      let settled = false;
      const settle = (outcome: Outcome) => {
        if (settled) return;
        settled = true;
        if (outcome === 'saved') result.accepted++;
        else if ('refused' in outcome) result.refused.push({ row: incoming.row, reason: outcome.refused });
        else result.unsaved.push({ row: incoming.row, reason: outcome.unsaved });
        if (--pending === 0) done(result);
      };
      const queue = outbox.get(checked.raceId) ?? [];
      queue.push({ passing: checked.passing, row: incoming.row, settle });
      outbox.set(checked.raceId, queue);
    }
    health.message(rows.length);
    updateWaiting();
    flush();
    if (pending === 0) done(result);
    return committed;
  }

  function updateWaiting() {
    const before = health.waiting;
    health.waiting = [...outbox.values()].reduce((sum, q) => sum + q.length, 0);
    if (health.waiting >= WARN_WAITING && before < WARN_WAITING) health.error(`${health.waiting} passings are waiting for the hub to save them; none are dropped, air will catch up`);
  }

  /**
   * Sends what is waiting at most every FLUSH_MS (at once after a quiet spell, so a push is answered soon), all
   * batches together so the hub saves them as one group and outputs get one snapshot per flush however many
   * small messages a feed sends (a burst of hundreds a second is a few snapshots, not hundreds).
   */
  function flush(): void {
    if (flushing || closed || timer) return;
    timer = setTimeout(
      () => {
        timer = null;
        void send();
      },
      Math.max(0, lastSentAt + FLUSH_MS - performance.now()),
    );
  }

  async function send(): Promise<void> {
    if (flushing || closed) return;
    flushing = true;
    lastSentAt = performance.now();
    let again = false;
    try {
      const jobs: Promise<void>[] = [];
      const unsaved = new Map<string, Waiting[][]>();
      for (const [raceId, waiting] of outbox) {
        outbox.delete(raceId);
        // A passing the race already has (resent by a timing system's window, a restarted pull) is saved already:
        // answered as such, it makes no command, so no revision and no snapshot to every output.
        // (The show in the store is saved: a commit sets it only once on disk.)
        const race = hub.store.getState().races.find((r) => r.id === raceId);
        const queue = latestPerPoint(race, waiting).filter((w) => {
          const known = race !== undefined && alreadyRecorded(race, w.passing);
          if (known) w.settle('saved');
          return !known;
        });
        const failed: Waiting[][] = [];
        unsaved.set(raceId, failed);
        for (let i = 0; i < queue.length; i += MAX_PASSINGS_PER_BATCH) {
          const batch = queue.slice(i, i + MAX_PASSINGS_PER_BATCH);
          const index = i / MAX_PASSINGS_PER_BATCH;
          jobs.push(
            hub.submit({ type: 'recordPassings', raceId, passings: batch.map((w) => w.passing) }).then((result) => {
              if (result.ok) {
                health.delivered += batch.length;
                for (const w of batch) w.settle('saved');
              } else if (result.reason === 'busy' || result.reason === 'storage') {
                if (result.reason === 'storage') {
                  health.error(`the hub could not save passings (${result.error}); they wait and go again`);
                  // Not acknowledged: a pusher hears they are not saved yet (and a resend counts once).
                  for (const w of batch) w.settle({ unsaved: `the hub could not save it yet (${result.error}); it waits and goes again, and sent again it counts once` });
                }
                failed[index] = batch;
                again = true;
              } else {
                health.error(`the hub refused ${batch.length} passings for ${raceId}: ${result.error}`);
                for (const w of batch) w.settle({ refused: `the hub refused its batch: ${result.error}` });
              }
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
    check,
    close() {
      closed = true;
      if (retry) clearTimeout(retry);
      if (timer) clearTimeout(timer);
      for (const queue of outbox.values()) for (const w of queue) w.settle({ unsaved: 'the feed was stopped before it was saved' });
    },
  };
}
export type FeedIngest = ReturnType<typeof createFeedIngest>;

/**
 * One waiting passing per athlete and point: the latest, as a correction of the ones before it, which are answered
 * with its outcome. Checked alone against the stored race, a resent time and its correction (a replay after a
 * restart sends both) would drop the correction as stored and send the old time over it; kept in the order
 * of the latest rows.
 */
function latestPerPoint(race: Race | undefined, waiting: readonly Waiting[]): Waiting[] {
  const byPoint = new Map<string, Waiting[]>();
  for (const w of waiting) {
    const point = race ? pointAt(race, w.passing.metres)?.index : undefined;
    const key = `${w.passing.bib}\n${point ?? `${w.passing.metres} m`}`;
    const same = byPoint.get(key);
    if (same) {
      same.push(w);
      // Re-inserted so the map's order is that of each point's latest row.
      byPoint.delete(key);
      byPoint.set(key, same);
    } else byPoint.set(key, [w]);
  }
  return [...byPoint.values()].map((same) => {
    if (same.length === 1) return same[0]!;
    const latest = same[same.length - 1]!;
    return { ...latest, settle: (outcome: Outcome) => same.forEach((w) => w.settle(outcome)) };
  });
}
