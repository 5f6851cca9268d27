import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { buildPages } from '../scripts/buildPages';
import type { SceneResources } from '../src/render/outputScene';
import { startHub, type HubProcess } from '../test/harness/hubProcess';
import { launchBenchBrowser } from './benchBrowser';

/**
 * npm run bench:soak [-- --cycles=10000] [-- --every=1000] [-- --only=canvas|webgl] [-- --pacing=paced|unpaced]
 *
 * Takes and clears a name card and an athlete profile (alternately, the same few names over and over) on a
 * live 1080p50 output, over HTTP like an operator's panel, and every `every` cycles forces two garbage
 * collections and prints the JS heap, DOM nodes (attached or not), renderer and GPU process RSS, and what the
 * scene holds (display objects, textures, GSAP animations). Two pacings per renderer:
 * - paced: each take is left to finish its enter and each clear its exit before the next command (an operator
 *   at full speed: about one cycle a second, so 10,000 cycles take about three hours);
 * - unpaced: the next command as soon as the output has drawn the last one (one frame later), so a take lands
 *   mid-exit of the previous graphic.
 * An empty page in the same browser is measured first: the rows are read against it.
 */
const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const cycles = Number(arg('cycles') ?? 10_000);
const every = Number(arg('every') ?? 1000);
const renderers = (arg('only') ? [arg('only')] : ['canvas', 'webgl']) as ('canvas' | 'webgl')[];
const pacings = (arg('pacing') ? [arg('pacing')] : ['unpaced', 'paced']) as Pacing[];
if (!(cycles > 0) || !(every > 0)) throw new Error('--cycles and --every must be positive numbers');
type Pacing = 'paced' | 'unpaced';

const THEME = JSON.parse(readFileSync(new URL('../templates/themes/finishline.json', import.meta.url), 'utf8')) as { timing: { enterSeconds: number; exitSeconds: number } };
/** Paced: wait this long after a take (enter) and after a clear (exit), with a frame or two to spare. */
const ENTER_MS = THEME.timing.enterSeconds * 1000 + 60;
const EXIT_MS = THEME.timing.exitSeconds * 1000 + 60;

