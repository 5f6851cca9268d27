import { z } from 'zod';
import { GRAPHIC_KINDS, type GraphicKind } from '../graphicSpec';
import { parseJsonText } from './jsonText';
import { Theme } from './theme';
import { editDistance } from '../../core/editDistance';

/** The theme a show starts with; `templates/themes/finishline.json` must always exist. */
export const DEFAULT_THEME = 'finishline';

/** Theme file names (without `.json`) are the names a show selects a theme by. */
export const ThemeName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a theme file name: lower-case letters, digits and dashes');

/** Every kind's layout schema, keyed by kind. */
const Layouts = z.strictObject(Object.fromEntries(GRAPHIC_KINDS.map((contract) => [contract.kind, contract.layout])) as Record<string, z.ZodType>);

/**
 * Everything in templates/, validated: each theme by file name, each graphic kind's layout. The hub sends it
 * whole to every page (`templates` message), so a show can switch themes without waiting for files.
 */
export const TemplateLibrary = z.strictObject({
  themes: z.record(ThemeName, Theme).refine((themes) => DEFAULT_THEME in themes, `the ${DEFAULT_THEME} theme is required`),
  layouts: Layouts,
});
export type TemplateLibrary = { themes: Record<string, Theme>; layouts: Record<GraphicKind, unknown> };

/** The look an output draws with: one theme and each graphic kind's layout, as designers wrote them in templates/. */
export type TemplateSet = { theme: Theme; layouts: Record<GraphicKind, unknown> };

/**
 * What is wrong with a template file: `file` relative to templates/, `path` the JSON path in it (e.g.
 * `colours.panel`; empty for the whole file), `line`/`column` for JSON syntax errors, and the reason.
 */
export const TemplateProblem = z.strictObject({ file: z.string(), path: z.string(), line: z.number().int().optional(), column: z.number().int().optional(), message: z.string() });
export type TemplateProblem = z.infer<typeof TemplateProblem>;

/** One line a designer can act on: `templates/nameCard.json: nameSize: Invalid input: expected number, received string`. */
export function describeTemplateProblem(problem: TemplateProblem): string {
  const place = problem.line !== undefined ? `line ${problem.line}, column ${problem.column}` : problem.path;
  return `templates/${problem.file}: ${place ? `${place}: ` : ''}${problem.message}`;
}

/** Validates one template file's JSON against its schema; `$schema` (for editors) is allowed and dropped. */
export function parseTemplate<T>(file: string, schema: z.ZodType<T>, json: unknown): { ok: true; value: T } | { ok: false; problems: TemplateProblem[] } {
  const withoutSchemaKey = json && typeof json === 'object' && !Array.isArray(json) ? Object.fromEntries(Object.entries(json).filter(([key]) => key !== '$schema')) : json;
  const parsed = schema.safeParse(withoutSchemaKey);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: parsed.error.issues.flatMap((issue) => problemsOf(file, schema, issue)) };
}

/**
 * Validates template files given as text, keyed by path relative to templates/ (`nameCard.json`,
 * `themes/night.json`): the whole set or nothing, so a half-edited folder never reaches air.
 */
export function parseTemplateFiles(texts: Record<string, string>): { ok: true; value: TemplateLibrary } | { ok: false; problems: TemplateProblem[] } {
  const json: Record<string, unknown> = {};
  const problems: TemplateProblem[] = [];
  for (const [file, text] of Object.entries(texts)) {
    const parsed = parseJsonText(text);
    if (parsed.ok) json[file] = parsed.value;
    else problems.push({ file, path: '', line: parsed.error.line, column: parsed.error.column, message: parsed.error.message });
  }
  const library = parseTemplateLibrary(json);
  // A file with a syntax error is also "missing" to the library: report only the syntax error.
  const all = [...problems, ...(library.ok ? [] : library.problems.filter((p) => !problems.some((q) => q.file === p.file)))];
  if (all.length > 0) return { ok: false, problems: all };
  return library;
}

