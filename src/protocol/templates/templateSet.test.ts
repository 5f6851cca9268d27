import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTemplateSet } from './templateSet';

const root = resolve(import.meta.dirname, '../../../templates');
function readTemplates(): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.json')) files[relative(root, path)] = JSON.parse(readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return files;
}

describe('parseTemplateSet', () => {
  it('accepts the templates shipped in templates/', () => {
    const parsed = parseTemplateSet(readTemplates(), 'finishline');
    expect(parsed.ok && parsed.value.theme.name).toBe('Finishline');
  });

  it('names the file and field of an invalid value', () => {
    const files = readTemplates();
    files['nameCard.json'] = { ...(files['nameCard.json'] as object), nameSize: 'big' };
    expect(parseTemplateSet(files, 'finishline')).toEqual({
      ok: false,
      problems: [{ file: 'nameCard.json', message: 'nameSize: Invalid input: expected number, received string' }],
    });
  });

  it('says which file is missing', () => {
    const parsed = parseTemplateSet(readTemplates(), 'neon');
    expect(parsed).toEqual({ ok: false, problems: [{ file: 'themes/neon.json', message: 'theme file is missing' }] });
  });
});
