import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describeIssues } from '../protocol/describeIssues';
import { ShowState } from '../state/showState';
import { writeFileAtomic } from './writeFileAtomic';

/** Reads and validates a show file; the error names the file and what is wrong with it. */
export async function loadShowFile(path: string): Promise<ShowState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw error; // a new show: openShowFile seeds it
    if (code === 'EISDIR') throw new Error(`Show file ${path} is a directory, not a file: give the path of a show file (SHOW_FILE, e.g. ${join(path, 'show.json')})`);
    throw new Error(`Show file ${path} could not be read: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Show file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ShowState.safeParse(json);
  if (!parsed.success) throw new Error(`Show file ${path} is not a valid show: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** Saves a show atomically; with `renameAfter`, the file is replaced only once that has resolved (see writeFileAtomic). */
export async function saveShowFile(path: string, state: ShowState, renameAfter?: Promise<unknown>): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(state, null, 2)}\n`, { renameAfter });
}

/** Opens the show file; when it does not exist yet, starts from the (validated) seed show and saves it there. */
export async function openShowFile(path: string, seedPath: string): Promise<{ state: ShowState; seeded: boolean }> {
  await mkdir(dirname(path), { recursive: true });
  try {
    return { state: await loadShowFile(path), seeded: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const seed = await loadShowFile(seedPath);
  await saveShowFile(path, seed);
  return { state: seed, seeded: true };
}
