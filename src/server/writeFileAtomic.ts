import { closeSync, fsync, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Only the fsyncs go to libuv's thread pool: opening, writing to the page cache, renaming and closing are
 * quick system calls made directly, because each trip through the pool (and back to a busy event loop) costs
 * milliseconds on a loaded machine, and a show save is on the way of every Take to air.
 */
export const fsyncFd = promisify(fsync);

/** Appends text to a file (made if missing) and resolves once it is synced to disk. */
export async function appendSynced(path: string, text: string): Promise<void> {
  const file = openSync(path, 'a');
  try {
    writeFileSync(file, text);
    await fsyncFd(file);
  } finally {
    closeSync(file);
  }
}

/**
 * Writes a file so that a crash or `kill -9` at any instant leaves either the old or the new content,
 * never a torn file: write a temp file beside it, fsync it, rename it over, then fsync the directory so
 * the rename itself is durable. `renameAfter`: the new content replaces the old only once it has resolved
 * (the as-run lines that must be on disk before the show that has them); it is awaited alongside the temp
 * file's fsync, and if it fails nothing is replaced and its error is thrown.
 */
export async function writeFileAtomic(path: string, content: string, options: { mode?: number; renameAfter?: Promise<unknown> } = {}): Promise<void> {
  const { mode = 0o644, renameAfter } = options;
  // Handled here whatever happens first, so a failure of ours never leaves it rejecting unheard.
  renameAfter?.catch(() => undefined);
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const file = openSync(temp, 'w', mode);
    try {
      writeFileSync(file, content, 'utf8');
      await Promise.all([fsyncFd(file), renameAfter]);
    } finally {
      closeSync(file);
    }
    renameSync(temp, path);
  } catch (error) {
    await renameAfter?.catch(() => undefined); // never renamed while it is still in flight
    try {
      unlinkSync(temp);
    } catch {
      // never created
    }
    throw error;
  }
  const directory = openSync(dir, 'r');
  try {
    await fsyncFd(directory);
  } finally {
    closeSync(directory);
  }
}

/** Temp files writeFileAtomic leaves behind when the process is killed between writing and renaming. */
const STALE_TEMP = /^\..+\.\d+\.\d+\.tmp$/;

/** Removes temp files a killed hub left in `dir` (none of them is ever the current file); a failure is only logged. */
export async function removeStaleTempFiles(dir: string, log: (line: string) => void): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return; // no folder yet: nothing to clean
  }
  for (const name of names.filter((n) => STALE_TEMP.test(n))) {
    await unlink(join(dir, name)).then(
      () => log(`Removed ${join(dir, name)}, left by a hub that was stopped mid-save`),
      (error) => log(`Warning: could not remove ${join(dir, name)}: ${(error as Error).message}`),
    );
  }
}
