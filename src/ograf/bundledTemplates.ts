import { parseTemplateLibrary, type TemplateLibrary } from '../protocol/templates/templateSet';

// The repository's templates/ (every layout and theme), built into the package: a playout has no hub to send them.
const files = import.meta.glob<unknown>(['/templates/*.json', '/templates/themes/*.json'], { eager: true, import: 'default' });

/** The template library as it was when the package was built, validated as the hub validates it. */
export function bundledTemplates(): TemplateLibrary {
  const parsed = parseTemplateLibrary(Object.fromEntries(Object.entries(files).map(([path, json]) => [path.replace(/^\/templates\//, ''), json])));
  if (!parsed.ok) throw new Error(`The bundled templates are invalid: ${parsed.problems.map((p) => `${p.file}: ${p.path} ${p.message}`).join('; ')}`);
  return parsed.value;
}
