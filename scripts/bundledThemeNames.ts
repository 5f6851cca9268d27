import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The theme names in templates/themes/ (what a package's `theme` field may name). */
export function bundledThemeNames(root: string): string[] {
  return readdirSync(join(root, 'templates/themes')).filter((file) => file.endsWith('.json')).map((file) => file.replace(/\.json$/, '')).sort();
}
