import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { lazyGraphemeSegmenter } from './scripts/lazyGraphemeSegmenter';

/** Pixi and the packages only it uses. */
const PIXI = /node_modules[\\/](pixi\.js|@pixi[\\/]colord|earcut|eventemitter3|parse-svg-path|ismobilejs|tiny-lru|@xmldom)[\\/]/;
/** Pixi's WebGL and WebGPU renderers, reached only by autoDetectRenderer's import(): a canvas output never runs them. */
const PIXI_WEBGL = /pixi\.js[\\/]lib[\\/]rendering[\\/]renderers[\\/](gl|gpu)[\\/]/;
/** Pixi's browser extensions (pointer events, accessibility, DOM, filters), reached only by import() from its browserExt and webworkerExt, which our renderers skip. */
const PIXI_BROWSER = /pixi\.js[\\/]lib[\\/]((accessibility|events|dom|filters)[\\/]|environment-browser[\\/]browserAll|environment-webworker[\\/]webworkerAll)/;
/** The few modules of those folders that the rest of Pixi imports itself (shader programs, their preprocessors, a mask filter): kept in Pixi's chunk. */
const PIXI_IMPORTED_BY_CORE =
  /[\\/](gl[\\/]const|gl[\\/]shader[\\/](GlProgram|getBatchSamplersUniformGroup)|gl[\\/]shader[\\/]program[\\/](getMaxFragmentPrecision|getTestContext|preprocessors[\\/]\w+)|gpu[\\/]renderTarget[\\/]calculateProjection|gpu[\\/]shader[\\/](GpuProgram|BindGroup|utils[\\/]\w+)|filters[\\/](Filter|FilterEffect|mask[\\/]\w+(\.\w+)?))\.mjs$/;
const later = (folder: RegExp) => (id: string) => folder.test(id) && !PIXI_IMPORTED_BY_CORE.test(id);

/**
 * The output page is built on its own (`vite build --mode output-page`, after the other pages' build: see
 * scripts/buildPages.ts), so its modules are not split by what it shares with the panel and the gallery: a cold
 * output fetches five scripts instead of seventeen (each request costs this kind of machine a few ms of CPU in the
 * browser's processes while the page starts; 12 small ones cost a settled browser's cold start ~50 ms). Its chunks:
 * the entry (what it runs at once: the socket, the font hint), the page (zod, protocol, state, the hub connection:
 * no Pixi), the drawing (scene, graphics, gsap: evaluated with Pixi), Pixi's.
 */
export const OUTPUT_PAGE_MODE = 'output-page';
/** The entry and what it imports: kept in the entry's chunk, which runs before the page's chunks are in. */
const OUTPUT_ENTRY = /[\\/]src[\\/](output[\\/](main|earlyFonts|showFatal)\.ts|client[\\/](earlySocket|hubSocketUrl)\.ts|render[\\/](loadFonts|fontStack)\.ts|protocol[\\/]templates[\\/]bundledFonts\.ts)$|[\\/]@fontsource[\\/]/;
/** What draws with Pixi (evaluated once Pixi is in). */
const OUTPUT_DRAWING = /[\\/]src[\\/]((render|graphics)[\\/]|output[\\/]outputDrawing\.ts$)|node_modules[\\/]gsap[\\/]/;
/** The render modules the page runs before Pixi is in (none imports Pixi; the build fails if one does). */
const OUTPUT_PAGE_RENDER = /[\\/]src[\\/]render[\\/](frameLoop|frameStats|layerGeometry|liveLook|rendererDetect|rendererRequest|warmCanvases)\.ts$/;
/** Left where the bundler puts them: pages, styles, its own helpers, the flags (a chunk per country, loaded when on air). */
const OUTPUT_UNGROUPED = /\.(css|html)(\?.*)?$|[\\/]vite[\\/]|preload-helper|modulepreload-polyfill|flag-icons|\0/;
const outputGroups = [
  { name: 'outputDrawing', priority: 0, includeDependenciesRecursively: false, test: (id: string) => OUTPUT_DRAWING.test(id) && !OUTPUT_PAGE_RENDER.test(id) && !OUTPUT_ENTRY.test(id) },
  { name: 'outputPage', priority: 0, includeDependenciesRecursively: false, test: (id: string) => OUTPUT_PAGE_RENDER.test(id) || (!OUTPUT_DRAWING.test(id) && !OUTPUT_ENTRY.test(id) && !OUTPUT_UNGROUPED.test(id)) },
];

// Two builds into dist/ (the hub serves it): the operator panel (index.html), gallery and test pattern, then the output page.
export default defineConfig(({ mode }) => ({
  plugins: [preloadDynamicChunks('output.html'), lazyGraphemeSegmenter(), ...(mode === OUTPUT_PAGE_MODE ? [outputChunkOrder()] : [])],
  // assets/ is served at the root and copied into dist/ as it is (the favicon, a show's own images).
  publicDir: 'assets',
  build: {
    rollupOptions: {
      input: (mode === OUTPUT_PAGE_MODE
          ? { output: resolve(import.meta.dirname, 'output.html') }
          : {
              operator: resolve(import.meta.dirname, 'index.html'),
              gallery: resolve(import.meta.dirname, 'gallery.html'),
              testpattern: resolve(import.meta.dirname, 'testpattern.html'),
            }) as Record<string, string>,
      output: {
        codeSplitting: {
          // Pixi (with its browser environment, loaded by import()) as one file rather than a dozen: a cold output
          // fetches a few files instead of 26 on a browser's six connections, and nothing else (the preload
          // helper) is pulled in with it.
          groups: [
            { name: 'pixi-webgl', priority: 2, includeDependenciesRecursively: false, test: later(PIXI_WEBGL) },
            { name: 'pixi-browser', priority: 2, includeDependenciesRecursively: false, test: later(PIXI_BROWSER) },
            { name: 'pixi', priority: 1, includeDependenciesRecursively: false, test: PIXI },
            ...(mode === OUTPUT_PAGE_MODE ? outputGroups : []),
          ],
        },
      },
    },
    chunkSizeWarningLimit: 2000,
    // The output page's build adds to the other pages' in dist/.
    emptyOutDir: mode !== OUTPUT_PAGE_MODE,
  },
}));

/**
 * Fails the output page's build if its chunks would load out of turn: the entry must not import the page or the
 * drawing (it would wait for them before opening its socket), nor the page the drawing or Pixi (zod and the show
 * would wait for Pixi). A render module the page imports that starts using Pixi says so here: move it out of
 * OUTPUT_PAGE_RENDER, or import it from outputDrawing.ts.
 */
function outputChunkOrder(): Plugin {
  return {
    name: 'output-chunk-order',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const named = (name: string) => chunks.filter((chunk) => chunk.name === name).map((chunk) => chunk.fileName);
      const rules: [string, string[]][] = [
        ['output', [...named('outputPage'), ...named('outputDrawing'), ...named('pixi')]],
        ['outputPage', [...named('outputDrawing'), ...named('pixi')]],
      ];
      for (const [name, forbidden] of rules) {
        for (const chunk of chunks.filter((c) => c.name === name)) {
          const wrong = chunk.imports.filter((file) => forbidden.includes(file));
          if (wrong.length > 0) throw new Error(`The output page's ${name} chunk imports ${wrong.join(', ')} statically: it would wait for them (see OUTPUT_ENTRY and OUTPUT_PAGE_RENDER in vite.config.ts)`);
        }
      }
    },
  };
}

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
        files.delete(chunk.fileName);
        return { html, tags: [...files].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const })) };
      },
    },
  };
}
