import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { ografManifest } from '../src/ograf/manifest';
import { PACKAGE_KINDS, packageId } from '../src/ograf/packageData';
import { casparcgTemplateHtml } from '../src/casparcg/templatePage';
import { bundledThemeNames } from './bundledThemeNames';
import { lazyGraphemeSegmenter } from './lazyGraphemeSegmenter';

/**
 * `npm run build:ograf`: one library build of the graphics (src/ograf/packageEntry.ts: the same definitions,
 * scene and templates as the output page), then
 * - dist/ograf/<id>/ per kind: `<id>.ograf.json`, `<id>.mjs` (default export: the kind's element class) and a
 *   copy of the library with its fonts and flags, so each folder stands alone;
 * - dist/ograf/host.html: the smallest OGraf host (host.html?package=<id> plays one);
 * - dist/casparcg/: one HTML template per kind (CasparCG and SPX) over one copy of the library.
 */
const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const LIBRARY = 'finishline-graphics.mjs';

export async function buildOgraf(options: { quiet?: boolean } = {}) {
  const staging = join(dist, '.ograf-library');
  rmSync(staging, { recursive: true, force: true });
  await build({
    root,
    configFile: false,
    base: './',
    publicDir: false,
    // As the output page: Pixi's text measuring makes its grapheme segmenter on first use, not when loaded.
    plugins: [lazyGraphemeSegmenter()],
    logLevel: options.quiet ? 'warn' : 'info',
    build: {
      outDir: staging,
      emptyOutDir: true,
      chunkSizeWarningLimit: 3000,
      // Not library mode, which inlines every font and flag as base64: files beside the module, found from
      // import.meta.url (base './'), fetched only when drawn.
      rollupOptions: {
        input: join(root, 'src/ograf/packageEntry.ts'),
        preserveEntrySignatures: 'strict',
        output: { format: 'es', entryFileNames: LIBRARY, chunkFileNames: 'assets/[name]-[hash].js', assetFileNames: 'assets/[name]-[hash][extname]' },
      },
    },
  });
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const themes = bundledThemeNames(root);
  rmSync(join(dist, 'ograf'), { recursive: true, force: true });
  for (const kind of PACKAGE_KINDS) {
    const id = packageId(kind);
    const folder = join(dist, 'ograf', id);
    mkdirSync(folder, { recursive: true });
    cpSync(staging, folder, { recursive: true });
    writeFileSync(join(folder, `${id}.ograf.json`), `${JSON.stringify(ografManifest(kind, { version, themes }), null, 2)}\n`);
    writeFileSync(join(folder, `${id}.mjs`), `// OGraf v1 graphic: Finishline ${kind}. The host defines the element.\nimport { graphicElementFor } from './${LIBRARY}';\nexport default graphicElementFor('${kind}');\n`);
  }
  cpSync(join(root, 'src/ograf/host.html'), join(dist, 'ograf', 'host.html'));
  const caspar = join(dist, 'casparcg');
  rmSync(caspar, { recursive: true, force: true });
  cpSync(staging, caspar, { recursive: true });
  for (const kind of PACKAGE_KINDS) writeFileSync(join(caspar, `${packageId(kind)}.html`), casparcgTemplateHtml(kind, { library: LIBRARY, themes }));
  rmSync(staging, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildOgraf();
  console.log(`OGraf packages in dist/ograf/, CasparCG and SPX templates in dist/casparcg/`);
}
