import { renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * The hub as one ES module (its npm packages stay imports), built by `npm run build` and run by `npm start`:
 * Node loads it in a fraction of the time tsx takes to compile src/server's module graph at every start, so
 * a restarted hub (systemd after a crash, a test's restart) is back sooner. It sits two folders below the
 * checkout because src/server/main.ts finds the checkout at `import.meta.dirname/../..`.
 */
export function hubBundle(root: string): string {
  return join(root, 'build/hub/main.mjs');
}

/** Bundles `<root>/src/server/main.ts`; written beside and renamed, so a hub being started never reads half a file. */
export async function buildHub(root: string): Promise<string> {
  const outfile = hubBundle(root);
  const temp = `${outfile}.${process.pid}.tmp`;
  await build({
    entryPoints: [join(root, 'src/server/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: temp,
    plugins: [bundlePackageJson],
    logLevel: 'warning',
  });
  renameSync(temp, outfile);
  return outfile;
}

/**
 * npm packages stay imports, except their JSON files (i18n-iso-countries' names): Node would need an import
 * attribute to load one, so they are inlined.
 */
const bundlePackageJson: Plugin = {
  name: 'bundle-package-json',
  setup(build) {
    build.onResolve({ filter: /^[^./].*\.json$/ }, (args) => ({ path: createRequire(join(args.resolveDir, 'index.js')).resolve(args.path) }));
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await buildHub(resolve(import.meta.dirname, '..'));
}
