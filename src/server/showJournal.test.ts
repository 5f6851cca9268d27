import { mkdtempSync, openSync, readFileSync, statSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_SLOT_BYTES, openShowJournal, readShowJournal, slotBytesFor } from './showJournal';

const journalIn = () => join(mkdtempSync(join(tmpdir(), 'journal-')), 'show.json.journal');
const record = (revision: number, showText = `{"revision": ${revision}}\n`) => ({ revision, logs: { asRun: [], passings: [] }, showText });

describe('show journal', () => {
  it('gives back the last two records written, oldest first, from a file that never changes size or inode', () => {
    const path = journalIn();
    const journal = openShowJournal(path, MIN_SLOT_BYTES);
    const made = statSync(path);
    expect(made.size).toBe(2 * MIN_SLOT_BYTES);
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
    writeSync(fd, Buffer.alloc(2000), 0, 2000, MIN_SLOT_BYTES + 3000);
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

  it('keeps a journal big enough and makes a bigger one for a show that has grown', () => {
    const path = journalIn();
    openShowJournal(path, MIN_SLOT_BYTES).write(0, record(1));
    expect(readShowJournal(path)).toEqual([record(1)]);
    openShowJournal(path, MIN_SLOT_BYTES).close();
    expect(readShowJournal(path)).toEqual([record(1)]);
    const bigger = slotBytesFor(600_000);
    expect(bigger).toBeGreaterThan(MIN_SLOT_BYTES);
    openShowJournal(path, bigger).close();
    expect(statSync(path).size).toBe(2 * bigger);
    expect(readShowJournal(path)).toEqual([]);
  });

  it('reads no records when there is no journal', () => {
    expect(readShowJournal(journalIn())).toEqual([]);
  });
});
