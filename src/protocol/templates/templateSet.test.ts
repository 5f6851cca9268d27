import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRAPHIC_KINDS } from '../graphicSpec';
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

  it('refuses a region past the 1920x1080 design frame, naming the region and the limit', () => {
    const huge = { x: 0, y: 0, width: 20000, height: 20000 };
    expect(messages(edited('themes/finishline.json', (j) => (j.regions.lowerThird = huge)))).toEqual([
      'templates/themes/finishline.json: regions.lowerThird.width: x + width (20000) must be at most 1920, the right edge of the 1920x1080 design frame',
      'templates/themes/finishline.json: regions.lowerThird.height: y + height (20000) must be at most 1080, the bottom edge of the 1920x1080 design frame',
    ]);
    expect(messages(edited('themes/night.json', (j) => (j.regions.centre = { x: -10, y: -5, width: 0, height: 8 })))).toEqual([
      'templates/themes/night.json: regions.centre.x: must be at least 0, the left edge of the design frame',
      'templates/themes/night.json: regions.centre.y: must be at least 0, the top edge of the design frame',
      'templates/themes/night.json: regions.centre.width: must be at least 16 pixels',
      'templates/themes/night.json: regions.centre.height: must be at least 16 pixels',
    ]);
  });

  it('refuses a region outside EBU R 95 action-safe, naming the edge and the limit', () => {
    expect(messages(edited('themes/finishline.json', (j) => (j.regions.lowerThird.x = 0)))).toEqual([
      'templates/themes/finishline.json: regions.lowerThird.x: x (0) must be at least 67, the left edge of action-safe (EBU R 95: 3.5 % in from each edge)',
    ]);
    expect(messages(edited('themes/finishline.json', (j) => (j.regions.banner = { x: 1800, y: 10, width: 100, height: 1060 })))).toEqual([
      'templates/themes/finishline.json: regions.banner.y: y (10) must be at least 38, the top edge of action-safe (EBU R 95: 3.5 % in from each edge)',
      'templates/themes/finishline.json: regions.banner.width: x + width (1900) must be at most 1853, the right edge of action-safe (EBU R 95: 3.5 % in from each edge)',
      'templates/themes/finishline.json: regions.banner.height: y + height (1070) must be at most 1042, the bottom edge of action-safe (EBU R 95: 3.5 % in from each edge)',
    ]);
  });

  it('lets the crawl run edge to edge (or less), but not past graphics-safe top to bottom', () => {
    expect(messages(edited('themes/finishline.json', (j) => (j.regions.crawl = { x: 0, y: 964, width: 1920, height: 62 })))).toEqual([]);
    expect(messages(edited('themes/finishline.json', (j) => (j.regions.crawl = { x: 100, y: 964, width: 1720, height: 62 })))).toEqual([]);
    expect(messages(edited('themes/finishline.json', (j) => (j.regions.crawl = { x: 0, y: 1000, width: 1920, height: 40 })))).toEqual([
      'templates/themes/finishline.json: regions.crawl.height: y + height (1040) must be at most 1026, the bottom edge of graphics-safe (EBU R 95: 5 % in; the crawl runs edge to edge, but inside graphics-safe top to bottom)',
    ]);
    expect(messages(edited('themes/finishline.json', (j) => (j.regions.crawl = { x: 0, y: 40, width: 1921, height: 62 })))).toEqual([
      'templates/themes/finishline.json: regions.crawl.width: x + width (1921) must be at most 1920, the right edge of the 1920x1080 design frame',
    ]);
  });

  it('refuses a layout whose minimum is above its maximum, naming both values', () => {
    expect(messages(edited('nameCard.json', (j) => Object.assign(j, { minWidth: 2000, maxWidth: 100, nameSize: 20, nameMinSize: 80 })))).toEqual([
      'templates/nameCard.json: minWidth: minWidth (2000) must be at most maxWidth (100)',
      'templates/nameCard.json: nameMinSize: nameMinSize (80) must be at most nameSize (20)',
    ]);
    expect(messages(edited('nameCard.json', (j) => Object.assign(j, { nameSize: 40, nameMinSize: 40 })))).toEqual([]);
  });

  it.each(GRAPHIC_KINDS.map((contract) => contract.kind))('checks every min/max pair of the %s layout', (kind) => {
    const file = `${kind}.json`;
    const keys = Object.keys(JSON.parse(readTexts()[file]!));
    const pairs = [
      ...keys.filter((key) => key.endsWith('MinSize')).map((key) => [key, key.replace(/MinSize$/, 'Size')] as const),
      ...(keys.includes('minWidth') ? [['minWidth', 'maxWidth'] as const] : []),
    ];
    for (const [min, max] of pairs) {
      expect(keys, file).toContain(max);
      expect(messages(edited(file, (j) => Object.assign(j, { [min]: 300, [max]: 200 })))).toEqual([`templates/${file}: ${min}: ${min} (300) must be at most ${max} (200)`]);
    }
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
