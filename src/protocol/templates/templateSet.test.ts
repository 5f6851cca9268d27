import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeTemplateProblem, parseTemplateFiles, parseTemplateSet, selectTheme } from './templateSet';

const root = resolve(import.meta.dirname, '../../../templates');

/** The shipped template files as text, keyed by path relative to templates/ (schemas/ is not a template). */
function readTexts(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'schemas') walk(path);
      else if (entry.isFile() && entry.name.endsWith('.json')) files[relative(root, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return files;
}

/** The shipped files with one of them edited (as JSON). */
function edited(file: string, edit: (json: any) => void): Record<string, string> {
  const texts = readTexts();
  const json = JSON.parse(texts[file]!);
  edit(json);
  texts[file] = JSON.stringify(json, null, 2);
  return texts;
}

function messages(texts: Record<string, string>): string[] {
  const parsed = parseTemplateFiles(texts);
  return parsed.ok ? [] : parsed.problems.map(describeTemplateProblem);
}

describe('parseTemplateFiles', () => {
  it('accepts the templates shipped in templates/, with every theme', () => {
    const parsed = parseTemplateFiles(readTexts());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(Object.keys(parsed.value.themes).sort()).toEqual(['finishline', 'night']);
    expect(parsed.value.themes.finishline!.name).toBe('Finishline');
    expect(parsed.value.layouts.nameCard).toMatchObject({ nameSize: 56 });
  });

  it('names the file, the field and the reason for a value of the wrong type', () => {
    expect(messages(edited('nameCard.json', (j) => (j.nameSize = 'big')))).toEqual(['templates/nameCard.json: nameSize: Invalid input: expected number, received string']);
  });

  it('reports an unknown key at its own path and suggests the nearest known key', () => {
    expect(messages(edited('nameCard.json', (j) => (j.nameSise = 60)))).toEqual(['templates/nameCard.json: nameSise: Unknown key (did you mean "nameSize"?)']);
    expect(messages(edited('themes/finishline.json', (j) => (j.colours.glow = '#ffffff')))).toEqual(['templates/themes/finishline.json: colours.glow: Unknown key']);
  });

  it('says how to write a colour', () => {
    expect(messages(edited('themes/night.json', (j) => (j.colours.panel = 'navy')))).toEqual(['templates/themes/night.json: colours.panel: must be a colour like #0b1f4b']);
  });

  it('gives the line and column of a JSON syntax error', () => {
    const texts = readTexts();
    texts['nameCard.json'] = '{\n  "inset": 16\n  "accentWidth": 12\n}\n';
    expect(messages(texts)).toEqual(["templates/nameCard.json: line 3, column 3: Unexpected '\"': expected ',' or '}' after the value"]);
    texts['nameCard.json'] = '{\n  "inset": 16,\n}\n';
    expect(messages(texts)).toEqual(["templates/nameCard.json: line 3, column 1: Unexpected '}': expected another \"key\": after the comma (JSON allows no trailing comma)"]);
    texts['nameCard.json'] = '{\n  "inset": 1';
    expect(messages(texts)).toEqual(["templates/nameCard.json: line 2, column 13: Unexpected end of file: expected ',' or '}' after the value"]);
  });

  it('refuses a font that is not bundled, and a weight that is not bundled', () => {
    expect(messages(edited('themes/finishline.json', (j) => (j.fonts.display.family = 'Comic Sans MS')))).toEqual([
      'templates/themes/finishline.json: fonts.display.family: "Comic Sans MS" is not a bundled font: use one of Barlow Condensed, Barlow, Oswald, Noto Sans, Noto Sans Ethiopic, Noto Sans Arabic, Noto Sans Thai',
    ]);
    expect(messages(edited('themes/finishline.json', (j) => (j.fonts.display.weight = 400)))).toEqual([
      'templates/themes/finishline.json: fonts.display.weight: Barlow Condensed is bundled in weight 700 only',
    ]);
  });

  it('refuses an ease GSAP does not know', () => {
    expect(messages(edited('themes/finishline.json', (j) => (j.timing.ease = 'wobbly')))).toEqual([
      'templates/themes/finishline.json: timing.ease: must be a GSAP ease like power3.out, sine.inOut or back.out(1.7)',
    ]);
  });

  it('says which file is missing', () => {
    const texts = readTexts();
    delete texts['nameCard.json'];
    delete texts['themes/finishline.json'];
    expect(messages(texts)).toEqual([
      'templates/nameCard.json: layout file is missing (every graphic kind needs one)',
      'templates/themes/finishline.json: theme file is missing (the default theme is required)',
    ]);
  });

  it('refuses a file that is not a template, so a misspelt file name is not silently ignored', () => {
    const texts = readTexts();
    texts['namecard.json'] = texts['nameCard.json']!;
    texts['themes/Night Copy.json'] = texts['themes/night.json']!;
    expect(messages(texts)).toEqual([
      'templates/namecard.json: Not a template: layout files are named after a graphic kind (did you mean nameCard.json?) and themes go in themes/',
      'templates/themes/Night Copy.json: Theme file names are lower-case letters, digits and dashes (like night.json), so a show can select them',
    ]);
  });

  it('accepts and drops the $schema key editors use', () => {
    const parsed = parseTemplateFiles(readTexts());
    expect(parsed.ok && '$schema' in (parsed.value.layouts.nameCard as object)).toBe(false);
  });

  it('ignores a byte-order mark written by some editors', () => {
    const texts = readTexts();
    texts['nameCard.json'] = `\uFEFF${texts['nameCard.json']}`;
    expect(messages(texts)).toEqual([]);
  });
});

describe('selectTheme', () => {
  it('picks a theme by file name, and the default theme for a name that no longer exists', () => {
    const parsed = parseTemplateFiles(readTexts());
    if (!parsed.ok) throw new Error('shipped templates are invalid');
    expect(selectTheme(parsed.value, 'night').theme.name).toBe('Night');
    expect(selectTheme(parsed.value, 'gone').theme.name).toBe('Finishline');
  });
});

describe('parseTemplateSet', () => {
  it('says which theme file is missing', () => {
    const json = Object.fromEntries(Object.entries(readTexts()).map(([file, text]) => [file, JSON.parse(text)]));
    expect(parseTemplateSet(json, 'neon')).toEqual({ ok: false, problems: [{ file: 'themes/neon.json', path: '', message: 'theme file is missing' }] });
  });
});
