import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { lazyGraphemeSegmenter } from './scripts/lazyGraphemeSegmenter';

/** Pixi and the packages only it uses. */
const PIXI = /node_modules[\\/](pixi\.js|earcut|eventemitter3|parse-svg-path|ismobilejs|tiny-lru|@xmldom)[\\/]/;
/** Pixi's WebGL and WebGPU renderers, reached only by autoDetectRenderer's import(): a canvas output never runs them. */
const PIXI_WEBGL = /pixi\.js[\\/]lib[\\/]rendering[\\/]renderers[\\/](gl|gpu)[\\/]/;
/** Pixi's browser extensions (pointer events, accessibility, DOM, filters), reached only by import() from its browserExt and webworkerExt, which our renderers skip. */
const PIXI_BROWSER = /pixi\.js[\\/]lib[\\/]((accessibility|events|dom|filters)[\\/]|environment-browser[\\/]browserAll|environment-webworker[\\/]webworkerAll)/;
/** The few modules of those folders that the rest of Pixi imports itself (shader programs, their preprocessors, a mask filter): kept in Pixi's chunk. */
const PIXI_IMPORTED_BY_CORE =
  /[\\/](gl[\\/]const|gl[\\/]shader[\\/](GlProgram|getBatchSamplersUniformGroup)|gl[\\/]shader[\\/]program[\\/](getMaxFragmentPrecision|getTestContext|preprocessors[\\/]\w+)|gpu[\\/]renderTarget[\\/]calculateProjection|gpu[\\/]shader[\\/](GpuProgram|BindGroup|utils[\\/]\w+)|filters[\\/](Filter|FilterEffect|mask[\\/]\w+(\.\w+)?))\.mjs$/;
const later = (folder: RegExp) => (id: string) => folder.test(id) && !PIXI_IMPORTED_BY_CORE.test(id);

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
          groups: [
            { name: 'pixi-webgl', priority: 2, includeDependenciesRecursively: false, test: later(PIXI_WEBGL) },
            { name: 'pixi-browser', priority: 2, includeDependenciesRecursively: false, test: later(PIXI_BROWSER) },
            { name: 'pixi', priority: 1, includeDependenciesRecursively: false, test: PIXI },
          ],
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
 * the ones on air), Pixi's web-worker environment, its browser extensions (never loaded: our renderers skip them)
 * and its WebGL renderer (loaded by a page that asks for WebGL, once Pixi is in) are left out. Fails the build if
 * a chunk the page loads imports one of Pixi's later chunks itself (a Pixi update moving a module they need):
 * they would be evaluated at once again.
 */
function preloadDynamicChunks(page: string, leaveOut = /\/flag-icons\/|environment-webworker/, later = ['pixi-browser', 'pixi-webgl']): Plugin {
  return {
    name: 'preload-dynamic-chunks',
    transformIndexHtml: {
      order: 'post',
      handler(html, { filename, bundle, chunk }) {
        if (!bundle || !chunk || !filename.endsWith(page)) return html;
        const files = new Set<string>();
        const visit = (name: string) => {
          const next = bundle[name];
          if (files.has(name) || !next || next.type !== 'chunk' || leaveOut.test(next.facadeModuleId ?? '') || later.includes(next.name)) return;
          files.add(name);
          const eager = next.imports.filter((file) => later.includes((bundle[file] as { name?: string } | undefined)?.name ?? ''));
          if (eager.length > 0) throw new Error(`${name} imports ${eager.join(', ')}: move the modules it needs from there into Pixi's chunk (PIXI_IMPORTED_BY_CORE in vite.config.ts)`);
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
