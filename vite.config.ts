import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Multi-page build: the operator panel (index.html) and the output page; the hub serves dist/.
export default defineConfig({
  // assets/ is served at the root and copied into dist/ as it is (the favicon, a show's own images).
  publicDir: 'assets',
  build: {
    rollupOptions: {
      input: {
        operator: resolve(import.meta.dirname, 'index.html'),
        output: resolve(import.meta.dirname, 'output.html'),
        gallery: resolve(import.meta.dirname, 'gallery.html'),
        testpattern: resolve(import.meta.dirname, 'testpattern.html'),
      },
    },
    chunkSizeWarningLimit: 2000,
  },
});
