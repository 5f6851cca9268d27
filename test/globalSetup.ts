import { resolve } from 'node:path';
import { buildPages } from '../scripts/buildPages';
import { buildHub } from '../scripts/buildHub';

/** The browser tests drive the built pages and run the built hub exactly as `npm start` serves them. */
export default async function setup() {
  const root = resolve(import.meta.dirname, '..');
  const [, bundle] = await Promise.all([buildPages(), buildHub(root)]);
  // Test files' hubs run this bundle (test/harness/hubProcess.ts) instead of building their own.
  process.env.HUB_BUNDLE_BUILT = bundle;
}
