import { closeSync, fdatasyncSync, fstatSync, fsyncSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * The take journal beside the show file (`<show file>.journal`): what the hub syncs on the way of a Take, so it
 * can publish after one write and one flush instead of a whole save. It is a file of two fixed slots, made once
 * (written full of zeros and synced, so its blocks are allocated: an unwritten extent would be a metadata change)
 * and then only overwritten in place, so an fdatasync has no size, block or name to commit, only the data.
 * Commits go to the slots in turn; a slot is overwritten only once the record it held is in the show file and
 * the logs beside it (see journaledSaves.ts), so a torn write (the power going mid-write) can only spoil the
 * newest record, never acknowledged, and the other slot still holds the one before.
 *
 * A slot: 'FLJ1', the body's length and its CRC-32 (little-endian u32 each), then the body: one JSON line with
 * the revision and what the logs beside the show file need (as-run entries, passings lines), then the show as JSON (without passings).
 */
export type JournalRecord = { revision: number; logs: unknown; showText: string };

const MAGIC = 0x314a4c46; // 'FLJ1' read little-endian
const HEADER_BYTES = 12;
/** Slots hold at least this, and four times the show made at start: a show grows in the day (races, entrants). */
export const MIN_SLOT_BYTES = 1 << 20;
const SLOT_ALIGN = 64 * 1024;

export const journalPath = (showPath: string) => `${showPath}.journal`;

export function slotBytesFor(showTextBytes: number): number {
  return Math.max(MIN_SLOT_BYTES, Math.ceil((4 * showTextBytes + HEADER_BYTES) / SLOT_ALIGN) * SLOT_ALIGN);
}

/**
 * Opens the journal for writing, made afresh (zeros, synced, renamed in, its folder synced) when missing or
 * smaller than two slots of `slotBytes`. Call only once its records are in the show file (replayShowJournal).
 */
export function openShowJournal(path: string, slotBytes: number) {
  let fd = openExisting(path);
  if (fd === null || fstatSync(fd).size < 2 * slotBytes) {
    if (fd !== null) closeSync(fd);
    fd = makeZeroed(path, 2 * slotBytes);
  }
  const size = fstatSync(fd).size;
  const slot = Math.floor(size / 2);
  const handle = fd;
  return {
    /** Bytes a record's body may take. */
    capacity: slot - HEADER_BYTES,
    /**
     * Writes `record` into slot `index % 2` and flushes it to the disk (fdatasync, on this thread: the one wait of
     * a Take, with nothing to hand over to the thread pool and back). False when it does not fit (nothing written).
     */
    write(index: number, record: JournalRecord): boolean {
      const body = encode(record);
      if (body.length > slot - HEADER_BYTES) return false;
      const buffer = Buffer.allocUnsafe(HEADER_BYTES + body.length);
      buffer.writeUInt32LE(MAGIC, 0);
      buffer.writeUInt32LE(body.length, 4);
      buffer.writeUInt32LE(crc32(body), 8);
      body.copy(buffer, HEADER_BYTES);
      const at = (index % 2) * slot;
      for (let done = 0; done < buffer.length; ) done += writeSync(handle, buffer, done, buffer.length - done, at + done);
      fdatasyncSync(handle);
      return true;
    },
    close: () => closeSync(handle),
  };
}
export type ShowJournal = ReturnType<typeof openShowJournal>;

/** The journal's whole records, oldest first (a torn or empty slot is left out); none without a journal. */
export function readShowJournal(path: string): JournalRecord[] {
  const fd = openExisting(path);
  if (fd === null) return [];
  try {
    const slot = Math.floor(fstatSync(fd).size / 2);
    const records: JournalRecord[] = [];
    for (const at of [0, slot]) {
      const header = Buffer.alloc(HEADER_BYTES);
      if (slot < HEADER_BYTES || readSync(fd, header, 0, HEADER_BYTES, at) < HEADER_BYTES || header.readUInt32LE(0) !== MAGIC) continue;
      const length = header.readUInt32LE(4);
      if (length > slot - HEADER_BYTES) continue;
      const body = Buffer.alloc(length);
      if (readSync(fd, body, 0, length, at + HEADER_BYTES) < length || crc32(body) !== header.readUInt32LE(8)) continue;
      const record = decode(body);
      if (record) records.push(record);
    }
    return records.sort((a, b) => a.revision - b.revision);
  } finally {
    closeSync(fd);
  }
}

function encode({ revision, logs, showText }: JournalRecord): Buffer {
  return Buffer.from(`${JSON.stringify({ revision, logs })}\n${showText}`, 'utf8');
}

function decode(body: Buffer): JournalRecord | null {
  const text = body.toString('utf8');
  const newline = text.indexOf('\n');
  try {
    const { revision, logs } = JSON.parse(text.slice(0, newline)) as { revision: unknown; logs: unknown };
    return Number.isInteger(revision) ? { revision: revision as number, logs, showText: text.slice(newline + 1) } : null;
  } catch {
    return null; // its CRC matched, so written whole by something else: not ours to read
  }
}

function openExisting(path: string): number | null {
  try {
    return openSync(path, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** A file of `bytes` zeros at `path`, on disk with its name: written beside, synced, renamed in, folder synced. */
function makeZeroed(path: string, bytes: number): number {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temp, 'w+', 0o644);
  const zeros = Buffer.alloc(Math.min(bytes, 1 << 20));
  for (let at = 0; at < bytes; at += zeros.length) writeSync(fd, zeros, 0, Math.min(zeros.length, bytes - at), at);
  fsyncSync(fd);
  renameSync(temp, path);
  const dir = openSync(dirname(path), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
  return fd;
}
