import { existsSync, unlinkSync } from 'node:fs';
import { z } from 'zod';
import { describeIssues } from '../protocol/describeIssues';
import { ShowState } from '../state/showState';
import { appendAsRunEntries, asRunEntries, AsRunCommandEntry, lastLoggedRevision, type AsRunLog } from './asRunLog';
import type { Applied } from './hub';
import { changes as entrantChanges, entrantLines, readEntrantLog, rewriteEntrantLog, withoutLongLists, type EntrantLog } from './entrantLog';
import { applyPassingLines, changes, checkPassingLine, readPassingLog, rewritePassingLog, withoutPassings, type PassingLog } from './passingLog';
import { saveShowFile } from './showFile';
import type { ShowFileWriter } from './showFileWriter';
import { journalPath, readShowJournal, type ShowJournal } from './showJournal';

/**
 * A save of the show file with the logs beside it: the as-run lines, the passings' new lines and long start lists
 * changed are on disk before the show that has them (synced side by side; the show file is replaced only once all
 * are), so a crash leaves lines past the show's revision, dropped on start, never a show naming a revision whose
 * lines are not there.
 */
export function saveWithLogs(showFile: ShowFileWriter, asRun: Pick<AsRunLog, 'append'>, passingLog: PassingLog, entrantLog: EntrantLog) {
  return async (state: ShowState, applied: Applied[]) => {
    const before = applied[0]!.before;
    try {
      await showFile.save(showFileText(state), Promise.all([asRun.append(applied), passingLog.record(before, state), entrantLog.record(before, state)]));
    } catch (error) {
      passingLog.invalidate();
      entrantLog.invalidate();
      throw error;
    }
  };
}

/** The show as its file (and a journal record) holds it: passings and long start lists are in the logs beside it. */
export const showFileText = (state: ShowState) => withoutLongLists(withoutPassings(state));

/** What a journal record carries for the logs beside the show file: the as-run entries, passings lines and start lists of its commands. */
type RecordLogs = { asRun: ReturnType<typeof asRunEntries>; passings: ReturnType<typeof changes>; entrants: ReturnType<typeof entrantChanges> };

/**
 * The file hub's persist (see createHub): a change is durable once its record is in the take journal (one write
 * and one flush, see showJournal.ts), and the hub publishes and acknowledges it then. The show file and the logs
 * beside it (`save`: the as-run lines and passings synced, then the show renamed in, as before) follow off the
 * Take's path, for every change not yet saved at once. A journal slot is overwritten only once the record it
 * holds is saved, so a change is always in the journal or the show file; if that save fails, the next change
 * waits for it to be tried again and is refused if it fails again. A change too big for a slot is saved on the
 * way, the old way.
 */
export function createJournaledSaves(journal: ShowJournal, save: (state: ShowState, applied: Applied[]) => Promise<void>, onProblem: (message: string) => void) {
  /** Changes in the journal whose save is not done yet, oldest first; `index` counts commits (slot index % 2). */
  const unsaved: { index: number; applied: Applied[]; state: ShowState }[] = [];
  let commits = 0;
  let saving: Promise<void> | null = null;

  /** Saves every change not saved yet (one save for all of them); the one running is joined. */
  function saveUnsaved(): Promise<void> {
    // Cleared once settled, in a later microtask: with nothing to save it settles at once, before being assigned.
    saving ??= (async () => {
      while (unsaved.length > 0) {
        const batch = unsaved.slice();
        await save(batch.at(-1)!.state, batch.flatMap((change) => change.applied));
        unsaved.splice(0, batch.length);
      }
    })().finally(() => (saving = null));
    return saving;
  }

  return {
    async persist(state: ShowState, applied: Applied[]): Promise<void> {
      const index = commits++;
      // The slot about to be written holds the record two commits back: it must be saved first.
      while (unsaved.some((change) => change.index <= index - 2)) await saveUnsaved();
      const before = applied[0]!.before;
      const logs: RecordLogs = { asRun: asRunEntries(applied), passings: changes(before, state), entrants: entrantChanges(before, state) };
      const change = { index, applied, state };
      unsaved.push(change);
      // A change refused (its journal write or its save on the way failed) must never be saved by a later save:
      // the show it made would push out the acknowledged changes after it.
      const forget = () => unsaved.includes(change) && unsaved.splice(unsaved.indexOf(change), 1).length > 0;
      let written: boolean;
      try {
        written = journal.write(index, { revision: state.revision, base: before.revision, logs, showText: JSON.stringify(showFileText(state)) }); // compact: half the time of the show file's indented text
      } catch (error) {
        forget();
        throw error;
      }
      if (!written) {
        // Too big for a slot: saved on the way, with the changes before it.
        try {
          return await saveUnsaved();
        } catch (error) {
          if (forget()) throw error; // else a later batch failed, after this change's save
          return;
        }
      }
      // After this task, once the hub has published and acknowledged the change.
      setImmediate(() => saveUnsaved().catch((error) => onProblem(`The show file could not be saved (the take journal holds the change; the next change tries again): ${(error as Error).message}`)));
    },
    /** Resolves once every change so far is in the show file (tests, and a stop). */
    settled: () => saveUnsaved(),
  };
}

