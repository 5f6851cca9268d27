import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Command } from '../protocol/command';
import { applyCommand } from '../state/applyCommand';
import { emptyShow, type ShowState } from '../state/showState';
import { entrantLogPath, LONG_LIST, openEntrantLog, readEntrantLog, withoutLongLists } from './entrantLog';

function run(state: ShowState, input: unknown): ShowState {
  const result = applyCommand(state, Command.parse(input), { now: 0 });
  if (!result.ok) throw new Error(result.error);
  return result.state;
}
const field = (count: number, from = 1) => Array.from({ length: count }, (_, i) => ({ bib: String(from + i), name: `Runner ${from + i}` }));
/** A race's whole list, added the way an import sends it: upsertEntrants of 1000 at a time. */
function withList(state: ShowState, id: string, count: number): ShowState {
  let next = run(state, { type: 'addRace', raceId: id, name: id.toUpperCase(), kind: 'mass' });
  for (let from = 1; from <= count; from += 1000) next = run(next, { type: 'upsertEntrants', raceId: id, entrants: field(Math.min(1000, count - from + 1), from) });
  return next;
}
const listOf = (state: ShowState, id: string) => state.races.find((r) => r.id === id)?.entrants;

/** A show file kept the way the hub keeps it: without its long lists, beside their log. */
async function onDisk(initial: ShowState) {
  const showPath = join(mkdtempSync(join(tmpdir(), 'finishline-entrants-')), 'show.json');
  const { state, entrantLog } = await openEntrantLog(showPath, initial);
  let file = withoutLongLists(initial);
  let current = state;
  return {
    showPath,
    async save(next: ShowState) {
      await entrantLog.record(current, next);
      file = withoutLongLists(next);
      current = next;
    },
    reopen: () => readEntrantLog(showPath, file),
    file: () => file,
  };
}

describe('the start-list log', () => {
  it('keeps a long list out of the show file and gives it back on start, with each edit; a short list stays in the file', async () => {
    let show = withList(withList(emptyShow('Lists'), 'mass', LONG_LIST + 500), 'elite', 30);
    const disk = await onDisk(show);
    expect(listOf(disk.file(), 'mass')).toBeUndefined();
    expect(listOf(disk.file(), 'elite')).toHaveLength(30);
    expect(disk.reopen()).toEqual(show);

    show = run(show, { type: 'upsertEntrants', raceId: 'mass', entrants: [{ bib: '7', name: 'Zoë Çelik', country: 'TUR' }], was: [{ bib: '7', name: 'Runner 7' }] });
    await disk.save(show);
    show = run(show, { type: 'upsertEntrants', raceId: 'elite', entrants: [{ bib: '31', name: 'New' }] });
    await disk.save(show);
    expect(disk.reopen()).toEqual(show);
    expect(listOf(disk.reopen(), 'mass')![6]).toEqual({ bib: '7', name: 'Zoë Çelik', country: 'TUR' });

    // Cut back to a short list, the show file holds it again; a race removed does not leave its list to a new one.
    show = run(show, { type: 'setEntrants', raceId: 'mass', entrants: field(10) });
    await disk.save(show);
    expect(listOf(disk.file(), 'mass')).toHaveLength(10);
    expect(disk.reopen()).toEqual(show);
    show = withList(show, 'city', LONG_LIST + 1);
    await disk.save(show);
    show = run(show, { type: 'removeRace', raceId: 'city' });
    await disk.save(show);
    show = run(show, { type: 'addRace', raceId: 'city', name: 'CITY', kind: 'mass' });
    await disk.save(show);
    expect(listOf(disk.reopen(), 'city')).toBeUndefined();
  });

  it('reads a list only up to the show file’s revision, drops a torn last line and names an unreadable one', async () => {
    const show = withList(emptyShow('Lists'), 'mass', LONG_LIST + 1);
    const disk = await onDisk(show);
    const ahead = run(show, { type: 'upsertEntrants', raceId: 'mass', entrants: [{ bib: '1', name: 'Renamed' }] });
    await disk.save(ahead);
    // The show file of `show` (a save whose rename never happened): its list as it was.
    expect(readEntrantLog(disk.showPath, withoutLongLists(show))).toEqual(show);
    appendFileSync(entrantLogPath(disk.showPath), '{"revision":1,"race":"ma');
    const lines: string[] = [];
    expect(readEntrantLog(disk.showPath, disk.file(), (line) => lines.push(line))).toEqual(ahead);
    expect(lines).toEqual([expect.stringMatching(/^Dropped the last line of .*: a save was cut short there/)]);
    const fresh = await onDisk(show);
    appendFileSync(entrantLogPath(fresh.showPath), `${JSON.stringify({ revision: 1, race: 'mass', entrants: [{ bib: 'x y', name: 'A' }] })}\n`);
    expect(() => readEntrantLog(fresh.showPath, fresh.file())).toThrow(/line 2 is not a start-list line: entrants: 0\.bib: must be a bib number/);
  });

  it('starts with the log as it is when it cannot be written afresh (a full disk), and records the saves after it', async () => {
    let show = withList(emptyShow('Lists'), 'mass', LONG_LIST + 1);
    const disk = await onDisk(show);
    const path = entrantLogPath(disk.showPath);
    // A save that never finished (its line past the show's revision), then one cut short by the disk filling up.
    appendFileSync(path, `${JSON.stringify({ revision: show.revision + 1, race: 'mass', entrants: field(LONG_LIST + 1, 900) })}\n{"revision":${show.revision + 1},"race":"ma`);
    // Compacting cannot write its temp file (in place of a full disk: something is in the way of the name it uses).
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(1_800_000_000_000);
      mkdirSync(join(disk.showPath, '..', `.show.json.entrants.ndjson.${process.pid}.${Date.now()}.tmp`));
      const lines: string[] = [];
      const { state, entrantLog } = await openEntrantLog(disk.showPath, disk.file(), (line) => lines.push(line));
      expect(state).toEqual(show);
      expect(lines.at(-1)).toMatch(new RegExp(`^Warning: ${path} could not be written afresh at start \\(EISDIR.*\\): the hub goes on with it as it is`));
      // The next saves append to it, and a restart reads them.
      const next = run(show, { type: 'upsertEntrants', raceId: 'mass', entrants: [{ bib: '1', name: 'Renamed' }] });
      await entrantLog.record(show, next);
      show = next;
      expect(readEntrantLog(disk.showPath, withoutLongLists(show))).toEqual(show);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a show file whose long list is not in the log beside it (the log missing, or without the race), naming the file and the races', async () => {
    const show = withList(withList(emptyShow('Lists'), 'mass', LONG_LIST + 1), 'elite', 30);
    const disk = await onDisk(show);
    expect(disk.file().races.find((r) => r.id === 'mass')).toMatchObject({ entrantCount: LONG_LIST + 1 });
    const path = entrantLogPath(disk.showPath);
    rmSync(path);
    expect(() => readEntrantLog(disk.showPath, disk.file())).toThrow(
      `${path} is missing: the show file ${disk.showPath} says its race MASS (mass, ${LONG_LIST + 1} entrants) expects its start list from that file. Put the file back beside the show file (a show is moved with all its files) and start again; nothing was changed.`,
    );
    writeFileSync(path, '');
    expect(() => readEntrantLog(disk.showPath, disk.file())).toThrow(`${path} has no start list for them: the show file`);
    // An old show file (no count) without a log starts as it always did.
    expect(readEntrantLog(disk.showPath, withoutLongLists(emptyShow('Old')))).toEqual(emptyShow('Old'));
  });
});
