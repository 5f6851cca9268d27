import type { ShowState } from '../state/showState';
import { readEntrantLog, startEntrantLog, type EntrantLog } from './entrantLog';
import { readPassingLog, startPassingLog, type PassingLog } from './passingLog';

/**
 * On start (file hub): the passings and start-list logs beside the show file read over `state` (the show file, its
 * journal replayed), both checked before either is written afresh, so a start refused for one of them (a line that
 * is not JSON, a log missing that the show expects) leaves both files as they were.
 */
export async function openShowLogs(showPath: string, state: ShowState, log: (line: string) => void): Promise<{ state: ShowState; passingLog: PassingLog; entrantLog: EntrantLog }> {
  const read = readEntrantLog(showPath, readPassingLog(showPath, state, log), log);
  return { state: read, passingLog: await startPassingLog(showPath, read, log), entrantLog: await startEntrantLog(showPath, read, log) };
}
