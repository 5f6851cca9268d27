import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const goldenRoot = resolve(import.meta.dirname, '../golden');
const resultsRoot = resolve(import.meta.dirname, '../../test-results');

/** Share of pixels allowed to differ beyond pixelmatch's colour threshold (anti-aliasing noise only). */
const MAX_DIFFERENT = 0.002;

type Pixels = { width: number; height: number; data: Buffer };

/**
 * Compares an image (a PNG, or straight RGBA pixels such as a cropped grab) with test/golden/<name>.png. A
 * missing golden image fails, unless UPDATE_GOLDEN=1 (then it is written: look at it before committing). On a
 * mismatch the actual image and a diff go to test-results/.
 */
export function compareGolden(image: Buffer | Pixels, name: string): { ok: true } | { ok: false; message: string } {
  const goldenPath = join(goldenRoot, `${name}.png`);
  const actual: Pixels = Buffer.isBuffer(image) ? PNG.sync.read(image) : image;
  const actualPng = () => (Buffer.isBuffer(image) ? image : PNG.sync.write(Object.assign(new PNG({ width: actual.width, height: actual.height }), { data: actual.data })));
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(goldenPath), { recursive: true });
    writeFileSync(goldenPath, actualPng());
    return { ok: true };
  }
  if (!existsSync(goldenPath)) return { ok: false, message: `no golden image ${goldenPath}: run UPDATE_GOLDEN=1 npm test, look at it, commit it` };
  const golden = PNG.sync.read(readFileSync(goldenPath));
  if (actual.width !== golden.width || actual.height !== golden.height) {
    return { ok: false, message: `${name}: size ${actual.width}x${actual.height}, golden is ${golden.width}x${golden.height}` };
  }
  const options = { threshold: 0.1, includeAA: false };
  const different = pixelmatch(actual.data, golden.data, undefined, actual.width, actual.height, options);
  const share = different / (actual.width * actual.height);
  if (share <= MAX_DIFFERENT) return { ok: true };
  const diff = new PNG({ width: actual.width, height: actual.height });
  pixelmatch(actual.data, golden.data, diff.data, actual.width, actual.height, options);
  const out = join(resultsRoot, name);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.actual.png`, actualPng());
  writeFileSync(`${out}.diff.png`, PNG.sync.write(diff));
  return { ok: false, message: `${name}: ${different} pixels (${(share * 100).toFixed(2)}%) differ from the golden image; see ${out}.actual.png and .diff.png` };
}
