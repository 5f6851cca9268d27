import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that a crash or `kill -9` at any instant leaves either the old or the new content,
 * never a torn file: write a temp file beside it, fsync it, rename it over, then fsync the directory so
 * the rename itself is durable.
 */
export async function writeFileAtomic(path: string, content: string, mode = 0o644): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const file = await open(temp, 'w', mode);
  try {
    await file.writeFile(content, 'utf8');
    await file.sync();
  } catch (error) {
    await file.close();
    await unlink(temp).catch(() => {});
    throw error;
  }
  await file.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
  const directory = await open(dir, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
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
