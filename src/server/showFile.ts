import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describeIssues } from '../protocol/describeIssues';
import { ShowState } from '../state/showState';
import { writeFileAtomic } from './writeFileAtomic';

/** Reads and validates a show file; the error names the file and what is wrong with it. */
export async function loadShowFile(path: string): Promise<ShowState> {
  const text = await readFile(path, 'utf8');
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
