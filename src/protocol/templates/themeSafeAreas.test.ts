import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, safeArea } from '../../core/index';
import { LAYERS } from '../layers';
import { Theme } from './theme';

// Layer regions are the canvases graphics draw in; what is drawn inside them is checked against
// graphics-safe per sample in test/safeAreas.test.ts. Here: no region reaches past action-safe (3.5 %), so
// nothing a layer can draw is lost to a television's overscan. The crawl is the one exception by design: a
// crawl runs in from the right edge and out at the left, so its strip spans the full width; vertically it
// stays inside graphics-safe. The Theme schema refuses a designer's region past these (safeArea.ts,
// regionSafeAreaProblems; its messages are pinned in templateSet.test.ts); this checks the shipped themes on their own.
const dir = resolve(import.meta.dirname, '../../../templates/themes');
const themes = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => {
    const { $schema: _editorHint, ...json } = JSON.parse(readFileSync(resolve(dir, file), 'utf8'));
    return [file, Theme.parse(json)] as const;
  });

const action = safeArea('action', 1920, 1080);
const graphics = safeArea('graphics', 1920, 1080);

describe.each(themes)('theme %s against EBU R 95', (_file, theme) => {
  it.each(LAYERS.filter((layer) => layer !== 'crawl'))('keeps the %s region inside action-safe', (layer) => {
    expect(isInside(theme.regions[layer], action), JSON.stringify(theme.regions[layer])).toBe(true);
  });

  it('runs the crawl edge to edge, inside graphics-safe top to bottom', () => {
    const crawl = theme.regions.crawl;
    expect([crawl.x, crawl.x + crawl.width]).toEqual([0, 1920]);
    expect(crawl.y).toBeGreaterThanOrEqual(graphics.y);
    expect(crawl.y + crawl.height).toBeLessThanOrEqual(graphics.y + graphics.height);
  });
});

// The panel puts a centre board (L) on air beside the gap or split banner (K, B) and the race clock (C): a region
// shared by two layers would put one graphic over the other's header, so the centre starts below the top corners.
describe.each(themes)('theme %s layers on air together', (_file, theme) => {
  const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  it.each(['banner', 'clock', 'ticker'] as const)('keeps the centre region clear of the %s region', (layer) => {
    expect(overlaps(theme.regions.centre, theme.regions[layer]), JSON.stringify([theme.regions.centre, theme.regions[layer]])).toBe(false);
  });
});
type Rect = { x: number; y: number; width: number; height: number };
