import { Ticker } from 'pixi.js';

/** How often Pixi's scheduled chores are looked at: its GC of textures and renderables no graphic uses, due every half minute. */
const CHORES_EVERY_MS = 1000;
let quieted = false;

/**
 * Pixi's renderers put their scheduler on Ticker.system, which then asks for every display frame: a second
 * requestAnimationFrame callback beside the page's own, for chores due every half minute (about 1% of an output's
 * main thread in a profile under a timing feed). The system ticker is stopped and looked at once a second instead,
 * so Pixi still frees what no graphic uses any more. Once per page, before its first renderer.
 */
export function quietPixiTicker() {
  if (quieted) return;
  quieted = true;
  const ticker = Ticker.system;
  ticker.autoStart = false;
  ticker.stop();
  setInterval(() => ticker.update(performance.now()), CHORES_EVERY_MS);
}
