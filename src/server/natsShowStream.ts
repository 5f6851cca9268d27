import { StorageType, type JetStreamClient, type JetStreamManager, type KV, type NatsConnection } from 'nats';
import type { ShowState } from '../state/showState';
import type { StreamTarget } from './natsPublisher';
import { readSnapshot } from './natsSnapshot';
import { withDeadline } from './withDeadline';

/** How long one request to the JetStream API may take (a cluster electing a leader may not answer at all). */
export const REQUEST_MS = 3000;

/** A show's stream, its snapshot bucket and where it stood when opened. */
export type ShowStream = {
  jsm: JetStreamManager;
  js: JetStreamClient;
  kv: KV;
  stream: string;
  subject: string;
  /** The latest snapshot (its revision is its stream position), or null: replay from the top. */
  snapshot: ShowState | null;
  lastSeq: number;
};

/**
 * Opens the show's stream `FINISHLINE_<show>` (creating it with `replicas` copies when it is missing) and its
 * snapshot, the key `<show>` in the `finishline-snapshots` bucket (in chunks: natsSnapshot.ts); seeds a new, empty stream with `seed`.
 * Every request has a deadline.
 */
export async function openShowStream(conn: NatsConnection, options: { show: string; replicas: number; seed: (target: StreamTarget) => Promise<unknown>; log: (line: string) => void }): Promise<ShowStream> {
  const { show, replicas, seed, log } = options;
  const stream = `FINISHLINE_${show}`;
  const subject = `finishline.${show}.commands`;
  const bounded = <T>(promise: Promise<T>, what: string) => withDeadline(promise, REQUEST_MS + 500, what);
  const jsm = await bounded(conn.jetstreamManager({ timeout: REQUEST_MS }), 'opening JetStream');
  try {
    await bounded(jsm.streams.info(stream), `reading stream ${stream}`);
  } catch {
    await bounded(jsm.streams.add({ name: stream, subjects: [subject], storage: StorageType.File, num_replicas: replicas }), `creating stream ${stream}`);
  }
  const js = conn.jetstream({ timeout: REQUEST_MS });
  const kv = await bounded(js.views.kv('finishline-snapshots', { history: 1, replicas }), 'opening the snapshot bucket');
  const { state } = await bounded(jsm.streams.info(stream), `reading stream ${stream}`);
  // A snapshot past the end of the stream belongs to a stream that was deleted since: it is not this show.
  const snapshot = await readSnapshot(kv, show, state.last_seq, log);
  if (state.last_seq === 0) {
    // Another hub may seed it first: both are applied in order everywhere, so the later one is the show.
    await seed({ js, jsm, stream, subject }).catch(() => {});
  }
  return { jsm, js, kv, stream, subject, snapshot, lastSeq: state.last_seq };
}

/** The stream's end, leader and copies, for a log line when something is late. */
export async function describeStream(jsm: JetStreamManager, stream: string): Promise<string> {
  try {
    const info = await withDeadline(jsm.streams.info(stream), 1500, 'stream info');
    const peers = (info.cluster?.replicas ?? []).map((r) => `${r.name} ${r.current ? 'current' : 'behind'}${r.offline ? ' offline' : ''} lag ${r.lag ?? 0}`).join(', ');
    return `stream last ${info.state.last_seq}, leader ${info.cluster?.leader ?? 'none'}${peers ? ` (${peers})` : ''}`;
  } catch (error) {
    return `stream: ${(error as Error).message}`;
  }
}
