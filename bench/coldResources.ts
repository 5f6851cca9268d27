import { readFileSync } from 'node:fs';
import { startHub } from '../test/harness/hubProcess';
import { launchBenchBrowser } from './benchBrowser';
import { marathonScene } from './scene';

/**
 * npx tsx bench/coldResources.ts [--runs=3] [--warm]
 *
 * A cold start's resources and marks on one line each, without a trace (tracing slows the page): when each file
 * was requested and received, and when the page passed each mark, ms from navigation. Shows what the page
 * waits for (a file, or its own main thread) between marks.
 */
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);

async function main() {
  const hub = await startHub();
  try {
    await hub.post({ type: 'clearAll' });
    for (const command of marathonScene) await hub.post(command);
    for (let run = 0; run < runs; run++) {
      const { browser, context, page } = await launchBenchBrowser(1920);
      const cdp = await context.newCDPSession(page);
      try {
        if (process.argv.includes('--warm')) {
          // The browser's own start (network service, disk cache, a first connection) out of the way, caches empty.
          await page.goto(`${hub.url}/api/health`);
          await cdp.send('Network.clearBrowserCache');
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
        const cpuBefore = machineCpu();
        const wallBefore = performance.now();
        await page.goto(`${hub.url}/output.html?format=1080p50&renderer=canvas`, { waitUntil: 'commit' });
        const expression = `new Promise((done) => {
          const finish = () => done([
            ...performance.getEntriesByType('resource').map((r) => [r.name.split('/').pop(), Math.round(r.startTime), Math.round(r.responseEnd), r.initiatorType]),
            ...performance.getEntriesByType('mark').map((m) => [m.name.replace('finishline:', 'MARK '), Math.round(m.startTime), Math.round(m.startTime), '']),
            ['HTML', 0, Math.round(performance.getEntriesByType('navigation')[0].responseEnd), ''],
          ]);
          if (performance.getEntriesByName('finishline:on-air').length > 0) return finish();
          new PerformanceObserver((list, observer) => { if (list.getEntriesByName('finishline:on-air').length > 0) { observer.disconnect(); finish(); } }).observe({ type: 'mark' });
        })`;
        const { result } = (await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true, timeout: 30_000 })) as { result: { value: [string, number, number, string][] } };
        const cpu = machineCpu();
        console.log(`\nrun ${run + 1}: the machine's CPU from navigation to on-air: busy ${((cpu.busy - cpuBefore.busy) * 10).toFixed(0)} ms of ${((cpu.total - cpuBefore.total) * 10).toFixed(0)} core-ms (${(performance.now() - wallBefore).toFixed(0)} ms wall, includes reading the marks)`);
        for (const [name, start, end, kind] of result.value.sort((a, b) => a[2] - b[2])) console.log(`  ${String(start).padStart(5)} ${String(end).padStart(5)}  ${name} ${kind}`);
      } finally {
        await browser.close();
      }
    }
  } finally {
    await hub.kill();
  }
}

/** All cores' time from /proc/stat, in clock ticks (10 ms): busy (not idle or waiting for I/O) and total. */
function machineCpu() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const ticks = fields.map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  return { busy: total - ticks[3]! - ticks[4]!, total };
}

main().catch((error: Error) => {
  console.error(`Failed: ${error.stack}`);
  process.exit(1);
});
