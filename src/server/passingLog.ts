import { existsSync } from 'node:fs';
import { describeIssues } from '../protocol/describeIssues';
import { PassingRows, type PassingRow } from '../protocol/passing';
import type { Race } from '../protocol/race';
import { rowChangesSince } from '../state/passingIndex';
import { sortRows } from '../state/passingTable';
import type { ShowState } from '../state/showState';
import { openSidecarLog, readSidecarLines, removeSidecarLog, rewriteSidecarLog, type SidecarFormat, type SidecarLog } from './sidecarLog';

/**
 * Races' passings are kept beside the show file, in an append-only log (`<show file>.passings.ndjson`), so a
 * save costs the same whatever the race size: the show file is written without them, and each save appends
 * the rows it added, corrected or removed, synced side by side with the show's temp file (the show is renamed
 * only once both are on disk). Each line names the show revision it belongs to; on start the lines up to the
 * show file's revision are replayed over it (later ones belong to a save that never finished) and the log is
 * written afresh (compacted). It is written afresh too when it has grown well past its compacted size, and
 * after a failed save (its last lines may then be ahead of the show).
 *
 * A line is one race's change: `{"revision", "race", "reset": rows}` (the race's rows are exactly these) or
 * `{"revision", "race", "put": rows, "drop": [[bib, point]...]}` (rows replaced or added by bib and point, removed).
 */
export type PassingLog = SidecarLog;

export type PassingLine = { revision: number; race: string } & ({ reset: PassingRow[] } | { put: PassingRow[]; drop: [string, number][] });

/** The log is written afresh once appends exceed this and twice its compacted size (a burst of corrections, re-indexed points). */
const COMPACT_AFTER_BYTES = 16 * 1024 * 1024;

export function passingLogPath(showPath: string): string {
  return `${showPath}.passings.ndjson`;
}

/** The show as its file holds it: every race without its passings (they are in the log). */
export function withoutPassings(state: ShowState): ShowState {
  if (!state.races.some((race) => race.passings)) return state;
  return { ...state, races: state.races.map(({ passings: _rows, ...race }) => race) };
}

/**
 * Reads the log beside `showPath` over `state` (the show file just read): its passings as they were at the
 * show's revision. A torn last line (a save cut short) is dropped; any other unreadable line stops the start
 * with the line's number and what is wrong. Then the log is written afresh from the result.
 */
export async function openPassingLog(showPath: string, state: ShowState, log: (line: string) => void = () => {}): Promise<{ state: ShowState; passingLog: PassingLog }> {
  const merged = readPassingLog(showPath, state, log);
  return { state: merged, passingLog: await startPassingLog(showPath, merged, log) };
}

/** Writes the log afresh from `state`, read with readPassingLog (and everything else a start reads checked first), and returns it. */
export const startPassingLog = (showPath: string, state: ShowState, log: (line: string) => void = () => {}): Promise<PassingLog> => openSidecarLog(passingLogPath(showPath), state, FORMAT, log);

/** `state` (the show file just read) with the log's passings up to its revision; `state` itself when there is no log. */
export function readPassingLog(showPath: string, state: ShowState, log: (line: string) => void = () => {}): ShowState {
  const path = passingLogPath(showPath);
  return existsSync(path) ? replay(path, state, log) : state;
}

/**
 * Removes the log once `state` (with every passing in it) is saved whole in the show file: a hub on NATS keeps
 * its local copy that way, and its revisions are the stream's, which the log's lines must not be read against.
 */
export const removePassingLog = (showPath: string) => removeSidecarLog(passingLogPath(showPath));

/** The lines that turn `before`'s passings into `after`'s, race by race (rows are compared by identity: unchanged rows are the same arrays). */
export function changes(before: ShowState, after: ShowState): PassingLine[] {
  const lines: PassingLine[] = [];
  const { revision } = after;
  const old = new Map(before.races.map((race) => [race.id, race]));
  for (const race of after.races) {
    const was = old.get(race.id);
    old.delete(race.id);
    if (!was) {
      lines.push({ revision, race: race.id, reset: race.passings ?? [] });
      continue;
    }
    if (was.passings === race.passings) continue;
    lines.push({ revision, race: race.id, ...delta(was.passings ?? [], race.passings ?? []) });
  }
  // A race removed: its id may come back later as another race, which must not inherit its rows.
  for (const id of old.keys()) lines.push({ revision, race: id, reset: [] });
  return lines;
}

