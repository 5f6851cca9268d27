import { appendFileSync, mkdtempSync, openSync, readFileSync, statSync, writeSync, closeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { journalBytes, MIN_SLOT_BYTES, openShowJournal, readShowJournal, slotBytesFor } from './showJournal';

const journalIn = () => join(mkdtempSync(join(tmpdir(), 'journal-')), 'show.json.journal');
const record = (revision: number, showText = `{"revision": ${revision}}\n`) => ({ revision, logs: { asRun: [], passings: [] }, showText });

describe('show journal', () => {
  it('gives back the last two records written, oldest first, from a file that never changes size or inode', () => {
    const path = journalIn();
    const journal = openShowJournal(path, MIN_SLOT_BYTES);
    const made = statSync(path);
    expect(made.size).toBe(journalBytes(MIN_SLOT_BYTES));
    for (let index = 0; index < 5; index++) expect(journal.write(index, record(10 + index))).toBe(true);
    journal.close();
    expect(readShowJournal(path)).toEqual([record(13), record(14)]);
    expect(statSync(path).size).toBe(made.size);
    expect(statSync(path).ino).toBe(made.ino);
  });

  it('leaves out a record torn by a crash mid-write, keeping the one before it', () => {
    const path = journalIn();
    const journal = openShowJournal(path, MIN_SLOT_BYTES);
    journal.write(0, record(1));
    journal.write(1, record(2, `{"revision": 2, "name": "${'x'.repeat(5000)}"}\n`));
    journal.close();
    // The power went while slot 1 was being written: its end is still the zeros it had.
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(2000), 0, 2000, journalBytes(MIN_SLOT_BYTES) - MIN_SLOT_BYTES + 3000);
    closeSync(fd);
    expect(readShowJournal(path)).toEqual([record(1)]);
  });

  it('refuses a record bigger than a slot, writing nothing', () => {
    const path = journalIn();
    const journal = openShowJournal(path, MIN_SLOT_BYTES);
    const before = readFileSync(path);
    expect(journal.write(0, record(1, 'x'.repeat(MIN_SLOT_BYTES)))).toBe(false);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readShowJournal(path)).toEqual([]);
  });

  it('keeps a journal big enough, clearing the records of the run before (saved by then), and makes a bigger one for a show that has grown', () => {
    const path = journalIn();
    openShowJournal(path, MIN_SLOT_BYTES).write(0, record(1));
    expect(readShowJournal(path)).toEqual([record(1)]);
    const made = statSync(path);
    openShowJournal(path, MIN_SLOT_BYTES).close();
    expect(readShowJournal(path)).toEqual([]);
    expect(statSync(path).ino).toBe(made.ino);
    const bigger = slotBytesFor(600_000);
    expect(bigger).toBeGreaterThan(MIN_SLOT_BYTES);
    openShowJournal(path, bigger).close();
    expect(statSync(path).size).toBe(journalBytes(bigger));
    expect(readShowJournal(path)).toEqual([]);
  });

  it('reads a journal of the earlier version (no header, records without base) and makes it afresh when opened', () => {
    const path = journalIn();
    const fd = openSync(path, 'w+');
    writeSync(fd, Buffer.alloc(2 * MIN_SLOT_BYTES), 0, 2 * MIN_SLOT_BYTES, 0);
    for (const [at, revision] of [[0, 7], [MIN_SLOT_BYTES, 8]] as const) {
      const body = Buffer.from(`${JSON.stringify({ revision, logs: { asRun: [], passings: [] } })}\n{"revision": ${revision}}\n`);
      const header = Buffer.alloc(12);
      header.write('FLJ1', 0, 'latin1');
      header.writeUInt32LE(body.length, 4);
      header.writeUInt32LE(crc32(body), 8);
      writeSync(fd, Buffer.concat([header, body]), 0, 12 + body.length, at);
    }
    closeSync(fd);
    expect(readShowJournal(path)).toEqual([record(7), record(8)]);
    const journal = openShowJournal(path, MIN_SLOT_BYTES);
    expect(statSync(path).size).toBe(journalBytes(MIN_SLOT_BYTES));
    expect(readShowJournal(path)).toEqual([]);
    journal.write(0, { ...record(9), base: 8 });
    journal.close();
    expect(readShowJournal(path)).toEqual([{ ...record(9), base: 8 }]);
  });

  it('reads both records of a journal whose size changed (bytes appended after a kill), and says so', () => {
    const path = journalIn();
    const journal = openShowJournal(path, MIN_SLOT_BYTES);
    journal.write(0, record(1));
    journal.write(1, record(2));
    journal.close();
    const made = statSync(path).size;
    appendFileSync(path, randomBytes(100));
    const lines: string[] = [];
    expect(readShowJournal(path, (line) => lines.push(line))).toEqual([record(1), record(2)]);
    expect(lines).toEqual([`${path} is ${made + 100} bytes, not the ${made} it was made with (damaged, or changed by something else): its records were read where it put them`]);
  });

  it('reads no records when there is no journal', () => {
    expect(readShowJournal(journalIn())).toEqual([]);
  });
});
