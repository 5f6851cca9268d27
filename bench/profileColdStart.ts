import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { startHub } from '../test/harness/hubProcess';
import { launchBenchBrowser } from './benchBrowser';
import { marathonScene } from './scene';

/**
 * npx tsx bench/profileColdStart.ts [--runs=1] [--no-sampler] [--trace=<file.json>] [--url-query=renderer=canvas] [--root=<another checkout>] [--inclusive=fitText,fitLines]
 *
 * Where a cold start's main thread goes (uses dist/ as built): a fresh browser opens a 1080p50 canvas output
 * with the marathon scene on air under a Chrome trace (V8 sampling profiler included). Prints the page's
 * marks, then the main thread's time from navigation to the on-air mark by kind (script compile, evaluation,
 * style/layout, GC, font loading, idle) and the functions with the most self time (sampled). --inclusive lists
 * the sampled time spent in (and under) functions of those names: build with `npx vite build --minify false`.
 */
const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const query = arg('url-query') ?? 'renderer=canvas';

type Event = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; cat?: string; args?: any; id?: string };

async function main() {
  // --root profiles another checkout's build (built there with npm run build), e.g. the commit before a change.
  const hub = await startHub(arg('root') ? { root: arg('root') } : {});
  try {
    await hub.post({ type: 'clearAll' });
    for (const command of marathonScene) await hub.post(command);
    for (let run = 0; run < Number(arg('runs') ?? 1); run++) await profileOnce(hub.url, run);
  } finally {
    await hub.kill();
  }
}

async function profileOnce(url: string, run: number) {
  const { browser, page } = await launchBenchBrowser(1920);
  try {
    await browser.startTracing(page, {
      // --no-sampler: tasks only, without the sampling profiler's own cost (which stretches a cold start by ~40%).
      categories: args.includes('--no-sampler')
        ? ['toplevel', 'blink.user_timing', 'v8.execute', 'v8']
        : ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing', 'loading', 'blink'],
    });
    await page.goto(`${url}/output.html?format=1080p50&${query}`, { waitUntil: 'commit' });
    // Through CDP, resolved by the mark itself: Playwright's waitForFunction would inject its ~300 kB helper
    // script in the middle of the start being profiled (about 70 ms of main thread here).
    const cdp = await page.context().newCDPSession(page);
    const onAir = `new Promise((done) => {
      const finish = () => done(performance.getEntriesByType('mark').map((m) => [m.name.replace('finishline:', ''), Math.round(m.startTime)]));
      if (performance.getEntriesByName('finishline:on-air').length > 0) return finish();
      new PerformanceObserver((list, observer) => { if (list.getEntriesByName('finishline:on-air').length > 0) { observer.disconnect(); finish(); } }).observe({ type: 'mark' });
    })`;
    const { result } = (await cdp.send('Runtime.evaluate', { expression: onAir, awaitPromise: true, returnByValue: true, timeout: 30_000 })) as { result: { value?: [string, number][] } };
    const marks = result.value ?? [];
    const trace = await browser.stopTracing();
    if (arg('trace')) writeFileSync(arg('trace')!.replace('.json', `-${run}.json`), trace);
    summarise(JSON.parse(trace.toString('utf8')), marks as [string, number][]);
  } finally {
    await browser.close();
  }
}

