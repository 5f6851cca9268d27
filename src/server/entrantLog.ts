import { existsSync } from 'node:fs';
import { describeIssues } from '../protocol/describeIssues';
import { Entrants, type Entrant } from '../protocol/entrant';
import type { Race } from '../protocol/race';
import { VIEW_WHOLE_ENTRANTS } from '../state/pageView';
import type { ShowState } from '../state/showState';
import { openSidecarLog, readSidecarLines, removeSidecarLog, rewriteSidecarLog, type SidecarFormat, type SidecarLog } from './sidecarLog';

/**
 * A long start list (a mass start's, more than LONG_LIST entrants) is kept beside the show file, in an append-only
 * log (`<show file>.entrants.ndjson`), so a Take does not rewrite 40,000 entrants: the show file is written without
 * it, and a save that changes it appends the race's whole list, synced side by side with the show's temp file (as
 * the passings' log is, server/passingLog.ts). Each line names the show revision it belongs to; on start the lines
 * up to the show file's revision are read over it (later ones belong to a save that never finished), and the log is
 * written afresh. It is written afresh too when it has grown well past that, and after a failed save.
 *
 * A line is `{"revision", "race", "entrants": [...]}` (the race's list is this) or `{"revision", "race", "entrants": null}`
 * (the show file holds the race's list again: it got short, or the race went).
 */
export type EntrantLog = SidecarLog;

type Line = { revision: number; race: string; entrants: Entrant[] | null };

/** Lists longer than this live in the log; shorter ones stay in the show file, as they always have. */
export const LONG_LIST = VIEW_WHOLE_ENTRANTS;
/** The log is written afresh once appends exceed this and twice its compacted size. */
const COMPACT_AFTER_BYTES = 64 * 1024 * 1024;

const long = (race: Race) => (race.entrants?.length ?? 0) > LONG_LIST;

export function entrantLogPath(showPath: string): string {
  return `${showPath}.entrants.ndjson`;
}

/**
 * The show as its file holds it: every race without a long start list (it is in the log), and with its length in
 * `entrantCount`, so a start without the log (a show copied without it) refuses, never starts with the list empty.
 */
export function withoutLongLists(state: ShowState): ShowState {
  if (!state.races.some(long)) return state;
  return { ...state, races: state.races.map((race) => (long(race) ? (({ entrants: _list, ...rest }) => ({ ...rest, entrantCount: race.entrants!.length }))(race) : race)) };
}

/**
 * Reads the log beside `showPath` over `state` (the show file just read): its long start lists as they were at the
 * show's revision. A torn last line (a save cut short) is dropped; any other unreadable line stops the start with the
 * line's number and what is wrong. Then the log is written afresh from the result.
 */
export async function openEntrantLog(showPath: string, state: ShowState, log: (line: string) => void = () => {}): Promise<{ state: ShowState; entrantLog: EntrantLog }> {
  const merged = readEntrantLog(showPath, state, log);
  return { state: merged, entrantLog: await startEntrantLog(showPath, merged, log) };
}

/** Writes the log afresh from `state`, read with readEntrantLog (and everything else a start reads checked first), and returns it. */
export const startEntrantLog = (showPath: string, state: ShowState, log: (line: string) => void = () => {}): Promise<EntrantLog> => openSidecarLog(entrantLogPath(showPath), state, FORMAT, log);

/**
 * `state` with the log's long lists up to its revision; `state` itself when there is no log and no race expects one.
 * A race the show file says has its list in the log (`entrantCount`) and that the log does not give stops the start,
 * naming the file and the races: a show copied without its log would otherwise start with those lists empty.
 */
export function readEntrantLog(showPath: string, state: ShowState, log: (line: string) => void = () => {}): ShowState {
  const path = entrantLogPath(showPath);
  const read = existsSync(path) ? replay(path, state, log) : state;
  const expected = read.races.filter((race) => race.entrantCount !== undefined);
  if (expected.length === 0) return read;
  const lacking = expected.filter((race) => race.entrants === undefined);
  if (lacking.length > 0) {
    const races = lacking.map((race) => `${race.name} (${race.id}, ${race.entrantCount} entrants)`).join(', ');
    const which = lacking.length === 1 ? `race ${races} expects its start list` : `races ${races} expect their start lists`;
    const problem = existsSync(path) ? `${path} has no start list for them` : `${path} is missing`;
    throw new Error(`${problem}: the show file ${showPath} says its ${which} from that file. Put the file back beside the show file (a show is moved with all its files) and start again; nothing was changed.`);
  }
  // The log is written before the show file each save, and read up to the show's revision: a list of another length
  // is another show's, or an older copy (starting would save the shorter list over the show file's count for good).
  const short = expected.filter((race) => race.entrants!.length !== race.entrantCount);
  if (short.length > 0) {
    const races = short.map((race) => `${race.name} (${race.id}) ${race.entrants!.length} entrants where the show file says ${race.entrantCount}`).join(', ');
    throw new Error(`${path} is not the start-list file saved with ${showPath}: it gives ${races}. Put back the file saved with the show (a show is moved with all its files) and start again; nothing was changed.`);
  }
  return { ...read, races: read.races.map((race) => (race.entrantCount === undefined ? race : (({ entrantCount: _count, ...rest }) => rest)(race))) };
}

