import { parseTemplateSet, type TemplateSet } from '../protocol/templates/templateSet';

// The templates/ folder as it was when the page was built.
const files = import.meta.glob<unknown>('/templates/**/*.json', { eager: true, import: 'default' });

/** The template set built into the page, validated like any other template input. */
export function bundledTemplates(themeName = 'finishline'): TemplateSet {
  const relative = Object.fromEntries(Object.entries(files).map(([path, json]) => [path.replace(/^\/templates\//, ''), json]));
  const parsed = parseTemplateSet(relative, themeName);
  if (!parsed.ok) throw new Error(`Template files are invalid: ${parsed.problems.map((p) => `${p.file}: ${p.message}`).join('; ')}`);
  return parsed.value;
}