function delta(before: readonly PassingRow[], after: readonly PassingRow[]): { put: PassingRow[]; drop: [string, number][] } {
  // A feed batch: the passing index knows what it changed, so a save costs the batch, not the race.
  const known = rowChangesSince(before, after);
  if (known) return { put: known.put, drop: known.drop.map((key): [string, number] => [key.slice(0, key.lastIndexOf('@')), Number(key.slice(key.lastIndexOf('@') + 1))]) };
  const kept = new Set(before);
  const put = after.filter((row) => !kept.has(row));
  const now = new Set(after);
  const putKeys = new Set(put.map(keyOf));
  const drop = before.filter((row) => !now.has(row) && !putKeys.has(keyOf(row))).map((row): [string, number] => [row[0], row[1]]);
  return { put, drop };
}

const keyOf = (row: readonly [string, number, ...unknown[]]) => `${row[0]}@${row[1]}`;

/** Writes the log afresh: `base` as reset lines at its revision, then the change to `state` (so a show file still at `base` reads it right). */
export const rewritePassingLog = (showPath: string, base: ShowState, state: ShowState) => rewriteSidecarLog(passingLogPath(showPath), FORMAT, base, state);

const FORMAT: SidecarFormat<PassingLine> = {
  whole: (state) => state.races.filter((race) => race.passings?.length).map((race) => ({ revision: state.revision, race: race.id, reset: race.passings! })),
  changes,
  compactAfterBytes: COMPACT_AFTER_BYTES,
};

const replay = (path: string, state: ShowState, log: (line: string) => void) => applyPassingLines(state, readSidecarLines(path, state.revision, checkPassingLine, log));

/** `state` with `lines` applied to its races' passings in order (lines of races it does not have are skipped). */
export function applyPassingLines(state: ShowState, lines: readonly PassingLine[]): ShowState {
  const rows = new Map(state.races.map((race) => [race.id, new Map((race.passings ?? []).map((row) => [keyOf(row), row]))]));
  for (const line of lines) {
    const table = rows.get(line.race);
    if (!table) continue; // a race the show no longer has
    if ('reset' in line) table.clear();
    else for (const [bib, point] of line.drop) table.delete(`${bib}@${point}`);
    for (const row of 'reset' in line ? line.reset : line.put) table.set(keyOf(row), row);
  }
  return {
    ...state,
    races: state.races.map((race): Race => {
      const table = rows.get(race.id)!;
      if (table.size === 0 && !race.passings) return race;
      const { passings: _old, ...rest } = race;
      return { ...rest, passings: sortRows([...table.values()]) };
    }),
  };
}

/** `json` as a passings line, or an error naming `where` and what is wrong with it. */
export function checkPassingLine(json: unknown, where: string): PassingLine {
  const line = json as Partial<Record<'revision' | 'race' | 'reset' | 'put' | 'drop', unknown>>;
  const problem =
    typeof json !== 'object' || json === null
      ? 'must be an object'
      : !Number.isInteger(line.revision)
        ? 'revision must be a whole number'
        : typeof line.race !== 'string'
          ? 'race must be a race id'
          : 'reset' in line
            ? rowsProblem(line.reset)
            : (rowsProblem(line.put) ??
              (Array.isArray(line.drop) && line.drop.every((d) => Array.isArray(d) && typeof d[0] === 'string' && Number.isInteger(d[1])) ? null : 'drop must be a list of [bib, point]'));
  if (problem) throw new Error(`${where} is not a passings line: ${problem}`);
  return json as PassingLine;
}

function rowsProblem(rows: unknown): string | null {
  const parsed = PassingRows.safeParse(rows);
  return parsed.success ? null : describeIssues(parsed.error);
}
