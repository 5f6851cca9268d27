import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * Bundles the Companion module into one CommonJS file, dist/main.js (manifest runtime.entrypoint), with
 * @companion-module/base, ws, zod and the product code it imports, so the folder runs on Companion's own
 * Node with nothing to install.
 */
export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  build: {
    ssr: resolve(import.meta.dirname, 'src/main.ts'),
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    target: 'node18',
    minify: false,
    rollupOptions: { output: { format: 'cjs', entryFileNames: 'main.js' } },
  },
  ssr: { noExternal: true, target: 'node' },
  // Its Node entry reads every language from disk; the product registers English itself (protocol/country.ts).
  resolve: { alias: [{ find: /^i18n-iso-countries$/, replacement: resolve(import.meta.dirname, '../../node_modules/i18n-iso-countries/index.js') }] },
});
