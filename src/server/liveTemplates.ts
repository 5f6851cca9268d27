import { readFile } from 'node:fs/promises';
import { describeTemplateProblem, parseTemplateFiles, TemplateLibrary, type TemplateProblem } from '../protocol/templates/templateSet';
import { readTemplateFolder, watchTemplateFolder } from './templateFolder';
import { writeFileAtomic } from './writeFileAtomic';

/** What the hub draws with now: the last valid template set, its version, and what is wrong with the files on disk. */
export type TemplateStatus = { version: number; templates: TemplateLibrary; problems: TemplateProblem[] };

export type LiveTemplateOptions = {
  /** The templates/ folder designers edit. */
  dir: string;
  /** Where the last valid set is kept, so a hub restarted with broken files still starts with a good look. */
  lastGoodPath: string;
  /**
   * The theme the show uses now: a change that removes it is refused like any other invalid edit. Call
   * `themeChanged()` when it changes, so files refused only for lacking the old one are checked again.
   */
  themeInUse: () => string;
  /** A new valid set (version bumped). */
  onTemplates: (status: TemplateStatus) => void;
  /** The problems changed (an empty list once the files are valid again). */
  onProblems: (status: TemplateStatus) => void;
  log?: (line: string) => void;
};

/**
 * Loads templates/ and keeps it live: every change is validated as a whole set; a valid set gets a new
 * version and goes to every page, an invalid one is reported (file, JSON path, reason) while air keeps
 * the last good set. Throws at start only when the files are invalid and no good set was ever saved.
 */
export async function openLiveTemplates(options: LiveTemplateOptions) {
  const { dir, lastGoodPath, themeInUse, onTemplates, onProblems, log = (line) => console.log(line) } = options;
  // What the last read found: the files' texts, the show's theme then, and the themes whose files are valid.
  let lastRead = { texts: '', theme: '' };
  let validThemeFiles = new Set<string>();
  const first = await load();
  let status: TemplateStatus;
  if (first.ok) {
    status = { version: 1, templates: first.value, problems: [] };
    // Starting needs only reads: on a full disk the hub still starts, and says the copy could not be kept.
    await saveLastGood(first.value).catch((error) => log(`Warning: could not save the last good templates to ${lastGoodPath}: ${(error as Error).message}`));
  } else {
    const lastGood = await readLastGood();
    const lines = first.problems.map(describeTemplateProblem);
    if (!lastGood) throw new Error(`The template files in ${dir} are invalid, and there is no last good set to fall back on:\n  ${lines.join('\n  ')}`);
    status = { version: 1, templates: lastGood, problems: first.problems };
    log(`Template files are invalid; drawing with the last good set from ${lastGoodPath}:`);
    for (const line of lines) log(`  ${line}`);
  }

  async function load() {
    const texts = await readTemplateFolder(dir);
    const theme = themeInUse();
    lastRead = { texts: JSON.stringify(texts), theme };
    const parsed = parseTemplateFiles(texts);
    validThemeFiles = themesWithValidFiles(texts, parsed.ok ? [] : parsed.problems);
    if (!parsed.ok) return parsed;
    if (!(theme in parsed.value.themes)) {
      return { ok: false as const, problems: [{ file: `themes/${theme}.json`, path: '', message: `theme file is missing, and the show is using the ${theme} theme: switch the show to another theme first` }] };
    }
    return parsed;
  }

  async function reload() {
    const before = lastRead;
    const parsed = await load();
    // Touched, renamed or saved unchanged: nothing to do, unless these files were refused and the show has
    // since switched theme (away from one whose file was removed: the set without it now applies).
    const unchanged = lastRead.texts === before.texts;
    if (unchanged && (lastRead.theme === before.theme || status.problems.length === 0)) return;
    if (unchanged && !parsed.ok && JSON.stringify(parsed.problems) === JSON.stringify(status.problems)) return;
    if (parsed.ok) {
      status = { version: status.version + 1, templates: parsed.value, problems: [] };
      log(`Templates reloaded from ${dir} (version ${status.version})`);
      await saveLastGood(parsed.value).catch((error) => log(`Warning: could not save the last good templates to ${lastGoodPath}: ${(error as Error).message}`));
      onTemplates(status);
      onProblems(status);
      return;
    }
    status = { ...status, problems: parsed.problems };
    log(`Template files not applied; air keeps version ${status.version}:`);
    for (const problem of parsed.problems) log(`  ${describeTemplateProblem(problem)}`);
    onProblems(status);
  }

  // One reload at a time; changes during a reload get one more reload after it.
  let running: Promise<void> | null = null;
  let again = false;
  function scheduleReload() {
    if (running) {
      again = true;
      return;
    }
    running = reload()
      .catch((error) => log(`Could not read the templates: ${(error as Error).message}`))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          scheduleReload();
        }
      });
  }

  const watcher = watchTemplateFolder(dir, scheduleReload);
  await watcher.ready;

  async function saveLastGood(templates: TemplateLibrary) {
    const text = `${JSON.stringify(templates)}\n`;
    const saved = await readFile(lastGoodPath, 'utf8').catch(() => null);
    if (saved !== text) await writeFileAtomic(lastGoodPath, text);
  }

  async function readLastGood(): Promise<TemplateLibrary | null> {
    try {
      const parsed = TemplateLibrary.safeParse(JSON.parse(await readFile(lastGoodPath, 'utf8')));
      return parsed.success ? (parsed.data as TemplateLibrary) : null;
    } catch {
      return null;
    }
  }

  return {
    status: () => status,
    /**
     * Theme names for show.setTheme: in the set on air, with their file on disk and valid as last read.
     * A theme whose file was removed or broken is refused although the last good set still has a copy.
     */
    themes: () => Object.keys(status.templates.themes).filter((name) => validThemeFiles.has(name)),
    /** The show's theme changed: checks the folder again (see `themeInUse`). */
    themeChanged: scheduleReload,
    close: () => watcher.close(),
  };
}
/** Names of the theme files among `texts` that have no problem of their own. */
function themesWithValidFiles(texts: Record<string, string>, problems: readonly TemplateProblem[]): Set<string> {
  const names = new Set<string>();
  for (const file of Object.keys(texts)) {
    const name = /^themes\/([^/]+)\.json$/.exec(file)?.[1];
    if (name !== undefined && !problems.some((problem) => problem.file === file)) names.add(name);
  }
  return names;
}
export type LiveTemplates = Awaited<ReturnType<typeof openLiveTemplates>>;
