import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

// Multi-page build: the operator panel (index.html) and the output page; the hub serves dist/.
export default defineConfig({
  plugins: [preloadDynamicChunks('output.html')],
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

/**
 * The output page imports Pixi with import() so its socket and fonts start first; this lists that chunk and
 * its imports as <link rel=modulepreload> in the page, so they download while the entry runs instead of after.
 */
function preloadDynamicChunks(page: string): Plugin {
  return {
    name: 'preload-dynamic-chunks',
    transformIndexHtml: {
      order: 'post',
      handler(html, { filename, bundle, chunk }) {
        if (!bundle || !chunk || !filename.endsWith(page)) return html;
        const files = new Set<string>();
        const visit = (name: string) => {
          const next = bundle[name];
          if (files.has(name) || !next || next.type !== 'chunk') return;
          files.add(name);
          next.imports.forEach(visit);
        };
        chunk.dynamicImports.forEach(visit);
        chunk.imports.forEach((name) => files.delete(name));
        return { html, tags: [...files].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const })) };
      },
    },
  };
}
