import { z } from 'zod';
import { GRAPHIC_KINDS } from '../graphicSpec';
import { Theme } from './theme';

/**
 * JSON Schemas for the template files, generated from the same zod schemas the hub validates with, so an
 * editor (VS Code reads `$schema`) autocompletes keys and underlines mistakes. Written to templates/schemas/
 * by `npm run schemas`; a unit test fails when the committed ones are out of date.
 */
export function templateJsonSchemas(): Record<string, object> {
  const schemas: Record<string, object> = {
    'theme.schema.json': fileSchema(Theme, 'Finishline theme (templates/themes/<name>.json): colours, fonts, layer regions and animation timing'),
  };
  for (const contract of GRAPHIC_KINDS) {
    schemas[`${contract.kind}.schema.json`] = fileSchema(contract.layout, `Finishline ${contract.title} layout (templates/${contract.kind}.json)`);
  }
  return schemas;
}

/** Where a template file's `$schema` points, relative to the file (templates/x.json or templates/themes/x.json). */
export function schemaPathFor(file: string): string {
  const theme = file.startsWith('themes/');
  return theme ? '../schemas/theme.schema.json' : `./schemas/${file.replace(/\.json$/, '')}.schema.json`;
}

function fileSchema(schema: z.ZodType, title: string): object {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as { properties?: Record<string, unknown> };
  // Template files carry "$schema" for editors; the parser drops it, so the schema must allow it.
  return { ...json, title, properties: { $schema: { type: 'string', description: 'Where the editor finds this schema' }, ...json.properties } };
}
