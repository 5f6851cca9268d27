import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { lazyGraphemeSegmenter } from './scripts/lazyGraphemeSegmenter';

/** Pixi and the packages only it uses. */
const PIXI = /node_modules[\\/](pixi\.js|earcut|eventemitter3|parse-svg-path|ismobilejs|tiny-lru|@xmldom)[\\/]/;

// Multi-page build: the operator panel (index.html) and the output page; the hub serves dist/.
export default defineConfig({
  plugins: [preloadDynamicChunks('output.html'), lazyGraphemeSegmenter()],
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
      output: {
        codeSplitting: {
          // Pixi (with its browser environment, loaded by import()) as one file rather than a dozen: a cold output
          // fetches a few files instead of 26 on a browser's six connections, and nothing else (the preload
          // helper) is pulled in with it.
          groups: [{ name: 'pixi', includeDependenciesRecursively: false, test: PIXI }],
        },
      },
    },
    chunkSizeWarningLimit: 2000,
  },
});

/**
 * The output page's entry only opens its socket, then imports the page, which imports Pixi with import() (and
 * Pixi its browser environment): this lists every chunk those reach as <link rel=modulepreload>, so they all
 * download while the entry runs instead of one import after another. Flags (one chunk per country, loaded for
 * the ones on air) and Pixi's web-worker environment are left out.
 */
function preloadDynamicChunks(page: string, leaveOut = /\/flag-icons\/|environment-webworker/): Plugin {
  return {
    name: 'preload-dynamic-chunks',
    transformIndexHtml: {
      order: 'post',
      handler(html, { filename, bundle, chunk }) {
        if (!bundle || !chunk || !filename.endsWith(page)) return html;
        const files = new Set<string>();
        const visit = (name: string) => {
          const next = bundle[name];
          if (files.has(name) || !next || next.type !== 'chunk' || leaveOut.test(next.facadeModuleId ?? '')) return;
          files.add(name);
          next.imports.forEach(visit);
          next.dynamicImports.forEach(visit);
        };
        chunk.dynamicImports.forEach(visit);
        chunk.imports.forEach((name) => files.delete(name));
        return { html, tags: [...files].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const })) };
      },
    },
  };
}
