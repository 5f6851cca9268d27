import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Command } from '../protocol/command';
import { applyCommand } from '../state/applyCommand';
import { emptyShow, type ShowState } from '../state/showState';
import { openPassingLog, passingLogPath, readPassingLog, withoutPassings } from './passingLog';

const GUN = Date.parse('2016-04-24T10:00:00+01:00');
const min = (m: number) => m * 60_000;

function run(state: ShowState, input: unknown): ShowState {
  const result = applyCommand(state, Command.parse(input), { now: GUN + min(200) });
  if (!result.ok) throw new Error(result.error);
  return result.state;
}

function mass(id = 'mass'): ShowState {
  let state = run(emptyShow('Passing log'), { type: 'addRace', raceId: id, name: 'MASS', kind: 'mass' });
  state = run(state, { type: 'setGunTime', raceId: id, gunTime: GUN });
  state = run(state, { type: 'setEntrants', raceId: id, entrants: Array.from({ length: 50 }, (_, i) => ({ bib: String(i + 1), name: `Runner ${i + 1}` })) });
  return run(state, { type: 'setTimingPoints', raceId: id, points: [{ metres: 5000, label: '5K' }, { metres: 10_000, label: '10K' }] });
}
const passings = (from: number, to: number, metres: number, ms = (bib: number) => min(metres / 250) + bib * 1000) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ bib: String(from + i), metres, elapsedMs: ms(from + i) }));
const record = (state: ShowState, list: ReturnType<typeof passings>, id = 'mass') => run(state, { type: 'recordPassings', raceId: id, passings: list });
const rowsOf = (state: ShowState, id = 'mass') => state.races.find((r) => r.id === id)?.passings;

/** A show file kept the way the hub keeps it: without passings, beside its log. */
async function onDisk(initial: ShowState) {
  const showPath = join(mkdtempSync(join(tmpdir(), 'finishline-passings-')), 'show.json');
  // The first start reads a show file that still holds its passings (as one written before the log did).
  const { state, passingLog } = await openPassingLog(showPath, initial);
  let file = withoutPassings(initial);
  let current = state;
  return {
    showPath,
    passingLog,
    /** One save: the log's lines, then the show file (the hub renames it once both are synced). */
    async save(next: ShowState) {
      await passingLog.record(current, next);
      file = withoutPassings(next);
      current = next;
    },
    /** What a restarted hub reads. */
    reopen: () => readPassingLog(showPath, file),
    file: () => file,
  };
}

describe('passing log', () => {
  it('gives back every passing, correction and re-indexed point at the show file’s revision, with the show file holding none', async () => {
    let state = record(mass(), passings(1, 30, 5000));
    const disk = await onDisk(state);
    expect(rowsOf(disk.file())).toBeUndefined();
    expect(rowsOf(disk.reopen())).toEqual(rowsOf(state));

    state = record(state, passings(31, 50, 5000));
    await disk.save(state);
    state = record(state, [...passings(1, 10, 10_000), { bib: '7', metres: 5000, elapsedMs: min(20) + 500 }]);
    await disk.save(state);
    // A timing point added in front re-indexes every row.
    state = run(state, { type: 'setTimingPoints', raceId: 'mass', points: [{ metres: 2000, label: '2K' }, { metres: 5000, label: '5K' }, { metres: 10_000, label: '10K' }] });
    await disk.save(state);
    const reopened = disk.reopen();
    expect(rowsOf(reopened)).toHaveLength(60);
    expect(reopened).toEqual(state);
  });

  it('appends only what a save changed', async () => {
    let state = record(mass(), passings(1, 50, 5000));
    const disk = await onDisk(state);
    const before = disk.passingLog.size();
    state = record(state, [{ bib: '3', metres: 10_000, elapsedMs: min(41) }]);
    await disk.save(state);
    const lines = readFileSync(passingLogPath(disk.showPath), 'utf8').trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toEqual({ revision: state.revision, race: 'mass', put: [['3', 1, min(41), 0]], drop: [] });
    expect(disk.passingLog.size()).toEqual({ compacted: before.compacted, appended: Buffer.byteLength(lines.at(-1)!) + 1 });
  });

  it('does not give a removed race’s passings to a new race of the same id', async () => {
    let state = record(mass(), passings(1, 5, 5000));
    const disk = await onDisk(state);
    state = run(state, { type: 'removeRace', raceId: 'mass' });
    await disk.save(state);
    state = run(state, { type: 'addRace', raceId: 'mass', name: 'MASS', kind: 'mass' });
    state = run(state, { type: 'setTimingPoints', raceId: 'mass', points: [{ metres: 5000, label: '5K' }] });
    await disk.save(state);
    expect(rowsOf(disk.reopen())).toBeUndefined();
  });

  it('ignores lines past the show file’s revision (a save cut short) and a torn last line', async () => {
    const state = record(mass(), passings(1, 10, 5000));
    const disk = await onDisk(state);
    const ahead = record(state, passings(11, 20, 5000));
    await disk.passingLog.record(state, ahead); // synced, but the show file was never renamed
    appendFileSync(passingLogPath(disk.showPath), '{"revision":99,"race":"mass","put":[["1",0,');
    const logged: string[] = [];
    expect(readPassingLog(disk.showPath, disk.file(), (line) => logged.push(line))).toEqual(state);
    expect(logged.map((l) => l.replace(disk.showPath, 'show.json'))).toEqual([
      'Dropped the last line of show.json.passings.ndjson: a save was cut short there (it was never acknowledged)',
      `Ignored 1 line of show.json.passings.ndjson past the show's revision ${state.revision}: a save that never finished`,
    ]);
  });

  it('after a failed save, writes the log afresh so the lines it got ahead with are never read as the next revision', async () => {
    const state = record(mass(), passings(1, 10, 5000));
    const disk = await onDisk(state);
    const refused = record(state, passings(11, 20, 5000));
    await disk.passingLog.record(state, refused); // the show file's save then failed: the hub keeps `state`
    disk.passingLog.invalidate();
    const next = record(state, [{ bib: '30', metres: 5000, elapsedMs: min(30) }]);
    expect(next.revision).toBe(refused.revision);
    await disk.save(next);
    expect(rowsOf(disk.reopen())).toEqual(rowsOf(next));
    expect(rowsOf(readPassingLog(disk.showPath, withoutPassings(state)))).toEqual(rowsOf(state));
  });

  it('refuses to start on a damaged line, naming the file, the line and what is wrong', async () => {
    const disk = await onDisk(record(mass(), passings(1, 3, 5000)));
    const path = passingLogPath(disk.showPath);
    writeFileSync(path, `${readFileSync(path, 'utf8')}{"revision":1,"race":"mass","put":[["1",0,-5,0]],"drop":[]}\n{}\n`);
    expect(() => readPassingLog(disk.showPath, disk.file())).toThrow(`${path} line 2 is not a passings line: row 0: elapsedMs must be whole ms under 24 hours`);
    writeFileSync(path, 'not json\n');
    expect(() => readPassingLog(disk.showPath, disk.file())).toThrow(`${path} line 1 is not valid JSON`);
  });
});
