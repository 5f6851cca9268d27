import { build } from 'vite';
import { OUTPUT_PAGE_MODE } from '../vite.config';

/**
 * Builds every page into dist/ as `npm run build` does: the panel, gallery and test pattern, then the output page on
 * its own (vite.config.ts says why). For benchmarks and the test setup, which build from code.
 */
export async function buildPages(options: { logLevel?: 'warn' | 'error' | 'silent' } = {}) {
  await build({ logLevel: options.logLevel ?? 'warn' });
  await build({ logLevel: options.logLevel ?? 'warn', mode: OUTPUT_PAGE_MODE });
}
