import { createHash } from 'node:crypto';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { LAYER_TITLES, LAYERS } from '../protocol/layers';
import { requiredText } from '../protocol/text';
import { emptyShow, type ShowState } from '../state/showState';
import { loadShowFile, saveShowFile } from './showFile';

/** A show's name as the operator types it. */
export const ShowName = requiredText(120);
/** A saved show's file name without `.json`: lower-case letters, digits and dashes (never a path). */
export const ShowFileId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a saved show file like london-2016 (see GET /api/shows)');

/**
 * The file a show of this name is saved as: `London Marathon 2016` → `london-marathon-2016`. A name with letters
 * or digits outside Latin (`東京マラソン`, `Tokyo 東京`) also gets a short hash of the whole name (`show-1a2b3c4d`,
 * `tokyo-5e6f7a8b`), so distinct names never share a file; file names stay ASCII, the same on every disk. Latin
 * names keep the file they always had.
 */
export function showFileId(name: string): string {
  const latin = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => LATIN_LETTERS[letter] ?? '');
  const id = (base: string, length: number) =>
    base
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, length)
      .replace(/-+$/, '');
  if (!/[^\P{L}a-z]|[^\P{N}0-9]/u.test(latin)) return id(latin, 64) || 'show';
  const hash = createHash('sha256').update(name.normalize('NFKC').trim().toLowerCase()).digest('hex').slice(0, 8);
  return `${id(latin, 55) || 'show'}-${hash}`;
}
/** Latin letters NFKD does not take apart into a base letter and accents. */
const LATIN_LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** A show saved in the library, as GET /api/shows lists it (`savedAt` is the file's ISO date-time). */
export const SavedShow = z.strictObject({ file: ShowFileId, name: z.string(), revision: z.number().int().nonnegative(), items: z.number().int().nonnegative(), savedAt: z.string() });
export type SavedShow = z.infer<typeof SavedShow>;

/**
 * Named shows kept as files in one folder beside the working show (data/shows/ by default). The working
 * show (data/show.json) is what the hub runs; these are the shows an operator can open. Switching shows
 * always saves the current one under its name first, so nothing is lost.
 */
export function createShowLibrary(dir: string) {
  const pathOf = (file: string) => join(dir, `${file}.json`);

  async function exists(file: string): Promise<boolean> {
    return stat(pathOf(file)).then(
      () => true,
      () => false,
    );
  }

  async function save(show: ShowState): Promise<string> {
    await mkdir(dir, { recursive: true });
    const file = showFileId(show.name);
    await saveShowFile(pathOf(file), show);
    return file;
  }

  async function list(): Promise<SavedShow[]> {
    const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    const shows: SavedShow[] = [];
    for (const entry of entries.sort()) {
      const file = entry.replace(/\.json$/, '');
      if (entry === file || !ShowFileId.safeParse(file).success) continue;
      try {
        const show = await loadShowFile(pathOf(file));
        const info = await stat(pathOf(file));
        shows.push({ file, name: show.name, revision: show.revision, items: show.rundown.length, savedAt: info.mtime.toISOString() });
      } catch {
        // A damaged file is left alone and not offered; opening it by name says what is wrong.
      }
    }
    return shows;
  }

  /** Refuses a switch that would change what is on air or edit a locked show. */
  function switchProblem(current: ShowState, action: string): string | null {
    if (current.locked) return `The show is locked: unlock it before you ${action}`;
    const onAir = LAYERS.filter((layer) => current.onAir[layer]);
    if (onAir.length > 0) return `Clear the air before you ${action} (on air: ${onAir.map((layer) => LAYER_TITLES[layer]).join(', ')}); nothing was changed`;
    return null;
  }

  return {
    dir,
    list,
    /** Saves the show under a (new) name; refuses to replace another saved show unless told to. */
    async saveAs(current: ShowState, name: string, overwrite: boolean): Promise<ShowState | string> {
      const file = showFileId(name);
      if (!overwrite && file !== showFileId(current.name) && (await exists(file))) {
        return `A show is already saved as ${file}.json; choose another name, or replace it (overwrite)`;
      }
      const next = { ...current, name };
      await save(next);
      return next;
    },
    /** Saves the current show, then starts an empty one with the given name. */
    async startNew(current: ShowState, name: string): Promise<ShowState | string> {
      const problem = switchProblem(current, 'start a new show');
      if (problem) return problem;
      if (await exists(showFileId(name))) return `A show is already saved as ${showFileId(name)}.json: open it, or choose another name`;
      await save(current);
      return { ...emptyShow(name), revision: current.revision };
    },
    /** Saves the current show, then opens a saved one with nothing on air; its items' revisions restart from now. */
    async open(current: ShowState, file: string): Promise<ShowState | string> {
      const problem = switchProblem(current, 'open another show');
      if (problem) return problem;
      if (!(await exists(file))) return `There is no saved show ${file}.json (see GET /api/shows)`;
      await save(current); // first, so reopening the current show's own file loses nothing
      const opened = await loadShowFile(pathOf(file));
      const revision = current.revision + 1;
      // Edits a panel started against the old show must not land on items that happen to share an id.
      return { ...opened, revision, onAir: {}, rundown: opened.rundown.map((item) => ({ ...item, revision })) };
    },
  };
}
export type ShowLibrary = ReturnType<typeof createShowLibrary>;
