import { watch, type FSWatcher } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A template file: `*.json` in templates/ or a folder under it, except the generated schemas/ and what
 * editors leave while saving (`.nameCard.json.swp`, `nameCard.json~`, `#nameCard.json#`, `.#nameCard.json`,
 * JetBrains' `nameCard.json___jb_tmp___`, vim's `4913`).
 */
export function isTemplateFile(relativePath: string): boolean {
  const parts = relativePath.split('/');
  if (parts[0] === 'schemas' || parts.some((part) => part.startsWith('.') || part.startsWith('#'))) return false;
  return relativePath.endsWith('.json');
}

/** Every template file's text, keyed by its path relative to the folder with `/` separators. */
export async function readTemplateFolder(dir: string): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  const walk = async (relative: string) => {
    const entries = await readdir(join(dir, relative), { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (isTemplateFolder(path)) await walk(path);
      } else if (entry.isFile() && isTemplateFile(path)) {
        try {
          texts[path] = await readFile(join(dir, path), 'utf8');
        } catch (error) {
          // Renamed away between listing and reading (an editor's atomic save): the next event reads it again.
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
    }
  };
  await walk('');
  return texts;
}

function isTemplateFolder(relativePath: string): boolean {
  return relativePath !== 'schemas' && !relativePath.split('/').some((part) => part.startsWith('.'));
}

/**
 * Calls `onChange` once things have been quiet for `debounceMs` after any change in the folder or its
 * sub-folders. Editors save in bursts (write a temp file, rename it over, touch a backup), so one save
 * gives one call. Folders added later (a new themes/ folder) are watched from the next change on.
 */
export function watchTemplateFolder(dir: string, onChange: () => void, debounceMs = 100) {
  const watchers = new Map<string, FSWatcher>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const changed = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      void watchFolders();
      onChange();
    }, debounceMs);
  };
  const watchOne = (relative: string) => {
    if (watchers.has(relative)) return;
    try {
      const watcher = watch(join(dir, relative), changed);
      watcher.on('error', () => {
        // The folder went away (deleted or renamed): stop watching it; a later change re-adds it.
        watcher.close();
        watchers.delete(relative);
        changed();
      });
      watchers.set(relative, watcher);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  };
  const watchFolders = async () => {
    watchOne('');
    const walk = async (relative: string) => {
      let entries;
      try {
        entries = await readdir(join(dir, relative), { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const path = relative ? `${relative}/${entry.name}` : entry.name;
        if (entry.isDirectory() && isTemplateFolder(path) && !closed) {
          watchOne(path);
          await walk(path);
        }
      }
    };
    await walk('');
  };
  const ready = watchFolders();
  return {
    /** Resolves once every existing folder is watched. */
    ready,
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
