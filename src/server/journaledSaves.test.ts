import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Command } from '../protocol/command';
import { applyCommand } from '../state/applyCommand';
import { emptyShow, type ShowState } from '../state/showState';
import { appendAsRunEntries, lastLoggedRevision, openAsRunLog } from './asRunLog';
import { createHub } from './hub';
import { openEntrantLog, readEntrantLog, withoutLongLists } from './entrantLog';
import { createJournaledSaves, replayShowJournal, saveWithLogs } from './journaledSaves';
import { openPassingLog, readPassingLog, withoutPassings } from './passingLog';
import { loadShowFile, saveShowFile } from './showFile';
import { createShowFileWriter } from './showFileWriter';
import { journalPath, MIN_SLOT_BYTES, openShowJournal } from './showJournal';

const GUN = Date.parse('2016-04-24T10:00:00+01:00');
function run(state: ShowState, input: unknown): ShowState {
  const result = applyCommand(state, Command.parse(input), { now: GUN + 200 * 60_000 });
  if (!result.ok) throw new Error(result.error);
  return result.state;
}
const race = { raceId: 'mass' };
const passings = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ bib: String(from + i), metres: 5000, elapsedMs: 1_500_000 + (from + i) * 1000 }));
const take = (name: string) => ({ type: 'take', graphic: { kind: 'nameCard', props: { name, role: 'Journal' } } }) as Command;
const rowsOf = (state: ShowState) => state.races.find((r) => r.id === 'mass')?.passings;

function massShow(): ShowState {
  let state = run(emptyShow('Journal'), { type: 'addRace', ...race, name: 'MASS', kind: 'mass' });
  state = run(state, { type: 'setGunTime', ...race, gunTime: GUN });
  state = run(state, { type: 'setEntrants', ...race, entrants: Array.from({ length: 40 }, (_, i) => ({ bib: String(i + 1), name: `Runner ${i + 1}` })) });
  state = run(state, { type: 'setTimingPoints', ...race, points: [{ metres: 5000, label: '5K' }] });
  return run(state, { type: 'recordPassings', ...race, passings: passings(1, 10) });
}

/** A file hub's folder and its hub, put together as src/server/main.ts does it. */
async function fileHub(initial = massShow(), slotBytes = MIN_SLOT_BYTES) {
  const dir = mkdtempSync(join(tmpdir(), 'journaled-'));
  const showPath = join(dir, 'show.json');
  await saveShowFile(showPath, withoutLongLists(withoutPassings(initial)));
  const { passingLog } = await openPassingLog(showPath, initial);
  const { entrantLog } = await openEntrantLog(showPath, initial);
  const asRun = await openAsRunLog(join(dir, 'asrun'), initial.revision, Date.now);
  const problems: string[] = [];
  const saves = createJournaledSaves(openShowJournal(journalPath(showPath), slotBytes), saveWithLogs(createShowFileWriter(showPath), asRun, passingLog, entrantLog), (m) => problems.push(m));
  const hub = createHub({ initial, persist: saves.persist });
  return { dir, showPath, hub, saves, problems };
}

/** What a hub restarted on `dir` starts from: the show file, the journal replayed over it, and the passings and start-list logs. */
async function restartOn(dir: string, lines: string[] = []) {
  const showPath = join(dir, 'show.json');
  const replayed = await replayShowJournal(showPath, await loadShowFile(showPath), join(dir, 'asrun'), (line) => lines.push(line));
  return readEntrantLog(showPath, readPassingLog(showPath, replayed));
}

