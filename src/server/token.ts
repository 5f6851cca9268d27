import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './writeFileAtomic';

/** The operator token: from HUB_TOKEN, else kept in a file beside the show so bookmarked URLs survive restarts. */
export async function loadOrCreateToken(path: string, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  try {
    const saved = (await readFile(path, 'utf8')).trim();
    if (saved) return saved;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = randomBytes(12).toString('hex');
  await writeFileAtomic(path, `${token}\n`);
  return token;
}

export function hasToken(presented: string | null | undefined, token: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
