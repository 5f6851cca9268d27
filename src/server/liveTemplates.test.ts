import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLiveTemplates, type LiveTemplateOptions, type TemplateStatus } from './liveTemplates';

const shipped = resolve(import.meta.dirname, '../../templates');
const open: { close(): void }[] = [];
afterEach(() => {
  for (const templates of open.splice(0)) templates.close();
});

/** A copy of templates/ in a temp folder, and a place for the last good set. */
function scratch() {
  const root = mkdtempSync(join(tmpdir(), 'finishline-templates-'));
  const dir = join(root, 'templates');
  cpSync(shipped, dir, { recursive: true });
  return { dir, lastGoodPath: join(root, 'templates-last-good.json') };
}

/** Opens live templates and records every event, each as a promise for the next one. */
async function start(folders: { dir: string; lastGoodPath: string }, extra: Partial<LiveTemplateOptions> = {}) {
  const log: string[] = [];
  const events: { kind: 'templates' | 'problems'; status: TemplateStatus }[] = [];
  let wake: (() => void) | null = null;
  const push = (kind: 'templates' | 'problems') => (status: TemplateStatus) => {
    events.push({ kind, status });
    wake?.();
  };
  const templates = await openLiveTemplates({
    ...folders,
    themeInUse: () => 'finishline',
    onTemplates: push('templates'),
    onProblems: push('problems'),
    log: (line) => log.push(line),
    ...extra,
  });
  open.push(templates);
  const next = async (kind: 'templates' | 'problems') => {
    for (;;) {
      const index = events.findIndex((e) => e.kind === kind);
      if (index >= 0) return events.splice(index, 1)[0]!.status;
      await new Promise<void>((r) => (wake = r));
    }
  };
  return { templates, log, events, next };
}

/** Saves like many editors do: write a temp file beside it, then rename it over the original. */
function saveAtomically(path: string, text: string) {
  writeFileSync(`${path}.tmp~`, text);
  renameSync(`${path}.tmp~`, path);
}

function editJson(path: string, edit: (json: any) => void) {
  const json = JSON.parse(readFileSync(path, 'utf8'));
  edit(json);
  saveAtomically(path, JSON.stringify(json, null, 2));
}

