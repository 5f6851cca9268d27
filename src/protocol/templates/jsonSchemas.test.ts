import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaPathFor, templateJsonSchemas } from './jsonSchemas';

const templates = resolve(import.meta.dirname, '../../../templates');

describe('template JSON Schemas', () => {
  it('are committed exactly as the zod schemas generate them (run `npm run schemas` after changing a schema)', () => {
    const expected = templateJsonSchemas();
    expect(readdirSync(join(templates, 'schemas')).sort()).toEqual(Object.keys(expected).sort());
    for (const [file, schema] of Object.entries(expected)) {
      expect(readFileSync(join(templates, 'schemas', file), 'utf8'), file).toBe(`${JSON.stringify(schema, null, 2)}\n`);
    }
  });

  it('are pointed at by the $schema key of every template file', () => {
    const files = [...readdirSync(templates).filter((f) => f.endsWith('.json')), ...readdirSync(join(templates, 'themes')).map((f) => `themes/${f}`)];
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) expect(JSON.parse(readFileSync(join(templates, file), 'utf8')).$schema, file).toBe(schemaPathFor(file));
  });

  it('describe the keys and constraints an editor needs: bundled font families, colours, $schema', () => {
    const theme = templateJsonSchemas()['theme.schema.json'] as any;
    expect(theme.additionalProperties).toBe(false);
    expect(theme.properties.$schema).toEqual({ type: 'string', description: 'Where the editor finds this schema' });
    expect(theme.properties.fonts.properties.display.properties.family.enum).toEqual(['Barlow Condensed', 'Barlow', 'Oswald', 'Noto Sans', 'Noto Sans Ethiopic', 'Noto Sans Arabic', 'Noto Sans Thai']);
    expect(theme.properties.colours.properties.panel.pattern).toBe('^#[0-9a-fA-F]{6}$');
  });
});
