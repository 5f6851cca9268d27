import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, launchBrowser } from '../test/harness/browser';
import { startHub } from '../test/harness/hubProcess';

/**
 * `npx tsx bench/tabReuse.ts [--runs=8]`: what a test pays to open an output page (newPage, goto, until it has
 * its first snapshot, then close) in a new tab of the file's context, as the harness did, and in a tab the
 * harness's pool gives back (test/harness/tabPool.ts), alternated in one run against one hub. Run `npm run build` first.
 */
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 8);
const hub = await startHub();
const pooled = await launchBrowser();
const plain = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const context = await plain.newContext();
const viewport = { width: 1920, height: 1080 };
const ways = {
  'new tab': () => context.newPage().then(async (page) => (await page.setViewportSize(viewport), page)),
  'pooled tab': () => pooled.newPage({ viewport }),
};
const times: Record<keyof typeof ways, number[]> = { 'new tab': [], 'pooled tab': [] };
const closes: Record<keyof typeof ways, number[]> = { 'new tab': [], 'pooled tab': [] };
const load = [loadavg()[0]!];
for (let i = -1; i < runs; i++) {
  for (const way of i % 2 ? (['new tab', 'pooled tab'] as const) : (['pooled tab', 'new tab'] as const)) {
    const started = performance.now();
    const page = await ways[way]();
    await page.goto(`${hub.url}/output.html?renderer=canvas&clock=manual`);
    await page.waitForFunction(() => window.finishline?.receivedRevision() != null, null, { timeout: 60_000 });
    const opened = performance.now() - started;
    await page.close();
    if (i >= 0) times[way].push(opened), closes[way].push(performance.now() - started - opened); // the first of each warms the context's HTTP cache
  }
  load.push(loadavg()[0]!);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`open an output page until its first snapshot, ${runs} each, alternated; load average ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}`);
for (const way of Object.keys(times) as (keyof typeof ways)[]) console.log(`  ${way.padEnd(10)} median ${median(times[way]).toFixed(0)} ms (min ${Math.min(...times[way]).toFixed(0)}, max ${Math.max(...times[way]).toFixed(0)}), close median ${median(closes[way]).toFixed(0)} ms`);
await Promise.all([pooled.close(), plain.close()]);
await hub.kill();
