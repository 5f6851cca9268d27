import { formatTime } from '../../core';
import type { FeedHealth } from './feedHealth';
import type { FeedIngest, IncomingPassing } from './feedIngest';

/**
 * Which rows of a pulled answer go on to the hub. A full-state feed answers with every passing each time, so an
 * answer that has not changed changes nothing (no command, no revision, no counters):
 * - two rows for the same athlete and point in one answer are one: the later row in the answer, read as a
 *   correction of the earlier; the pair is reported once in feed health while it stays in the answer;
 * - a row goes on when it is new or its time changed since it was taken;
 * - a refused row (a bib not on the start list yet, a point the race lacks, a row that can't be read) is looked at
 *   again in every answer: it goes on once it would be taken (a late entry added to the start list), and is
 *   reported again only when its time or its reason changes.
 */
export function createPullChanges(ingest: Pick<FeedIngest, 'check'>, health: Pick<FeedHealth, 'error'>) {
  /** Per athlete and point: the time taken. */
  const taken = new Map<string, unknown>();
  /** Per row refused: its time and the reason it was refused, as last reported. */
  const refused = new Map<string, string>();
  let pairsReported = new Set<string>();

  return {
    /** The rows of this answer to take, in answer order. */
    pick(rows: readonly IncomingPassing[]): IncomingPassing[] {
      const latest = new Map<string, IncomingPassing>();
      const pairs = new Set<string>();
      for (const row of rows) {
        const key = keyOf(row);
        const earlier = latest.get(key);
        if (earlier && earlier.elapsedMs !== row.elapsedMs && !row.problem) {
          const pair = `${key}|${String(earlier.elapsedMs)}|${String(row.elapsedMs)}`;
          pairs.add(pair);
          if (!pairsReported.has(pair)) {
            health.error(`${earlier.row} and ${row.row} give two times at ${String(row.metres)} m (${timeOf(earlier)} and ${timeOf(row)}): the later row's ${timeOf(row)} is taken, as a correction`);
          }
        }
        // The later row takes the earlier one's place in the answer's order.
        latest.delete(key);
        latest.set(key, row);
      }
      pairsReported = pairs;

      const picked: IncomingPassing[] = [];
      for (const [key, row] of latest) {
        if (taken.has(key) && taken.get(key) === row.elapsedMs) continue;
        const checked = ingest.check(row);
        if (checked.ok) {
          taken.set(key, row.elapsedMs);
          refused.delete(key);
        } else {
          const refusal = `${String(row.elapsedMs)}|${checked.reason}`;
          if (refused.get(key) === refusal) continue;
          refused.set(key, refusal);
        }
        picked.push(row);
      }
      return picked;
    },
  };
}

/** A row's athlete and point; a row that can't be read is a row of its own (it never stands for a good one). */
function keyOf(row: IncomingPassing): string {
  const key = `${row.raceId}|${String(row.bib)}|${String(row.metres)}`;
  return row.problem ? `${key}|${row.problem}` : key;
}

function timeOf(row: IncomingPassing): string {
  return typeof row.elapsedMs === 'number' && Number.isFinite(row.elapsedMs) && row.elapsedMs >= 0 ? formatTime(row.elapsedMs) : String(row.elapsedMs);
}
