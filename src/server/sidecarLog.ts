import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, unlinkSync } from 'node:fs';
import type { ShowState } from '../state/showState';
import { appendSynced, writeFileAtomic } from './writeFileAtomic';

/**
 * An append-only log kept beside the show file for what is too big to rewrite at every save (races' passings,
 * long start lists): each save appends the lines of its change, synced side by side with the show's temp file.
 * Every line names the show revision it belongs to. On start it is written afresh (compacted) from what was read,
 * if it can be (else it is kept as it is, see openSidecarLog); again once appends exceed `compactAfterBytes` and
 * twice its compacted size, and after a failed save.
 */
export type SidecarLog = {
  /** Appends (and syncs) the change from `before` to `after`; resolves once it is on disk. */
  record(before: ShowState, after: ShowState): Promise<void>;
  /** A save failed after `record`: the log may be ahead of the show, so the next record writes it afresh. */
  invalidate(): void;
  /** Bytes appended since the log was last written afresh, and its size then. */
  size(): { compacted: number; appended: number };
};

/** What one kind of log writes. */
export type SidecarFormat<Line> = {
  /** The lines that hold what `state` keeps in this log, at its revision. */
  whole(state: ShowState): Line[];
  /** The lines that turn `before` into `after` (an empty list when this log's part did not change). */
  changes(before: ShowState, after: ShowState): Line[];
  compactAfterBytes: number;
};

/**
 * Writes the log afresh from `state` (read from it) and returns it, ready to record the saves that follow. Writing
 * afresh only tidies: when it fails (a nearly full disk) the hub starts with the log as it is, cut back to the lines
 * it was read to (a torn last line and a never-finished save's lines dropped, which needs no space), appends to it,
 * and says so in `log`.
 */
export async function openSidecarLog<Line>(path: string, state: ShowState, format: SidecarFormat<Line>, log: (line: string) => void = () => {}): Promise<SidecarLog> {
  let compacted: number;
  let dirty = false;
  try {
    compacted = await rewriteSidecarLog(path, format, state, state);
  } catch (error) {
    const kept = keepReadLines(path, state.revision);
    // No log, with lines to hold: the first save writes it afresh (or fails and is tried again).
    dirty = kept === null && format.whole(state).length > 0;
    compacted = kept ?? 0;
    log(`Warning: ${path} could not be written afresh at start (${(error as Error).message}): the hub goes on with it as it is${dirty ? ' (missing: the next save writes it)' : ', appending to it'}`);
  }
  let appended = 0;
  return {
    async record(before, after) {
      if (dirty || (appended > format.compactAfterBytes && appended > 2 * compacted)) {
        dirty = true; // until this rewrite is on disk
        compacted = await rewriteSidecarLog(path, format, before, after);
        appended = 0;
        dirty = false;
        return;
      }
      const lines = format.changes(before, after);
      if (lines.length === 0) return;
      const text = lines.map((line) => JSON.stringify(line)).join('\n') + '\n';
      dirty = true; // until the append is synced
      await appendSynced(path, text);
      appended += Buffer.byteLength(text);
      dirty = false;
    },
    invalidate: () => void (dirty = true),
    size: () => ({ compacted, appended }),
  };
}

/** Writes the log afresh: `base` whole at its revision, then the change to `state` (so a show file still at `base` reads it right). */
export async function rewriteSidecarLog<Line>(path: string, format: SidecarFormat<Line>, base: ShowState, state: ShowState): Promise<number> {
  const lines = base === state ? format.whole(base) : [...format.whole(base), ...format.changes(base, state)];
  const text = lines.map((line) => JSON.stringify(line) + '\n').join('');
  await writeFileAtomic(path, text);
  return Buffer.byteLength(text);
}

/**
 * Cuts the log back to its whole lines up to `revision` (what readSidecarLines read from it; lines are in revision
 * order) so saves can append to it, and returns its size; null when there is no log.
 */
function keepReadLines(path: string, revision: number): number | null {
  if (!existsSync(path)) return null;
  const text = readFileSync(path);
  let end = 0;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf(0x0a, start);
    if (newline < 0) break; // torn
    let line: { revision?: unknown };
    try {
      line = JSON.parse(text.toString('utf8', start, newline)) as { revision?: unknown };
    } catch {
      break; // never read: a start refuses such a line before any log is written
    }
    if (typeof line.revision !== 'number' || line.revision > revision) break;
    end = start = newline + 1;
  }
  if (end < text.length) {
    const fd = openSync(path, 'r+');
    try {
      ftruncateSync(fd, end);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  return end;
}

/**
 * The log's lines up to the show's `revision`, each checked by `check` with its place (`<path> line N`). A torn last
 * line (a save cut short) is dropped and said; lines past the revision belong to a save that never finished and are
 * skipped, and said; any other unreadable line throws with its number and what is wrong.
 */
export function readSidecarLines<Line extends { revision: number }>(path: string, revision: number, check: (json: unknown, where: string) => Line, log: (line: string) => void): Line[] {
  const texts = readFileSync(path, 'utf8').split('\n');
  const torn = texts.pop();
  if (torn) log(`Dropped the last line of ${path}: a save was cut short there (it was never acknowledged)`);
  const lines = texts.map((text, i) => {
    const where = `${path} line ${i + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new Error(`${where} is not valid JSON: ${(error as Error).message}`);
    }
    return check(json, where);
  });
  const later = lines.filter((line) => line.revision > revision).length;
  if (later > 0) log(`Ignored ${later} line${later === 1 ? '' : 's'} of ${path} past the show's revision ${revision}: a save that never finished`);
  return later > 0 ? lines.filter((line) => line.revision <= revision) : lines;
}

/** Removes a log once the show file holds all it held (a hub on NATS keeps its local copy whole). */
export function removeSidecarLog(path: string): void {
  if (existsSync(path)) unlinkSync(path);
}
