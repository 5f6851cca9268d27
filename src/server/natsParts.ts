import { randomUUID } from 'node:crypto';
import { headers, type Msg } from 'nats';
import { publishAt, type PublishOutcome, type StreamTarget } from './natsPublisher';

/** The header of a message sent in parts: `<id> <n> <of>` (n from 0). */
export const PART_HEADER = 'Finishline-Part';

/**
 * Publishes `data` as the stream's message `expected + 1`, or, when it is bigger than `limit` bytes (a whole show
 * with a mass race's start list or passings; NATS takes 1 MB at most by default), as parts at `expected + 1`,
 * `expected + 2`… one after another: each is published expecting the one before, so no other message can come
 * between them. The outcome is the last part's; a part that is not stored ends it there, and the parts already
 * stored are orphans every reader skips (partReader).
 */
export async function publishInParts(target: StreamTarget, data: Uint8Array, expected: number, deadline: number, limit: number): Promise<PublishOutcome> {
  if (data.length <= limit) return publishAt(target, data, expected, deadline);
  const id = randomUUID().slice(0, 8);
  const of = Math.ceil(data.length / limit);
  let outcome: PublishOutcome = { kind: 'absent', error: 'nothing was published' };
  for (let n = 0; n < of; n++) {
    const header = headers();
    header.set(PART_HEADER, `${id} ${n} ${of}`);
    outcome = await publishAt(target, data.subarray(n * limit, (n + 1) * limit), expected + n, deadline, header);
    if (outcome.kind !== 'stored') return outcome;
  }
  return outcome;
}

/**
 * Puts messages sent in parts together again, read in stream order: a part gives `part` until the last, which gives
 * the whole message's bytes; a message not in parts gives `whole` (its own data). Parts that stop before their last
 * (a publisher that gave up, another message after them) are dropped.
 */
export function partReader() {
  let pending: { id: string; of: number; chunks: Uint8Array[]; bytes: number } | null = null;
  return (message: Msg): { kind: 'part' } | { kind: 'whole'; data: Uint8Array } => {
    const header = message.headers?.get(PART_HEADER);
    if (!header) {
      pending = null;
      return { kind: 'whole', data: message.data };
    }
    const [id = '', nText, ofText] = header.split(' ');
    const n = Number(nText);
    const of = Number(ofText);
    if (n === 0) pending = { id, of, chunks: [], bytes: 0 };
    if (!pending || pending.id !== id || pending.of !== of || pending.chunks.length !== n) {
      pending = null; // an orphan of a publisher that started again
      return { kind: 'part' };
    }
    pending.chunks.push(message.data.slice());
    pending.bytes += message.data.length;
    if (pending.chunks.length < of) return { kind: 'part' };
    const data = new Uint8Array(pending.bytes);
    let at = 0;
    for (const chunk of pending.chunks) {
      data.set(chunk, at);
      at += chunk.length;
    }
    pending = null;
    return { kind: 'whole', data };
  };
}
