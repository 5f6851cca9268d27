import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Theme } from '../../src/protocol/templates/theme';

const themesDir = resolve(import.meta.dirname, '../../templates/themes');

/** Every theme in the repository's templates/themes/, by name (the file name without .json). */
export const shippedThemes: { name: string; theme: Theme }[] = readdirSync(themesDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({ name: file.replace(/\.json$/, ''), theme: JSON.parse(readFileSync(resolve(themesDir, file), 'utf8')) as Theme }));