describe('journaled saves', () => {
  it('acknowledges a change once it is in the journal, and a hub killed right then starts with it: show, as-run and passings', async () => {
    const { dir, showPath, hub } = await fileHub();
    const savedRevision = (await loadShowFile(showPath)).revision;
    expect(await hub.submit(Command.parse({ type: 'recordPassings', ...race, passings: passings(11, 20) }))).toEqual({ ok: true, revision: savedRevision + 1 });
    expect((await hub.submit(take('Steve Cram'))).ok).toBe(true);
    // The folder as SIGKILL would leave it now: the show file is saved after this task.
    const killed = mkdtempSync(join(tmpdir(), 'journaled-killed-'));
    cpSync(dir, killed, { recursive: true });
    expect((await loadShowFile(join(killed, 'show.json'))).revision).toBe(savedRevision);

    const lines: string[] = [];
    const restarted = await restartOn(killed, lines);
    const acknowledged = hub.store.getState();
    expect(restarted).toEqual(acknowledged);
    expect(rowsOf(restarted)).toHaveLength(20);
    expect(lines.join('\n')).toContain(`Saved revision ${acknowledged.revision} of the show from its take journal`);
    expect(await lastLoggedRevision(join(killed, 'asrun'))).toBe(acknowledged.revision);
    // Saved as the save would have: a second restart reads it all from the files, with nothing left to replay.
    const again: string[] = [];
    expect(await restartOn(killed, again)).toEqual(acknowledged);
    expect(again).toEqual([]);
  });

  it('keeps a mass start list changed in the journal through a kill: the list, a later change to it and a race dropping it', async () => {
    const runners = (n: number, name = 'Runner') => Array.from({ length: n }, (_, i) => ({ bib: String(i + 1), name: `${name} ${i + 1}` }));
    let initial = massShow();
    initial = run(initial, { type: 'setEntrants', ...race, entrants: runners(2100) });
    initial = run(initial, { type: 'addRace', raceId: 'wheelchair', name: 'WHEELCHAIR', kind: 'wheelchair-men' });
    initial = run(initial, { type: 'setEntrants', raceId: 'wheelchair', entrants: runners(2050, 'Racer') });
    const { dir, showPath, hub } = await fileHub(initial);
    const savedRevision = (await loadShowFile(showPath)).revision;
    // One entrant corrected in the mass start (its whole list goes in the record), the wheelchair list cut short:
    // two records, both only in the journal (the slots hold two).
    expect((await hub.submit(Command.parse({ type: 'upsertEntrants', ...race, entrants: [{ bib: '7', name: 'Corrected Seven' }] }))).ok).toBe(true);
    expect((await hub.submit(Command.parse({ type: 'setEntrants', raceId: 'wheelchair', entrants: runners(3, 'Racer') }))).ok).toBe(true);
    const killed = mkdtempSync(join(tmpdir(), 'journaled-killed-'));
    cpSync(dir, killed, { recursive: true });
    expect((await loadShowFile(join(killed, 'show.json'))).revision).toBe(savedRevision);

    const restarted = await restartOn(killed);
    const acknowledged = hub.store.getState();
    expect(restarted).toEqual(acknowledged);
    expect(restarted.races.find((r) => r.id === 'mass')!.entrants!.find((e) => e.bib === '7')!.name).toBe('Corrected Seven');
    expect(restarted.races.find((r) => r.id === 'wheelchair')!.entrants).toHaveLength(3);
    // The show file keeps no long list; read again, nothing is left to replay.
    expect((await loadShowFile(join(killed, 'show.json'))).races.find((r) => r.id === 'mass')!.entrants).toBeUndefined();
    const again: string[] = [];
    expect(await restartOn(killed, again)).toEqual(acknowledged);
    expect(again).toEqual([]);
  });

  it('saves the show file and its logs off the way, after which nothing is left to replay', async () => {
    const { dir, hub, saves } = await fileHub();
    await saves.settled(); // nothing to save yet: later changes are still saved
    for (const name of ['Steve Cram', 'Brendan Foster', 'Paula Radcliffe']) expect((await hub.submit(take(name))).ok).toBe(true);
    await saves.settled();
    const lines: string[] = [];
    expect(await restartOn(dir, lines)).toEqual(hub.store.getState());
    expect(lines).toEqual([]);
    const asRun = readFileSync(join(dir, 'asrun', `${today()}.jsonl`), 'utf8');
    for (const name of ['Steve Cram', 'Brendan Foster', 'Paula Radcliffe']) expect(asRun).toContain(name);
  });

  it('refuses a change when the show file cannot be saved and its journal slot still holds an unsaved one; loses none acknowledged', async () => {
    const { dir, showPath, hub, problems } = await fileHub();
    const good = readFileSync(showPath);
    // The show file cannot be replaced: a folder is in its place.
    rmSync(showPath);
    mkdirSync(join(showPath, 'in-the-way'), { recursive: true });
    const first = await hub.submit(take('One'));
    const second = await hub.submit(take('Two'));
    expect([first.ok, second.ok]).toEqual([true, true]);
    const third = await hub.submit(take('Three'));
    expect(third).toMatchObject({ ok: false, reason: 'storage' });
    expect(problems.join('\n')).toContain('the take journal holds the change');
    expect(hub.store.getState().onAir.lowerThird?.graphic.props).toMatchObject({ name: 'Two' });

    // Killed now, with the show file put back as it was: the restart has both acknowledged takes.
    rmSync(showPath, { recursive: true });
    writeFileSync(showPath, good);
    const killed = mkdtempSync(join(tmpdir(), 'journaled-killed-'));
    cpSync(dir, killed, { recursive: true });
    expect(await restartOn(killed)).toEqual(hub.store.getState());
    // And the running hub saves them with the next change once it can.
    expect((await hub.submit(take('Four'))).ok).toBe(true);
  });

  it('saves a change too big for a journal slot on the way: the show file has it once acknowledged', async () => {
    const { showPath, hub } = await fileHub(massShow(), 2048);
    const taken = await hub.submit(take('Too big for the slot'));
    expect(taken.ok).toBe(true);
    expect((await loadShowFile(showPath)).onAir.lowerThird?.graphic.props).toMatchObject({ name: 'Too big for the slot' });
  });

  it('never saves a change too big for a slot that was refused: a later save keeps the acknowledged show, and a kill keeps the take after it', async () => {
    const { dir, showPath, hub, saves } = await fileHub();
    const saved = await loadShowFile(showPath);
    const good = readFileSync(showPath);
    // A start list whose record is bigger than a slot (saved on the way), while the show file cannot be saved.
    const longList = Command.parse({ type: 'setEntrants', ...race, entrants: Array.from({ length: 40_000 }, (_, i) => ({ bib: String(i + 1), name: `Long List Runner ${i + 1}` })) });
    rmSync(showPath);
    mkdirSync(join(showPath, 'in-the-way'), { recursive: true });
    expect(await hub.submit(longList)).toMatchObject({ ok: false, reason: 'storage', revision: saved.revision });
    expect(await hub.submit(longList)).toMatchObject({ ok: false, reason: 'storage', revision: saved.revision });
    // The disk is good again: whatever saves next (a read of the as-run waits for one) must not save a refused show.
    rmSync(showPath, { recursive: true });
    writeFileSync(showPath, good);
    await saves.settled();
    expect(await loadShowFile(showPath)).toEqual(saved);

    // A take acknowledged at the next revision, killed while it is in the journal only: the restart has it.
    expect(await hub.submit(take('Acknowledged'))).toEqual({ ok: true, revision: saved.revision + 1 });
    const killed = mkdtempSync(join(tmpdir(), 'journaled-killed-'));
    cpSync(dir, killed, { recursive: true });
    expect(await restartOn(killed)).toEqual(hub.store.getState());
    expect(hub.store.getState().onAir.lowerThird?.graphic.props).toMatchObject({ name: 'Acknowledged' });
  });

  it('keeps an as-run entry appended after a failed append left a torn last line (a full disk)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journaled-asrun-'));
    const at = Date.now();
    const entry = (revision: number, text: string) => ({ revision, at, action: 'take', layer: 'lowerThird', itemId: 'item-1', item: 'Item', kind: 'nameCard', text, by: 'operator', expect: [{ layer: 'lowerThird' as const, id: `g${revision}` }] });
    await appendAsRunEntries(dir, [entry(75, 'Before')]);
    // The disk filled mid-append: the line stops part way, without its newline, and the save is tried again.
    const line = `${JSON.stringify({ t: 'cmd', entry: entry(76, 'Retried') })}\n`;
    appendFileSync(join(dir, `${today()}.jsonl`), line.slice(0, line.indexOf('"itemId":"') + 10));
    await appendAsRunEntries(dir, [entry(76, 'Retried')]);
    expect(await lastLoggedRevision(dir)).toBe(76);
    const asRun = await openAsRunLog(dir, 76, Date.now);
    expect((await asRun.day()).map((e) => [e.revision, e.text])).toEqual([[75, 'Before'], [76, 'Retried']]);
  });

  it('refuses a start whose journal does not follow on from the show file (another show copied in), naming both files and changing nothing', async () => {
    const { showPath, hub, saves } = await fileHub();
    for (const name of ['Steve Cram', 'Brendan Foster']) expect((await hub.submit(take(name))).ok).toBe(true);
    await saves.settled();
    const journalled = hub.store.getState().revision;
    // Stopped; a show at revision 0 copied over the show file, its logs deleted.
    await saveShowFile(showPath, emptyShow('Copied in'));
    rmSync(`${showPath}.passings.ndjson`);
    const copied = readFileSync(showPath, 'utf8');
    await expect(restartOn(dirname(showPath))).rejects.toThrow(
      `${journalPath(showPath)} holds revisions ${journalled - 1} to ${journalled} of a show, which do not follow on from ${showPath} (revision 0; the journal's first change starts from revision ${journalled - 2}): it belongs to another show, or the show file was replaced. Nothing was changed. To start from ${showPath} as it is, move ${journalPath(showPath)} away (or delete it) and start again; to keep the journal's changes, put back the show file they follow on from.`,
    );
    expect(readFileSync(showPath, 'utf8')).toBe(copied);
  });

  it('stops a start with the record and what is wrong when a journal record holds no valid show', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journaled-'));
    const showPath = join(dir, 'show.json');
    await saveShowFile(showPath, emptyShow('Journal'));
    const journal = openShowJournal(journalPath(showPath), MIN_SLOT_BYTES);
    journal.write(0, { revision: 3, logs: { asRun: [], passings: [] }, showText: JSON.stringify({ ...emptyShow('Journal'), revision: 3, name: 42 }) });
    journal.close();
    await expect(restartOn(dir)).rejects.toThrow(/show\.json\.journal \(revision 3\) does not hold a valid show: name/);
  });
});

const today = () => new Date().toISOString().slice(0, 10);
