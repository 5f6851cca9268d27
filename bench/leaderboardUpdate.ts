import { writeFileSync } from 'node:fs';
import { startHub } from '../test/harness/hubProcess';
import { launchBenchBrowser } from './benchBrowser';
import { longTasks, TRACE_CATEGORIES } from './longTasks';
import { putMassRaceOnAir } from './massRaceOnAir';

/**
 * npx tsx bench/leaderboardUpdate.ts [--runs=5] [--profile] [--trace] [--root=<checkout>]
 *
 * The frames of a live output (canvas, 1080p) when a mass race's leaderboard on air gets its passings: per run, a
 * fresh page, then 10 passings at the next timing point pushed through the feed; prints each frame's work (from
 * the frame's start to the next task after it) over 8 ms and the display-frame gaps over 20 ms. --profile writes
 * a CPU profile of each run to /tmp/leaderboard-update-<run>.cpuprofile; --trace records a Chrome trace of the
 * update and prints its gaps over 20 ms between frames with what ran in them (bench/longTasks.ts).
 */
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const POINTS = Array.from({ length: 8 }, (_, i) => ({ metres: Math.round(((i + 1) * 42_195) / 8), label: `P${i + 1}` }));

async function main() {
  const root = arg('root');
  const hub = await startHub(root ? { root } : {});
  let missed = 0;
  const entrants = Array.from({ length: 500 }, (_, i) => ({ bib: String(i + 1), name: `Runner ${i + 1}`, country: ['GBR', 'KEN', 'ETH', 'USA'][i % 4]! }));
  await putMassRaceOnAir(hub, entrants, POINTS);
  try {
    for (let run = 0; run < Number(arg('runs') ?? 5); run++) {
      const { browser, page } = await launchBenchBrowser(1920);
      try {
        await page.goto(`${hub.url}/output.html?renderer=canvas`);
        await page.waitForFunction(() => window.finishline?.receivedRevision() != null);
        await page.waitForTimeout(2000);
        await page.evaluate(() => {
          const w = window as unknown as { starts: number[]; work: number[] };
          w.starts = [];
          w.work = [];
          const step = (t: number) => {
            w.starts.push(t);
            const t0 = performance.now();
            setTimeout(() => w.work.push(performance.now() - t0));
            requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        });
        const session = await page.context().newCDPSession(page);
        if (process.argv.includes('--profile')) {
          await session.send('Profiler.enable');
          await session.send('Profiler.setSamplingInterval', { interval: 50 });
          await session.send('Profiler.start');
        }
        if (process.argv.includes('--trace')) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
        await page.waitForTimeout(300);
        const point = POINTS[run % POINTS.length]!;
        const passings = Array.from({ length: 10 }, (_, i) => ({ bib: String(run * 10 + i + 1), metres: point.metres, elapsedMs: Math.round(point.metres * (180 + ((run * 10 + i) * 180) / 500)) }));
        const response = await fetch(`${hub.url}/api/feeds/bench/passings`, { method: 'POST', headers: { authorization: `Bearer ${hub.token}` }, body: JSON.stringify({ passings }) });
        if (response.status !== 200) throw new Error(await response.text());
        await page.waitForTimeout(1500);
        if (process.argv.includes('--profile')) {
          const { profile } = (await session.send('Profiler.stop')) as { profile: unknown };
          writeFileSync(`/tmp/leaderboard-update-${run}.cpuprofile`, JSON.stringify(profile));
        }
        if (process.argv.includes('--trace')) console.log(longTasks(await browser.stopTracing(), 20));
        const { starts, work } = await page.evaluate(() => {
          const w = window as unknown as { starts: number[]; work: number[] };
          return { starts: w.starts, work: w.work };
        });
        const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
        // A gap of n display frames (60 Hz) missed n - 1 of them.
        missed += gaps.reduce((sum, gap) => sum + Math.max(0, Math.round(gap / (1000 / 60)) - 1), 0);
        console.log(`run ${run + 1}: frames' work over 8 ms: ${work.filter((w) => w > 8).map((w) => w.toFixed(1)).join(' ') || 'none'}; display-frame gaps over 20 ms: ${gaps.filter((g) => g > 20).map((g) => g.toFixed(0)).join(' ') || 'none'}`);
      } finally {
        await browser.close();
      }
    }
    console.log(`display frames missed over ${arg('runs') ?? 5} updates${root ? ` (${root})` : ''}: ${missed}`);
  } finally {
    await hub.kill();
  }
}

main().catch((error: Error) => {
  console.error(`Failed: ${error.stack}`);
  process.exit(1);
});