const TAKES = [
  { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC athletics commentator on BBC One' } },
  { kind: 'athleteProfile', props: { name: 'Dennis Kimetto', age: 32, country: 'KE', bio: 'Ran each 5k of that Berlin Marathon in under 15 minutes', best: { label: 'World record', time: '2:02:57', note: 'Berlin 2014' } } },
  { kind: 'nameCard', props: { name: 'Brendan Foster', role: 'Olympic medallist and BBC athletics commentator on BBC One' } },
  { kind: 'athleteProfile', props: { name: 'Kenenisa Bekele', country: 'ETH', bio: 'Olympic 5000 m and 10,000 m champion', best: { label: 'Personal best', time: '2:03:03', note: 'Berlin 2016' } } },
];

type Row = { cycle: number; heapMB: number; nodes: number; rendererRssMB: number; gpuRssMB: number; resources: SceneResources | null; seconds: number };

async function main() {
  console.log(`Building pages, then ${cycles} take/clear cycles per renderer and pacing (${renderers.join(', ')}; ${pacings.join(', ')}), a sample every ${every}...`);
  // --no-build reuses dist/ as it is (built by a test run going on alongside).
  if (!args.includes('--no-build')) await buildPages();
  const hub = await startHub();
  try {
    const empty = await measureEmptyPage();
    console.log(`\nempty page: heap ${empty.heapMB} MB, ${empty.nodes} DOM nodes, renderer RSS ${empty.rendererRssMB} MB`);
    for (const renderer of renderers) for (const pacing of pacings) await soak(hub, renderer, pacing, empty);
  } finally {
    await hub.kill();
  }
}

async function soak(hub: HubProcess, renderer: 'canvas' | 'webgl', pacing: Pacing, empty: Row) {
  await post(hub, { type: 'clearAll' }, true);
  const { browser, context, page, cdp } = await launchBenchBrowser(1920);
  try {
    await page.goto(`${hub.url}/output.html?format=1080p50&renderer=${renderer}`);
    await page.waitForFunction(() => window.finishline?.shownRevision() != null, null, { timeout: 30_000 });
    const session = await context.newCDPSession(page);
    await session.send('Performance.enable');
    console.log(`\n${renderer}, ${pacing}:`);
    console.log('| cycles | heap MB | x empty page | DOM nodes | renderer RSS MB | GPU RSS MB | display objects | textures | GSAP at root | playing | s |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|');
    const started = Date.now();
    const rows: Row[] = [];
    const sample = async (cycle: number) => {
      const row = await measure(page, session, cdp, cycle, started);
      rows.push(row);
      const r = row.resources;
      console.log(`| ${cycle} | ${row.heapMB} | ${(row.heapMB / empty.heapMB).toFixed(1)}x | ${row.nodes} | ${row.rendererRssMB} | ${row.gpuRssMB} | ${r?.displayObjects} | ${r?.textures} | ${r?.gsapRoot} | ${r?.playing} | ${row.seconds} |`);
    };
    await sample(0);
    for (let cycle = 1; cycle <= cycles; cycle++) {
      await cycleOnce(hub, page, cycle, pacing);
      if (cycle % every === 0 || cycle === cycles) await sample(cycle);
    }
    // Growth per 1,000 cycles from the first sample after warm-up (fonts, flags and pools filled) to the last.
    const from = rows[1] ?? rows[0]!;
    const to = rows.at(-1)!;
    const per1000 = (value: (r: Row) => number) => (to.cycle > from.cycle ? (((value(to) - value(from)) * 1000) / (to.cycle - from.cycle)).toFixed(2) : 'n/a');
    console.log(`growth per 1,000 cycles after the first ${from.cycle}: heap ${per1000((r) => r.heapMB)} MB, DOM nodes ${per1000((r) => r.nodes)}, renderer RSS ${per1000((r) => r.rendererRssMB)} MB`);
  } finally {
    await browser.close();
  }
}

/** One take and its clear, alternating the graphics, paced or not. */
async function cycleOnce(hub: HubProcess, page: Page, cycle: number, pacing: Pacing) {
  const take = await post(hub, { type: 'take', graphic: TAKES[cycle % TAKES.length] });
  if (pacing === 'paced') await sleep(ENTER_MS);
  else await shown(page, take);
  const clear = await post(hub, { type: 'clear', layer: 'lowerThird' });
  if (pacing === 'paced') await sleep(EXIT_MS);
  else await shown(page, clear);
}

/** After the last cycle's exit has played: two forced collections, then heap, nodes, RSS and the scene's counts. */
async function measure(page: Page, session: CDPSession, cdp: CDPSession, cycle: number, started: number): Promise<Row> {
  await sleep(EXIT_MS);
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  const rss = await processRss(cdp);
  const resources = await page.evaluate(() => window.finishline?.resources?.() ?? null);
  return { cycle, heapMB: mb(metric('JSHeapUsedSize')), nodes: metric('Nodes'), rendererRssMB: rss.renderer, gpuRssMB: rss.gpu, resources, seconds: Math.round((Date.now() - started) / 1000) };
}

async function measureEmptyPage(): Promise<Row> {
  const { browser, context, page, cdp } = await launchBenchBrowser(1920);
  try {
    const url = 'http://empty.invalid/';
    await page.route(url, (route) => route.fulfill({ body: '<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;background:transparent"></body></html>', contentType: 'text/html' }));
    await page.goto(url);
    const session = await context.newCDPSession(page);
    await session.send('Performance.enable');
    return await measure(page, session, cdp, 0, Date.now());
  } finally {
    await browser.close();
  }
}

/** Resident memory of the page's renderer process and of the GPU process, MB (from /proc). */
async function processRss(cdp: CDPSession): Promise<{ renderer: number; gpu: number }> {
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  const rss = (type: string) => processInfo.filter((p) => p.type === type).reduce((sum, p) => sum + rssOf(p.id), 0);
  return { renderer: mb(rss('renderer')), gpu: mb(rss('GPU')) };
}

function rssOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0; // a process that has just exited holds nothing
  }
}

async function post(hub: HubProcess, command: unknown, mayBeEmpty = false): Promise<number> {
  const { status, body } = await hub.post(command);
  if (status !== 200 && !(mayBeEmpty && status === 422)) throw new Error(`The hub refused a soak command (${status}): ${body.error}`);
  return body.revision ?? -1;
}

async function shown(page: Page, revision: number) {
  await page.waitForFunction((r) => (window.finishline?.shownRevision() ?? -1) >= r, revision, { timeout: 10_000, polling: 'raf' });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

main().catch((error: Error) => {
  console.error(`Soak failed: ${error.message}`);
  process.exit(1);
});
