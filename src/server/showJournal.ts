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
 * The file starts with a header (4 KiB, written once when the file is made): 'FLJH', the format (2) and the slot size
 * (little-endian u32 each); the slots follow it, so a file whose size changed (bytes appended, a copy cut short) is
 * reported and its records still read where they are. A slot: 'FLJ1', the body's length and its CRC-32
 * (little-endian u32 each), then the body: one JSON line with the revision, the revision its change started from
 * (`base`: a start replays records only if they follow on from the show file) and what the logs beside the show file
 * need (as-run entries, passings lines), then the show as JSON (without passings). A journal of an earlier version
 * has no header (two slots of half its size, records without `base`): it is read that way and made afresh on open.
 */
export type JournalRecord = { revision: number; base?: number; logs: unknown; showText: string };

const MAGIC = 0x314a4c46; // 'FLJ1' read little-endian
const FILE_MAGIC = 0x484a4c46; // 'FLJH'
const FORMAT = 2;
const FILE_HEADER_BYTES = 4096;
const HEADER_BYTES = 12;
/** Slots hold at least this, and four times the show made at start: a show grows in the day (races, entrants). */
export const MIN_SLOT_BYTES = 1 << 20;
const SLOT_ALIGN = 64 * 1024;

export const journalPath = (showPath: string) => `${showPath}.journal`;

/** A journal's size for slots of `slotBytes`. */
export const journalBytes = (slotBytes: number) => FILE_HEADER_BYTES + 2 * slotBytes;

export function slotBytesFor(showTextBytes: number): number {
  return Math.max(MIN_SLOT_BYTES, Math.ceil((4 * showTextBytes + HEADER_BYTES) / SLOT_ALIGN) * SLOT_ALIGN);
}

/** Where a journal's slots are: from its header, or (an earlier version's) half its size each from the start. */
function layoutOf(fd: number): { first: number; slot: number; size: number; made: number | null } {
  const size = fstatSync(fd).size;
  const header = Buffer.alloc(12);
  if (readSync(fd, header, 0, 12, 0) === 12 && header.readUInt32LE(0) === FILE_MAGIC && header.readUInt32LE(4) === FORMAT) {
    const slot = header.readUInt32LE(8);
    return { first: FILE_HEADER_BYTES, slot, size, made: journalBytes(slot) };
  }
  return { first: 0, slot: Math.floor(size / 2), size, made: null };
}

/**
 * Opens the journal for writing, made afresh (zeros under its header, synced, renamed in, its folder synced) when
 * missing, of an earlier version, of another size than it was made or with slots smaller than `slotBytes`. Call only
 * once its records are in the show file (replayShowJournal): the records it holds are cleared, so it only ever
 * holds this run's, which follow on from the show file as it is now.
 */
export function openShowJournal(path: string, slotBytes: number) {
  let fd = openExisting(path);
  const found = fd === null ? null : layoutOf(fd);
  if (fd === null || !found || found.made === null || found.made !== found.size || found.slot < slotBytes) {
    if (fd !== null) closeSync(fd);
    fd = makeZeroed(path, slotBytes);
  } else {
    // Overwritten in place (the blocks are allocated): a start needs no free space for it.
    const zeros = Buffer.alloc(HEADER_BYTES);
    for (const at of [FILE_HEADER_BYTES, FILE_HEADER_BYTES + found.slot]) writeSync(fd, zeros, 0, HEADER_BYTES, at);
    fdatasyncSync(fd);
  }
  const { first, slot } = layoutOf(fd);
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
      const at = first + (index % 2) * slot;
      for (let done = 0; done < buffer.length; ) done += writeSync(handle, buffer, done, buffer.length - done, at + done);
      fdatasyncSync(handle);
      return true;
    },
    close: () => closeSync(handle),
  };
}
export type ShowJournal = ReturnType<typeof openShowJournal>;

/**
 * The journal's whole records, oldest first (a torn or empty slot is left out); none without a journal. A journal
 * not of the size it was made with is said in `log`, and its records read where its header puts them.
 */
export function readShowJournal(path: string, log: (line: string) => void = () => {}): JournalRecord[] {
  const fd = openExisting(path);
  if (fd === null) return [];
  try {
    const { first, slot, size, made } = layoutOf(fd);
    if (made !== null && made !== size) log(`${path} is ${size} bytes, not the ${made} it was made with (damaged, or changed by something else): its records were read where it put them`);
    const records: JournalRecord[] = [];
    for (const at of [first, first + slot]) {
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

function encode({ revision, base, logs, showText }: JournalRecord): Buffer {
  return Buffer.from(`${JSON.stringify({ revision, base, logs })}\n${showText}`, 'utf8');
}

function decode(body: Buffer): JournalRecord | null {
  const text = body.toString('utf8');
  const newline = text.indexOf('\n');
  try {
    const { revision, base, logs } = JSON.parse(text.slice(0, newline)) as { revision: unknown; base: unknown; logs: unknown };
    if (!Number.isInteger(revision)) return null;
    return { revision: revision as number, ...(Number.isInteger(base) ? { base: base as number } : {}), logs, showText: text.slice(newline + 1) };
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

/** A journal of two empty slots at `path`, on disk with its name: its header and zeros written beside, synced, renamed in, folder synced. */
function makeZeroed(path: string, slotBytes: number): number {
  const bytes = journalBytes(slotBytes);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temp, 'w+', 0o644);
  const zeros = Buffer.alloc(Math.min(bytes, 1 << 20));
  for (let at = 0; at < bytes; at += zeros.length) writeSync(fd, zeros, 0, Math.min(zeros.length, bytes - at), at);
  const header = Buffer.alloc(12);
  header.writeUInt32LE(FILE_MAGIC, 0);
  header.writeUInt32LE(FORMAT, 4);
  header.writeUInt32LE(slotBytes, 8);
  writeSync(fd, header, 0, header.length, 0);
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
