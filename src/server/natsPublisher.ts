import { randomUUID } from 'node:crypto';
import type { JetStreamClient, JetStreamManager, MsgHdrs } from 'nats';
import { sleep, withDeadline } from './withDeadline';

/** One try's wait for the stream's acknowledgement. */
const PUBLISH_TIMEOUT_MS = 2000;

/**
 * What became of a message published at one stream position: stored there; refused because the stream had moved
 * on (`last`); or no answer by the deadline, the stream showing it is not there (`absent`) or leaving it open
 * (`unknown`: NATS may still store it).
 */
export type PublishOutcome =
  | { kind: 'stored'; seq: number }
  | { kind: 'conflict'; last: number }
  | { kind: 'absent'; error: string }
  | { kind: 'unknown'; error: string; msgID: string };

export type StreamTarget = { js: JetStreamClient; jsm: JetStreamManager; stream: string; subject: string };

/**
 * Publishes `data` as the stream's message `expected + 1` ("expected last sequence"), retrying until `deadline`
 * with one message id: a try that was stored but whose answer was lost comes back as a duplicate with its
 * sequence instead of being stored twice. Because the message can only ever be stored at `expected + 1`, a
 * conflict after an unanswered try is settled by reading that message's id, never by guessing.
 */
export async function publishAt(target: StreamTarget, data: Uint8Array, expected: number, deadline: number, headers?: MsgHdrs): Promise<PublishOutcome> {
  const { js, stream, subject } = target;
  const msgID = randomUUID();
  let unanswered = false;
  let error = 'NATS was not asked';
  while (Date.now() < deadline) {
    const timeout = Math.min(PUBLISH_TIMEOUT_MS, Math.max(250, deadline - Date.now()));
    try {
      const ack = await withDeadline(js.publish(subject, data, { msgID, expect: { lastSequence: expected }, timeout, ...(headers ? { headers } : {}) }), timeout + 250, `publishing to ${stream}`);
      if (ack.seq > 0) return { kind: 'stored', seq: ack.seq };
      // A duplicate of a try the stream is still storing: a later try gets its sequence.
      unanswered = true;
      error = 'an earlier try is still being stored';
    } catch (caught) {
      error = (caught as Error).message;
      const moved = /wrong last sequence: (\d+)/.exec(error);
      if (!moved) unanswered = true;
      else if (!unanswered) return { kind: 'conflict', last: Number(moved[1]) };
      else {
        const ours = await holds(target, expected + 1, msgID, deadline);
        if (ours === true) return { kind: 'stored', seq: expected + 1 };
        if (ours === false) return { kind: 'conflict', last: Number(moved[1]) };
        error = ours;
      }
    }
    await sleep(Math.min(200, deadline - Date.now()));
  }
  // Out of time: one last look, so the answer says what happened.
  try {
    const { state } = await withDeadline(target.jsm.streams.info(stream), 1500, `reading ${stream}'s end`);
    if (state.last_seq > expected) {
      const ours = await holds(target, expected + 1, msgID, Date.now() + 1500);
      if (ours === true) return { kind: 'stored', seq: expected + 1 };
      if (ours === false) return { kind: 'absent', error };
      return { kind: 'unknown', error: `${error}; ${ours}`, msgID };
    }
    return unanswered ? { kind: 'unknown', error, msgID } : { kind: 'absent', error };
  } catch (caught) {
    return { kind: 'unknown', error: `${error}; ${(caught as Error).message}`, msgID };
  }
}

/** Whether stream message `seq` carries `msgID`; a sentence when the stream cannot be read in time. */
async function holds({ jsm, stream }: StreamTarget, seq: number, msgID: string, deadline: number): Promise<boolean | string> {
  try {
    const stored = await withDeadline(jsm.streams.getMessage(stream, { seq }), Math.max(500, deadline - Date.now()), `reading message ${seq} of ${stream}`);
    return stored.header.get('Nats-Msg-Id') === msgID;
  } catch (caught) {
    return (caught as Error).message;
  }
}
