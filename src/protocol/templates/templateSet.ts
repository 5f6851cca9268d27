import { z } from 'zod';
import { describeIssues } from '../describeIssues';
import { GRAPHIC_KINDS, type GraphicKind } from '../graphicSpec';
import { Theme } from './theme';

/** The look an output draws with: the theme and each graphic kind's layout, as designers wrote them in templates/. */
export type TemplateSet = { theme: Theme; layouts: Record<GraphicKind, unknown> };

export type TemplateProblem = { file: string; message: string };

/** Validates one template file's JSON against its schema; `$schema` (for editors) is allowed and dropped. */
export function parseTemplate<T>(file: string, schema: z.ZodType<T>, json: unknown): { ok: true; value: T } | { ok: false; problem: TemplateProblem } {
  const withoutSchemaKey = json && typeof json === 'object' && !Array.isArray(json) ? Object.fromEntries(Object.entries(json).filter(([key]) => key !== '$schema')) : json;
  const parsed = schema.safeParse(withoutSchemaKey);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problem: { file, message: describeIssues(parsed.error) } };
}

/** Builds a template set from file contents keyed by path relative to templates/ (e.g. `nameCard.json`). */
export function parseTemplateSet(files: Record<string, unknown>, themeName: string): { ok: true; value: TemplateSet } | { ok: false; problems: TemplateProblem[] } {
  const problems: TemplateProblem[] = [];
  const themeFile = `themes/${themeName}.json`;
  const theme = files[themeFile] === undefined ? null : parseTemplate(themeFile, Theme, files[themeFile]);
  if (theme === null) problems.push({ file: themeFile, message: 'theme file is missing' });
  else if (!theme.ok) problems.push(theme.problem);
  const layouts: Partial<Record<GraphicKind, unknown>> = {};
  for (const contract of GRAPHIC_KINDS) {
    const file = `${contract.kind}.json`;
    if (files[file] === undefined) {
      problems.push({ file, message: 'layout file is missing' });
      continue;
    }
    const layout = parseTemplate<unknown>(file, contract.layout as z.ZodType<unknown>, files[file]);
    if (layout.ok) layouts[contract.kind] = layout.value;
    else problems.push(layout.problem);
  }
  if (problems.length > 0 || !theme?.ok) return { ok: false, problems };
  return { ok: true, value: { theme: theme.value, layouts: layouts as Record<GraphicKind, unknown> } };
}