/** Removes the log once `state` (with every list in it) is saved whole in the show file (a hub on NATS keeps its copy so). */
export const removeEntrantLog = (showPath: string) => removeSidecarLog(entrantLogPath(showPath));

/** The lines that turn `before`'s long lists into `after`'s (lists are compared by identity: an unchanged list is the same array). */
export function changes(before: ShowState, after: ShowState): Line[] {
  const lines: Line[] = [];
  const { revision } = after;
  const old = new Map(before.races.map((race) => [race.id, race]));
  for (const race of after.races) {
    const was = old.get(race.id);
    old.delete(race.id);
    if (long(race) && race.entrants !== was?.entrants) lines.push({ revision, race: race.id, entrants: race.entrants! });
    else if (!long(race) && was && long(was)) lines.push({ revision, race: race.id, entrants: null });
  }
  // A race removed: its id may come back later as another race, which must not inherit its list.
  for (const was of old.values()) if (long(was)) lines.push({ revision, race: was.id, entrants: null });
  return lines;
}

/** Writes the log beside `showPath` afresh: `base`'s long lists, then the change to `state` (a start from the take journal). */
export const rewriteEntrantLog = (showPath: string, base: ShowState, state: ShowState) => rewriteSidecarLog(entrantLogPath(showPath), FORMAT, base, state);

/**
 * A take journal record's start-list lines (see changes), checked as the log's are: per race, its list as the record
 * leaves it, or null where the record's show holds the race's list itself.
 */
export function entrantLines(json: readonly unknown[], where: string): Map<string, Entrant[] | null> {
  const lists = new Map<string, Entrant[] | null>();
  json.forEach((item, i) => {
    const line = checkLine(item, `${where} start-list line ${i + 1}`);
    if (line.entrants === null) return void lists.set(line.race, null);
    const parsed = Entrants.safeParse(line.entrants);
    if (!parsed.success) throw new Error(`${where} start-list line ${i + 1} is not a start-list line: entrants: ${describeIssues(parsed.error)}`);
    lists.set(line.race, parsed.data);
  });
  return lists;
}

const FORMAT: SidecarFormat<Line> = {
  whole: (state) => state.races.filter(long).map((race) => ({ revision: state.revision, race: race.id, entrants: race.entrants! })),
  changes,
  compactAfterBytes: COMPACT_AFTER_BYTES,
};

function replay(path: string, state: ShowState, log: (line: string) => void): ShowState {
  // Each race's last list up to the show's revision, checked once (every save that changed a list left a line).
  const last = new Map<string, { where: string; entrants: unknown }>();
  for (const { race, where, entrants } of readSidecarLines(path, state.revision, (json, where) => ({ ...checkLine(json, where), where }), log)) last.set(race, { where, entrants });
  const lists = new Map<string, Entrant[]>();
  for (const [race, { where, entrants }] of last) {
    if (entrants === null) continue;
    const parsed = Entrants.safeParse(entrants);
    if (!parsed.success) throw new Error(`${where} is not a start-list line: entrants: ${describeIssues(parsed.error)}`);
    lists.set(race, parsed.data);
  }
  if (lists.size === 0) return state;
  return { ...state, races: state.races.map((race): Race => (lists.has(race.id) ? { ...race, entrants: lists.get(race.id)! } : race)) };
}

function checkLine(json: unknown, where: string): { revision: number; race: string; entrants: unknown } {
  const line = json as Partial<Record<'revision' | 'race' | 'entrants', unknown>>;
  const problem =
    typeof json !== 'object' || json === null
      ? 'must be an object'
      : !Number.isInteger(line.revision)
        ? 'revision must be a whole number'
        : typeof line.race !== 'string'
          ? 'race must be a race id'
          : line.entrants !== null && !Array.isArray(line.entrants)
            ? 'entrants must be a list of entrants, or null'
            : null;
  if (problem) throw new Error(`${where} is not a start-list line: ${problem}`);
  return { revision: line.revision as number, race: line.race as string, entrants: line.entrants };
}
