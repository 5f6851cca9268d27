import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

/** Who holds a show file: written into `<SHOW_FILE>.lock` by the hub that runs it. */
type Holder = { pid: number; host: string; port: number; startedAt: string };

export const lockPath = (showPath: string) => `${showPath}.lock`;

/**
 * Takes the show file for this hub, before anything of it is read or written: two hubs on one show file would
 * each answer commands with the same revisions and save over each other (the disk keeps one of them), run the
 * same feeds twice, and a second start would roll the first hub's take journal into the show file and remove its
 * temp files mid-save. Throws, naming the hub that has it, while that hub runs; a lock left by a hub that is
 * gone (kill -9, a power cut) is taken over. The lock is removed when this process exits. Returns what tells the
 * lock the port the hub got (PORT=0 asks for any).
 */
export function lockShowFile(showPath: string, port: number, log: (line: string) => void): (listening: number) => void {
  const path = lockPath(showPath);
  mkdirSync(dirname(showPath), { recursive: true });
  const me: Holder = { pid: process.pid, host: hostname(), port, startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      try {
        writeSync(fd, `${JSON.stringify(me)}\n`);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw new Error(`The show file's lock ${path} could not be made (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    const holder = readHolder(path);
    if (holder && holderRuns(holder)) {
      const where = `process ${holder.pid}${holder.host === me.host ? '' : ` on ${holder.host}`}${holder.port ? `, port ${holder.port}` : ''}`;
      throw new Error(
        `Another hub (${where}, started ${holder.startedAt}) is running this show file, ${showPath}: ` +
          `stop it first, or give this hub its own SHOW_FILE. If that hub is gone (another machine sharing this folder), delete ${path}`,
      );
    }
    log(holder ? `Took over the show file from hub process ${holder.pid}, which is no longer running (it left ${path})` : `Replaced an unreadable lock file ${path}`);
    unlinkSync(path);
  }
  process.on('exit', () => {
    // Only our own: another hub may have taken it over after this one was frozen long enough to look gone.
    if (readHolder(path)?.pid === me.pid && readHolder(path)?.startedAt === me.startedAt) {
      try {
        unlinkSync(path);
      } catch {
        // Gone already.
      }
    }
  });
  return (listening) => {
    if (listening === me.port || readHolder(path)?.pid !== me.pid) return;
    me.port = listening;
    try {
      writeFileSync(path, `${JSON.stringify(me)}\n`);
    } catch {
      // The lock still holds; it names the port asked for.
    }
  };
}

function readHolder(path: string): Holder | null {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? { pid: holder.pid, host: holder.host, port: Number(holder.port), startedAt: String(holder.startedAt) } : null;
  } catch {
    return null;
  }
}

/** Whether the lock's hub still runs. On another machine (a shared folder) that can't be known: it is taken to run. */
function holderRuns(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  // This very process: a container restarted with the same process id.
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // The id may have been given to another program since (after a reboot): a hub is a node process.
  try {
    return /node/i.test(readFileSync(`/proc/${holder.pid}/cmdline`, 'utf8'));
  } catch {
    return true;
  }
}
