import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodePng } from './harness/screenshot';

// The screenshot decoder every pixel assertion reads through, checked against pngjs on the golden images (pngjs
// writes them with all five PNG row filters) and on a random image in both colour types Chromium writes.
describe('the screenshot decoder', () => {
  it('reads every golden image exactly as pngjs does', () => {
    const root = resolve(import.meta.dirname, 'golden');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.png')).slice(0, 24);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const png = readFileSync(join(root, file));
      const ours = decodePng(png);
      const theirs = PNG.sync.read(png);
      expect([ours.width, ours.height], file).toEqual([theirs.width, theirs.height]);
      expect(ours.data.equals(theirs.data), file).toBe(true);
    }
  });

  it('reads RGB and RGBA noise written with each filter', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 255;
    for (const colorType of [2, 6] as const) {
      for (const filterType of [0, 1, 2, 3, 4]) {
        const image = new PNG({ width: 37, height: 23, colorType, inputColorType: 6, filterType });
        for (let i = 0; i < image.data.length; i++) image.data[i] = (i & 3) === 3 && colorType === 2 ? 255 : random();
        const png = PNG.sync.write(image, { colorType, inputColorType: 6, filterType });
        expect(decodePng(png).data.equals(PNG.sync.read(png).data), `colour type ${colorType}, filter ${filterType}`).toBe(true);
      }
    }
  });

  it('refuses what it cannot read', () => {
    expect(() => decodePng(Buffer.from('not a png at all'))).toThrow('not a PNG');
  });
});
