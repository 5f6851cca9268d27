import type { KV } from 'nats';
import { describeIssues } from '../protocol/describeIssues';
import { ShowState } from '../state/showState';
import { withDeadline } from './withDeadline';
import { REQUEST_MS } from './natsShowStream';

/**
 * The show's snapshot in the KV bucket, in pieces: a mass race's passings make a show of megabytes, and NATS
 * takes one message of at most `max_payload` (1 MB by default). The show's JSON is cut into chunks under the
 * keys `<show>.snapshot.<seq>.<writer>.<n>` (each writer its own, since every hub writes snapshots), then the key
 * `<show>` is pointed at them (`{ seq, writer, chunks }`), then the writer's previous chunks are deleted. A new hub
 * reads the pointer and the chunks; a chunk gone meanwhile (a newer snapshot replaced it) means reading the
 * pointer again, and anything else wrong means replaying the whole stream, as with no snapshot at all.
 */

type Pointer = { seq: number; writer: string; chunks: number; bytes: number };

const chunkKey = (show: string, seq: number, writer: string, n: number) => `${show}.snapshot.${seq}.${writer}.${n}`;
const bounded = <T>(promise: Promise<T>, what: string) => withDeadline(promise, REQUEST_MS + 500, what);

/** Writes snapshots of `show` from one hub (`writer`, letters and digits), in chunks of at most `maxChunkBytes`. */
export function snapshotWriter(kv: KV, show: string, writer: string, maxChunkBytes: number) {
  let previous: { seq: number; chunks: number } | null = null;
  let writing = false;
  return {
    /** Writes the snapshot at `seq` unless one is still being written (the next one will do); resolves with its size in bytes. */
    async write(seq: number, state: ShowState): Promise<number | null> {
      if (writing) return null;
      writing = true;
      try {
        const bytes = new TextEncoder().encode(JSON.stringify(state));
        const chunks = Math.max(1, Math.ceil(bytes.length / maxChunkBytes));
        for (let n = 0; n < chunks; n++) await bounded(kv.put(chunkKey(show, seq, writer, n), bytes.subarray(n * maxChunkBytes, (n + 1) * maxChunkBytes)), 'writing a snapshot chunk');
        const pointer: Pointer = { seq, writer, chunks, bytes: bytes.length };
        await bounded(kv.put(show, JSON.stringify(pointer)), 'writing the snapshot');
        const old = previous;
        previous = { seq, chunks };
        if (old) for (let n = 0; n < old.chunks; n++) await bounded(kv.delete(chunkKey(show, old.seq, writer, n)), 'deleting an old snapshot chunk').catch(() => {});
        return bytes.length;
      } finally {
        writing = false;
      }
    },
  };
}

/** The latest snapshot of `show` no further than `lastSeq` (a later one belongs to a stream deleted since), or null: replay from the top. */
export async function readSnapshot(kv: KV, show: string, lastSeq: number, log: (line: string) => void): Promise<ShowState | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const entry = await bounded(kv.get(show), 'reading the snapshot');
    if (!entry || entry.value.length === 0) return null;
    let saved: Partial<Pointer> & { state?: unknown };
    try {
      saved = entry.json();
    } catch {
      log(`The NATS snapshot of ${show} is not JSON: replaying the whole stream`);
      return null;
    }
    if (typeof saved.seq !== 'number' || saved.seq > lastSeq) return null;
    // A snapshot written whole, as hubs did before snapshots were cut in chunks.
    let state: unknown = saved.state;
    if (state === undefined) {
      const text = await readChunks(kv, show, saved as Pointer);
      if (text === null) continue; // replaced while being read: read the pointer again
      state = JSON.parse(text) as unknown;
    }
    const parsed = ShowState.safeParse(state);
    if (parsed.success) return parsed.data;
    log(`The NATS snapshot of ${show} is not a valid show (${describeIssues(parsed.error)}): replaying the whole stream`);
    return null;
  }
  log(`The NATS snapshot of ${show} kept being replaced while it was read: replaying the whole stream`);
  return null;
}

async function readChunks(kv: KV, show: string, pointer: Pointer): Promise<string | null> {
  const bytes = new Uint8Array(pointer.bytes);
  let at = 0;
  for (let n = 0; n < pointer.chunks; n++) {
    const chunk = await bounded(kv.get(chunkKey(show, pointer.seq, pointer.writer, n)), 'reading a snapshot chunk');
    if (!chunk || chunk.value.length === 0 || at + chunk.value.length > bytes.length) return null;
    bytes.set(chunk.value, at);
    at += chunk.value.length;
  }
  return at === bytes.length ? new TextDecoder().decode(bytes) : null;
}
