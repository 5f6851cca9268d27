import { build } from 'vite';

/** The browser tests drive the built pages exactly as `npm start` serves them. */
export default async function setup() {
  await build({ logLevel: 'warn' });
}