/** Validates parsed template files (JSON values keyed by path relative to templates/). */
export function parseTemplateLibrary(files: Record<string, unknown>): { ok: true; value: TemplateLibrary } | { ok: false; problems: TemplateProblem[] } {
  const problems: TemplateProblem[] = [];
  const themes: Record<string, Theme> = {};
  const layouts: Partial<Record<GraphicKind, unknown>> = {};
  const kinds = GRAPHIC_KINDS.map((contract) => contract.kind as string);
  for (const [file, json] of Object.entries(files)) {
    const theme = /^themes\/([^/]+)\.json$/.exec(file);
    if (theme) {
      const name = ThemeName.safeParse(theme[1]);
      if (!name.success) {
        problems.push({ file, path: '', message: `Theme file names are lower-case letters, digits and dashes (like night.json), so a show can select them` });
        continue;
      }
      const parsed = parseTemplate(file, Theme, json);
      if (parsed.ok) themes[name.data] = parsed.value;
      else problems.push(...parsed.problems);
      continue;
    }
    const kind = /^([^/]+)\.json$/.exec(file)?.[1];
    if (kind === undefined || !kinds.includes(kind)) {
      const near = kind === undefined ? null : nearest(kind, kinds);
      const names = near ? `did you mean ${near}.json?` : `the kinds are ${kinds.join(', ')}`;
      problems.push({ file, path: '', message: `Not a template: layout files are named after a graphic kind (${names}) and themes go in themes/` });
    }
  }
  for (const contract of GRAPHIC_KINDS) {
    const file = `${contract.kind}.json`;
    if (files[file] === undefined) {
      problems.push({ file, path: '', message: `layout file is missing (every graphic kind needs one)` });
      continue;
    }
    const layout = parseTemplate<unknown>(file, contract.layout as z.ZodType<unknown>, files[file]);
    if (layout.ok) layouts[contract.kind] = layout.value;
    else problems.push(...layout.problems);
  }
  if (files[`themes/${DEFAULT_THEME}.json`] === undefined) problems.push({ file: `themes/${DEFAULT_THEME}.json`, path: '', message: 'theme file is missing (the default theme is required)' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { themes, layouts: layouts as Record<GraphicKind, unknown> } };
}

/** The set one output draws with: the named theme (or the default one if it no longer exists) and every layout. */
export function selectTheme(library: TemplateLibrary, themeName: string): TemplateSet {
  const theme = library.themes[themeName] ?? library.themes[DEFAULT_THEME] ?? Object.values(library.themes)[0];
  if (!theme) throw new Error('The template library has no theme');
  return { theme, layouts: library.layouts };
}

/** Builds a template set from parsed file contents keyed by path relative to templates/ (e.g. `nameCard.json`). */
export function parseTemplateSet(files: Record<string, unknown>, themeName: string): { ok: true; value: TemplateSet } | { ok: false; problems: TemplateProblem[] } {
  const themeFile = `themes/${themeName}.json`;
  const library = parseTemplateLibrary(files);
  const missing: TemplateProblem[] = files[themeFile] === undefined ? [{ file: themeFile, path: '', message: 'theme file is missing' }] : [];
  if (!library.ok || missing.length > 0) return { ok: false, problems: [...missing, ...(library.ok ? [] : library.problems)] };
  return { ok: true, value: selectTheme(library.value, themeName) };
}

/** One problem per zod issue; an unknown key is reported at its own path, with the nearest known key. */
function problemsOf(file: string, schema: z.ZodType, issue: z.core.$ZodIssue): TemplateProblem[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(schema, path);
    return issue.keys.map((key) => {
      const near = nearest(key, known);
      return { file, path: [...path, key].join('.'), message: `Unknown key${near ? ` (did you mean "${near}"?)` : ''}` };
    });
  }
  return [{ file, path: path.join('.'), message: issue.message }];
}

/** The keys an object schema allows at a path (for "did you mean"). */
function keysAt(schema: z.ZodType, path: string[]): string[] {
  let at: unknown = schema;
  for (const key of path) at = shapeOf(at)?.[key];
  return Object.keys(shapeOf(at) ?? {});
}

function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  let s = schema as { shape?: Record<string, unknown>; _zod?: { def?: { innerType?: unknown } } } | undefined;
  while (s?._zod?.def?.innerType) s = s._zod.def.innerType as typeof s;
  return s?.shape;
}

/** The known key closest to a misspelt one (edit distance up to a third of its length), if any. */
function nearest(key: string, known: string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(1, Math.floor(key.length / 3)) + 1;
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

