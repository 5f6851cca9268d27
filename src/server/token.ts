import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, readFile, stat } from 'node:fs/promises';
import { writeFileAtomic } from './writeFileAtomic';

/** The operator token: from HUB_TOKEN, else kept in a file beside the show so bookmarked URLs survive restarts. */
export async function loadOrCreateToken(path: string, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  try {
    const saved = (await readFile(path, 'utf8')).trim();
    if (saved) {
      await keepPrivate(path);
      return saved;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = randomBytes(12).toString('hex');
  await writeFileAtomic(path, `${token}\n`, { mode: 0o600 });
  return token;
}

/** The token file is readable by its owner only; one made by an older hub (0644) is tightened, or a warning says why not. */
async function keepPrivate(path: string) {
  try {
    if (((await stat(path)).mode & 0o077) !== 0) await chmod(path, 0o600);
  } catch (error) {
    console.log(`Warning: could not make ${path} private (chmod 600): ${(error as Error).message}`);
  }
}

export function hasToken(presented: string | null | undefined, token: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
