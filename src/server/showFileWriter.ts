import { closeSync, existsSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ShowState } from '../state/showState';
import { fsyncFd } from './writeFileAtomic';

/**
 * The hub's show file, saved on the way of every Take with one round of syncs instead of two. Each save writes
 * into a spare file made beforehand beside the show file (its name already synced into the directory), syncs it
 * alongside the as-run lines, renames it over the show file and resolves: the show is on disk from then on, as
 * the show file or, if the power goes before the rename reaches the disk, as that spare, which the next start
 * rolls forward (recoverShowFile). The directory sync that makes the rename durable, and the next spare, follow
 * off the Take's path; the next save waits for them. A crash at any instant leaves the old show or the new one.
 */
export function createShowFileWriter(path: string) {
  const dir = dirname(path);
  let count = 0;
  const spareName = () => join(dir, `.${basename(path)}.${process.pid}.${Date.now()}${String(count++ % 1000).padStart(3, '0')}.tmp`);
  /** An empty file beside the show file whose name is on disk, made ahead of the save that fills it. */
  let spare: Promise<string> | null = null;
  /** The last save's directory sync and next spare, which the next save waits for. */
  let settling: Promise<void> = Promise.resolve();

  async function makeSpare(): Promise<string> {
    const name = spareName();
    closeSync(openSync(name, 'wx', 0o644));
    await syncDirectory(dir);
    return name;
  }
  spare = makeSpare();
  spare.catch(() => (spare = null)); // made again by the first save, which then reports the failure

  return {
    /**
     * Saves `state`; resolves once it and `alongside` (the as-run lines) are synced and it has been renamed
     * over the show file. If anything fails, nothing is replaced and the error is thrown.
     */
    async save(state: ShowState, alongside?: Promise<unknown>): Promise<void> {
      alongside?.catch(() => undefined); // handled below, whatever fails first
      try {
        await settling;
        const file = await (spare ??= makeSpare());
        spare = null;
        try {
          const handle = openSync(file, 'w');
          try {
            writeFileSync(handle, showText(state), 'utf8');
            await Promise.all([fsyncFd(handle), alongside]);
          } finally {
            closeSync(handle);
          }
          renameSync(file, path);
        } catch (error) {
          // Removed for good, so a later start never rolls forward a show that was refused.
          unlinkQuietly(file);
          await syncDirectory(dir).catch(() => undefined);
          throw error;
        }
      } catch (error) {
        await alongside?.catch(() => undefined);
        throw error;
      }
      // Off the Take's path: one directory sync makes the rename durable and the next spare's name.
      settling = (async () => {
        const next = spareName();
        closeSync(openSync(next, 'wx', 0o644));
        await syncDirectory(dir);
        spare = Promise.resolve(next);
      })().catch((error) => console.error(`The show file's folder could not be synced (the next save syncs it again): ${(error as Error).message}`));
    },
  };
}

export type ShowFileWriter = ReturnType<typeof createShowFileWriter>;

export const showText = (state: ShowState) => `${JSON.stringify(state, null, 2)}\n`;

async function syncDirectory(dir: string) {
  const handle = openSync(dir, 'r');
  try {
    await fsyncFd(handle);
  } finally {
    closeSync(handle);
  }
}

function unlinkQuietly(file: string) {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The files createShowFileWriter leaves beside a show file: spares, and a saved show whose rename was lost. */
function leftovers(path: string): string[] {
  const prefix = `.${basename(path)}.`;
  return readdirSync(dirname(path))
    .filter((name) => name.startsWith(prefix) && /\.\d+\.\d+\.tmp$/.test(name))
    .map((name) => join(dirname(path), name));
}

/**
 * On start, before the as-run log drops lines past the show: a saved show left beside the show file (the power
 * went before its rename reached the disk) replaces it when it is newer, valid and its revision is in the as-run
 * log (`loggedRevision`: the last revision the log has; a show whose lines never reached the disk was never
 * acknowledged). Every leftover is then removed. Returns the show to start from.
 */
export async function recoverShowFile(path: string, state: ShowState, loggedRevision: number, log: (line: string) => void): Promise<ShowState> {
  let best: { file: string; state: ShowState } | null = null;
  const files = leftovers(path);
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (text === '') continue; // a spare
    let parsed: ReturnType<typeof ShowState.safeParse> | null = null;
    try {
      parsed = ShowState.safeParse(JSON.parse(text));
    } catch {
      parsed = null; // cut short by the crash: never synced, so never acknowledged
    }
    if (!parsed?.success) continue;
    const revision = parsed.data.revision;
    if (revision > state.revision && revision <= loggedRevision && revision > (best?.state.revision ?? -Infinity)) best = { file, state: parsed.data };
  }
  if (best) {
    renameSync(best.file, path);
    await syncDirectory(dirname(path));
    log(`Recovered revision ${best.state.revision} of the show from ${best.file} (saved, but its rename had not reached the disk)`);
  }
  for (const file of files) {
    if (file === best?.file) continue;
    // An empty spare is what every running hub keeps ready; anything else was a save cut short (or not needed).
    const saved = sizeOf(file) > 0;
    unlinkQuietly(file);
    if (saved && !existsSync(file)) log(`Removed ${file}, left by a hub that was stopped mid-save`);
  }
  return best?.state ?? state;
}