const JournalLogs = z.object({ asRun: z.array(AsRunCommandEntry), passings: z.array(z.unknown()), entrants: z.array(z.unknown()).default([]) });

/**
 * On start (file hub), after the show file is read and a lost rename rolled forward: the journal's records past
 * `state`'s revision (changes acknowledged whose save had not finished) are saved as their save would have: the
 * as-run entries the log lacks appended, the passings and start-list logs written afresh from the show file's to
 * the last record's, then the show file. Returns the show to start from (as the file holds it: without passings and long start lists).
 */
export async function replayShowJournal(showPath: string, state: ShowState, asRunDir: string, log: (line: string) => void): Promise<ShowState> {
  const path = journalPath(showPath);
  const records = readShowJournal(path, log).filter((record) => record.revision > state.revision);
  if (records.length === 0) return state;
  // Each record must start from the show before it: the show file, then the record before (a journal of an earlier
  // version has no base to check). Else it is another show's, or the show file was replaced: replaying it would
  // overwrite the show file with a show the operator did not put there.
  const follows = records.every((record, i) => record.base === undefined || record.base === (i === 0 ? state.revision : records[i - 1]!.revision));
  if (!follows) {
    throw new Error(
      `${path} holds revisions ${records[0]!.revision} to ${records.at(-1)!.revision} of a show, which do not follow on from ${showPath} (revision ${state.revision}; the journal's first change starts from revision ${records[0]!.base}): it belongs to another show, or the show file was replaced. Nothing was changed. ` +
        `To start from ${showPath} as it is, move ${path} away (or delete it) and start again; to keep the journal's changes, put back the show file they follow on from.`,
    );
  }
  const base = readEntrantLog(showPath, readPassingLog(showPath, state));
  let current = base;
  const entries: z.infer<typeof AsRunCommandEntry>[] = [];
  for (const record of records) {
    const where = `${path} (revision ${record.revision})`;
    const logs = JournalLogs.safeParse(record.logs);
    if (!logs.success) throw new Error(`${where} is not a journal record: ${describeIssues(logs.error)}`);
    const show = ShowState.safeParse(JSON.parse(record.showText));
    if (!show.success || show.data.revision !== record.revision) throw new Error(`${where} does not hold a valid show: ${show.success ? 'its revision differs' : describeIssues(show.error)}`);
    const lines = logs.data.passings.map((line, i) => checkPassingLine(line, `${where} passings line ${i + 1}`));
    const lists = entrantLines(logs.data.entrants, where);
    // The show's races as the record has them, with the passings and long start list they had, changed by the record's lines.
    const had = new Map(current.races.map((race) => [race.id, race]));
    const races = show.data.races.map((race) => {
      const was = had.get(race.id);
      const list = lists.get(race.id);
      const entrants = list !== undefined ? (list ?? race.entrants) : (race.entrants ?? was?.entrants);
      return { ...race, ...(was?.passings ? { passings: was.passings } : {}), ...(entrants ? { entrants } : {}) };
    });
    current = applyPassingLines({ ...show.data, races }, lines);
    entries.push(...logs.data.asRun);
  }
  const logged = await lastLoggedRevision(asRunDir);
  await appendAsRunEntries(asRunDir, entries.filter((entry) => entry.revision > logged));
  await rewritePassingLog(showPath, base, current);
  await rewriteEntrantLog(showPath, base, current);
  await saveShowFile(showPath, showFileText(current));
  log(`Saved revision ${current.revision} of the show from its take journal (acknowledged, not yet in the show file when the hub stopped)`);
  return showFileText(current);
}

/** A journal whose show file is gone (a new show seeded) or kept elsewhere (NATS) is not this show's: removed. */
export function removeShowJournal(showPath: string): void {
  if (existsSync(journalPath(showPath))) unlinkSync(journalPath(showPath));
}