describe('live templates', () => {
  it('loads every theme and layout at start as version 1', async () => {
    const { templates } = await start(scratch());
    expect(templates.status().version).toBe(1);
    expect(templates.themes().sort()).toEqual(['finishline', 'night']);
    expect(templates.status().problems).toEqual([]);
  });

  it('pushes a valid edit, saved by an atomic rename, as the next version', async () => {
    const folders = scratch();
    const { templates, next } = await start(folders);
    editJson(join(folders.dir, 'nameCard.json'), (j) => (j.nameSize = 60));
    const pushed = await next('templates');
    expect(pushed.version).toBe(2);
    expect(pushed.templates.layouts.nameCard).toMatchObject({ nameSize: 60 });
    expect(templates.status().version).toBe(2);
    expect((await next('problems')).problems).toEqual([]);
  });

  it('reports an invalid edit with file, path and reason, and keeps the last good set', async () => {
    const folders = scratch();
    const { templates, next, log } = await start(folders);
    editJson(join(folders.dir, 'themes/finishline.json'), (j) => (j.colours.panel = 'blue'));
    const reported = await next('problems');
    expect(reported.problems).toEqual([{ file: 'themes/finishline.json', path: 'colours.panel', message: 'must be a colour like #0b1f4b' }]);
    expect(reported.version).toBe(1);
    expect(templates.status().templates.themes.finishline!.colours.panel).toBe('#0b1f4b');
    expect(log).toEqual(['Template files not applied; air keeps version 1:', '  templates/themes/finishline.json: colours.panel: must be a colour like #0b1f4b']);
  });

  it('ignores editor swap and backup files', async () => {
    const folders = scratch();
    const { next, events } = await start(folders);
    writeFileSync(join(folders.dir, '.nameCard.json.swp'), 'garbage');
    writeFileSync(join(folders.dir, 'nameCard.json~'), '{');
    writeFileSync(join(folders.dir, 'themes', '#night.json#'), '{');
    // A real edit afterwards is the next (and only) event: the temp files caused none.
    editJson(join(folders.dir, 'nameCard.json'), (j) => (j.slide = 30));
    expect((await next('templates')).version).toBe(2);
    expect(events.filter((e) => e.kind === 'templates')).toEqual([]);
  });

  it('refuses to remove the theme the show is using', async () => {
    const folders = scratch();
    const { next } = await start(folders, { themeInUse: () => 'night' });
    rmSync(join(folders.dir, 'themes/night.json'));
    expect((await next('problems')).problems).toEqual([
      { file: 'themes/night.json', path: '', message: 'theme file is missing, and the show is using the night theme: switch the show to another theme first' },
    ]);
  });

  it('checks the folder again when the show switches away from a theme whose file was removed, and applies the set without it', async () => {
    const folders = scratch();
    let theme = 'night';
    const { templates, next } = await start(folders, { themeInUse: () => theme });
    rmSync(join(folders.dir, 'themes/night.json'));
    expect((await next('problems')).problems).toEqual([
      { file: 'themes/night.json', path: '', message: 'theme file is missing, and the show is using the night theme: switch the show to another theme first' },
    ]);
    expect(templates.status().version).toBe(1);
    theme = 'finishline';
    templates.themeChanged();
    const pushed = await next('templates');
    expect(pushed.version).toBe(2);
    expect(Object.keys(pushed.templates.themes)).toEqual(['finishline']);
    expect((await next('problems')).problems).toEqual([]);
    expect(templates.themes()).toEqual(['finishline']);
  });

  it('offers show.setTheme only themes whose file is on disk and valid, though the last good set keeps a copy', async () => {
    const folders = scratch();
    const { templates, next } = await start(folders);
    editJson(join(folders.dir, 'themes/night.json'), (j) => (j.colours.panel = 'blue'));
    expect((await next('problems')).problems).toEqual([{ file: 'themes/night.json', path: 'colours.panel', message: 'must be a colour like #0b1f4b' }]);
    expect(Object.keys(templates.status().templates.themes).sort()).toEqual(['finishline', 'night']);
    expect(templates.themes()).toEqual(['finishline']);

    // Removed while another file is broken: the folder is still refused, and night is still not offered.
    editJson(join(folders.dir, 'nameCard.json'), (j) => (j.nameSize = 'big'));
    rmSync(join(folders.dir, 'themes/night.json'));
    await expect.poll(() => templates.status().problems.map((p) => p.file)).toEqual(['nameCard.json']);
    expect(Object.keys(templates.status().templates.themes).sort()).toEqual(['finishline', 'night']);
    expect(templates.themes()).toEqual(['finishline']);
  });

  it('starts with the last good set when the files are broken, and reports them', async () => {
    const folders = scratch();
    const first = await start(folders);
    editJson(join(folders.dir, 'nameCard.json'), (j) => (j.nameSize = 61));
    await first.next('templates');
    first.templates.close();
    writeFileSync(join(folders.dir, 'nameCard.json'), '{ "nameSize": ');
    const { templates, log } = await start(folders);
    expect(templates.status().templates.layouts.nameCard).toMatchObject({ nameSize: 61 });
    expect(templates.status().problems).toEqual([{ file: 'nameCard.json', path: '', line: 1, column: 15, message: 'Unexpected end of file: expected a value (a number, "text", true, false, null, an object or a list)' }]);
    expect(log[0]).toMatch(/^Template files are invalid; drawing with the last good set from /);
  });

  it('refuses to start when the files are broken and no good set was ever saved', async () => {
    const folders = scratch();
    editJson(join(folders.dir, 'nameCard.json'), (j) => (j.nameSize = 'big'));
    await expect(start(folders)).rejects.toThrow(
      `The template files in ${folders.dir} are invalid, and there is no last good set to fall back on:\n  templates/nameCard.json: nameSize: Invalid input: expected number, received string`,
    );
  });
});