function summarise(parsed: { traceEvents?: Event[] } | Event[], marks: [string, number][]) {
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const entry = events.find((e) => e.name === 'finishline:entry');
  if (!entry) throw new Error('no entry mark in the trace');
  const main = events.filter((e) => e.pid === entry.pid && e.tid === entry.tid);
  const start = events.find((e) => e.name === 'navigationStart' && e.pid === entry.pid)?.ts ?? main[0]!.ts;
  const onAirMs = marks.find(([name]) => name === 'on-air')?.[1] ?? 0;
  const end = start + onAirMs * 1000;
  const ms = (us: number) => Math.round(us / 100) / 10;
  console.log(`\nload ${loadavg().map((l) => l.toFixed(1)).join(' ')}; marks (ms from navigation): ${marks.map(([n, t]) => `${n} ${t}`).join(', ')}`);

  // Top-level tasks and the named events inside them (complete events 'X').
  const complete = main.filter((e) => e.ph === 'X' && e.ts >= start && e.ts <= end);
  const tasks = complete.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const busy = tasks.reduce((sum, e) => sum + (e.dur ?? 0), 0);
  console.log(`main thread busy in tasks: ${ms(busy)} ms of ${onAirMs} ms`);
  // Thread time (CPU the main thread actually got), less noisy than wall time on a loaded machine: per phase between marks.
  const markTs = marks.map(([name, t]) => [name, start + t * 1000] as const);
  const cpuBetween = (from: number, to: number) => tasks.filter((e) => e.ts >= from && e.ts < to).reduce((sum, e) => sum + (e.tdur ?? 0), 0);
  const phases = markTs.map(([name, t], i) => `${name} ${ms(cpuBetween(i === 0 ? start : markTs[i - 1]![1], t))}`);
  console.log(`main thread CPU (thread time) ${ms(cpuBetween(start, end + 1))} ms; by phase (ending at each mark): ${phases.join(', ')}`);
  const byName = new Map<string, number>();
  for (const e of complete) if (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0));
  console.log('inclusive time by event (top 25):');
  for (const [name, dur] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms(dur).toFixed(1).padStart(7)} ${name}`);
  console.log('long tasks (> 15 ms), from navigation:');
  for (const task of tasks.filter((e) => (e.dur ?? 0) > 15_000)) {
    const inner = complete.filter((e) => e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0) && e !== task && (e.dur ?? 0) > 3000).slice(0, 6);
    console.log(`  ${ms(task.ts - start).toFixed(0).padStart(5)} +${ms(task.dur ?? 0)}: ${inner.map((e) => `${e.name}${e.args?.data?.url ? `(${String(e.args.data.url).split('/').pop()})` : e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''} ${ms(e.dur ?? 0)}`).join(', ')}`);
  }
  selfTimes(events.filter((e) => e.pid === entry.pid), start, end);
}

/** Self time per function from the sampling profiler's ProfileChunk events (samples between start and end). */
function selfTimes(events: Event[], start: number, end: number) {
  const nodes = new Map<number, { name: string; url: string; line: number; parent?: number }>();
  const self = new Map<string, number>();
  const byUrl = new Map<string, number>();
  const wanted = arg('inclusive')?.split(',') ?? [];
  const inclusive = new Map<string, number>(wanted.map((name) => [name, 0]));
  for (const chunk of events.filter((e) => e.name === 'ProfileChunk')) {
    const data = chunk.args?.data;
    for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, { name: node.callFrame.functionName || '(anonymous)', url: String(node.callFrame.url ?? '').split('/').pop() ?? '', line: node.callFrame.lineNumber ?? -1, parent: node.parent });
  }
  let ts = events.find((e) => e.name === 'Profile')?.args?.data?.startTime ?? 0;
  for (const chunk of events.filter((e) => e.name === 'ProfileChunk')) {
    const data = chunk.args?.data;
    const samples: number[] = data?.cpuProfile?.samples ?? [];
    const deltas: number[] = data?.timeDeltas ?? [];
    samples.forEach((id, i) => {
      ts += deltas[i] ?? 0;
      const next = deltas[i + 1] ?? 0;
      if (ts < start || ts > end) return;
      const node = nodes.get(id);
      if (!node || node.name === '(idle)' || node.name === '(program)') return;
      const key = `${node.name} ${node.url}:${node.line}`;
      self.set(key, (self.get(key) ?? 0) + next);
      byUrl.set(node.url || node.name, (byUrl.get(node.url || node.name) ?? 0) + next);
      // Each wanted name once per sample, however deep it recurses.
      const onStack = new Set<string>();
      for (let at: typeof node | undefined = node; at; at = at.parent === undefined ? undefined : nodes.get(at.parent)) if (inclusive.has(at.name)) onStack.add(at.name);
      for (const name of onStack) inclusive.set(name, inclusive.get(name)! + next);
    });
  }
  console.log('sampled self time by script (top 15):');
  for (const [url, us] of [...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ${url}`);
  if (wanted.length) console.log(`sampled inclusive time: ${[...inclusive].map(([name, us]) => `${name} ${(us / 1000).toFixed(1)}`).join(', ')}`);
  console.log('sampled self time by function (top 30):');
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ${key}`);
}

main().catch((error: Error) => {
  console.error(`Profile failed: ${error.stack}`);
  process.exit(1);
});
