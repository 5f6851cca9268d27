import type { CDPSession, Page } from 'playwright-core';
import { buildPages } from '../scripts/buildPages';
import { startHub, type HubProcess } from '../test/harness/hubProcess';
import { launchBenchBrowser } from './benchBrowser';
import { heapGrowth, heapSummary, type HeapSummary } from './heapSummary';

/**
 * npm run bench:panel-soak [-- --cycles=1000] [-- --every=200] [-- --heap-diff] [-- --no-build]
 *
 * The operator panel is open all day: it must not grow. With the demo show, a panel and a live output (canvas,
 * reporting to the panel's monitors) on one hub, each cycle is an operator's work and another operator's:
 * ↓ and Space on the panel (cue the next rundown item and take it, the item form's PVW and the monitors drawing
 * it), then over HTTP a 25K split added to or removed from the elite men, an entrant renamed, and the lower third
 * cleared; the next cycle starts once the panel shows the last revision (and half a second after the last Space,
 * which the panel would take for the same press). Every `every` cycles the panel's page is
 * collected twice and its JS heap, DOM nodes and event listeners are printed, beside a blank page's in the same
 * browser, and the growth per 1,000 cycles after the first sample (fonts, caches and pools filled). `--heap-diff`
 * also takes heap snapshots at the first sample and the last and lists the constructors whose objects grew most.
 */
const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const cycles = Number(arg('cycles') ?? 1000);
const every = Number(arg('every') ?? 200);
if (!(cycles > 0) || !(every > 0)) throw new Error('--cycles and --every must be positive numbers');

type Row = { cycle: number; heapMB: number; nodes: number; listeners: number; seconds: number };

async function main() {
  console.log(`Panel soak: ${cycles} cycles, a sample every ${every}...`);
  if (!args.includes('--no-build')) await buildPages();
  const hub = await startHub();
  const { browser, context, page: blank } = await launchBenchBrowser(1600);
  try {
    await blank.route('http://blank.invalid/', (route) => route.fulfill({ body: '<!doctype html><meta charset="utf-8"><body></body>', contentType: 'text/html' }));
    await blank.goto('http://blank.invalid/');
    const empty = await measure(await context.newCDPSession(blank), 0, Date.now());
    console.log(`blank page: heap ${empty.heapMB} MB, ${empty.nodes} DOM nodes, ${empty.listeners} listeners`);

    const output = await context.newPage();
    await output.goto(`${hub.url}/output.html?renderer=canvas`);
    await output.waitForFunction(() => window.finishline?.shownRevision() != null, null, { timeout: 30_000 });
    const panel = await context.newPage();
    await panel.goto(`${hub.url}/?token=${hub.token}`);
    await panel.waitForFunction(() => document.documentElement.dataset.monitors === 'ready' && window.finishlinePanel?.revision() != null, null, { timeout: 30_000 });
    await panel.bringToFront();
    const session = await context.newCDPSession(panel);
    await session.send('Performance.enable');
    await post(hub, { type: 'setEntrants', raceId: 'elite-men', entrants: [{ bib: '1', name: 'Eliud Kipchoge', country: 'KEN' }, { bib: '2', name: 'Stanley Biwott', country: 'KEN' }] });

    console.log('| cycles | heap MB | x blank | DOM nodes | listeners | s |');
    console.log('|---|---|---|---|---|---|');
    const started = Date.now();
    const rows: Row[] = [];
    let firstHeap: HeapSummary | null = null;
    const sample = async (cycle: number) => {
      if (args.includes('--heap-diff') && (cycle === every || cycle === cycles)) {
        const summary = await heapSummary(session);
        if (firstHeap) console.log(`heap growth from cycle ${every} to ${cycles}, by constructor:\n| constructor | objects | bytes |\n|---|---|---|\n${heapGrowth(firstHeap, summary).join('\n')}`);
        firstHeap ??= summary;
      }
      const row = await measure(session, cycle, started);
      rows.push(row);
      console.log(`| ${cycle} | ${row.heapMB} | ${(row.heapMB / empty.heapMB).toFixed(1)}x | ${row.nodes} | ${row.listeners} | ${row.seconds} |`);
    };
    await sample(0);
    for (let cycle = 1; cycle <= cycles; cycle++) {
      await cycleOnce(hub, panel, cycle);
      if (cycle % every === 0 || cycle === cycles) await sample(cycle);
    }
    const from = rows[1] ?? rows[0]!;
    const to = rows.at(-1)!;
    const per1000 = (value: (r: Row) => number) => (to.cycle > from.cycle ? (((value(to) - value(from)) * 1000) / (to.cycle - from.cycle)).toFixed(2) : 'n/a');
    console.log(`growth per 1,000 cycles after the first ${from.cycle}: heap ${per1000((r) => r.heapMB)} MB, DOM nodes ${per1000((r) => r.nodes)}, listeners ${per1000((r) => r.listeners)}`);
  } finally {
    await browser.close();
    await hub.kill();
  }
}

/** A second Space within half a second is the same press (the panel's guard against a double take): wait it out. */
const SAME_PRESS_MS = 520;
let lastSpace = 0;

async function cycleOnce(hub: HubProcess, panel: Page, cycle: number) {
  const before = await revisionOf(panel);
  await sleep(lastSpace + SAME_PRESS_MS - Date.now());
  // Cue the next item (back to the first at the end of the rundown) and take it.
  await panel.keyboard.press(cycle % 12 === 0 ? 'Home' : 'ArrowDown');
  await panel.keyboard.press('Space');
  lastSpace = Date.now();
  await panel.waitForFunction((r) => (window.finishlinePanel?.revision() ?? -1) > r, before, { timeout: 10_000 }).catch(async (error: Error) => {
    const said = await panel.evaluate(() => [...document.querySelectorAll('[role=alert], [role=status]')].map((e) => e.textContent).filter(Boolean).join(' | '));
    throw new Error(`${error.message} (cycle ${cycle}; the panel says: ${said}; focus on ${await panel.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))})`);
  });
  const split = cycle % 2 === 1 ? { type: 'addSplit', raceId: 'elite-men', metres: 25000, elapsedMs: 4_440_000 } : { type: 'removeSplit', raceId: 'elite-men', metres: 25000 };
  await post(hub, split);
  await post(hub, { type: 'upsertEntrants', raceId: 'elite-men', entrants: [{ bib: '2', name: cycle % 2 ? 'Stanley Kipleting Biwott' : 'Stanley Biwott', country: 'KEN' }] });
  const last = await post(hub, { type: 'clearAll' }, true);
  await panel.waitForFunction((r) => (window.finishlinePanel?.revision() ?? -1) >= r, last, { timeout: 10_000 });
}

async function measure(session: CDPSession, cycle: number, started: number): Promise<Row> {
  await sleep(300);
  await session.send('Performance.enable');
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { cycle, heapMB: mb(metric('JSHeapUsedSize')), nodes: metric('Nodes'), listeners: metric('JSEventListeners'), seconds: Math.round((Date.now() - started) / 1000) };
}

const revisionOf = (panel: Page) => panel.evaluate(() => window.finishlinePanel?.revision() ?? -1);

async function post(hub: HubProcess, command: unknown, mayBeRefused = false): Promise<number> {
  const { status, body } = await hub.post(command);
  if (status !== 200 && !(mayBeRefused && status === 422)) throw new Error(`The hub refused a soak command (${status}): ${body.error}`);
  return body.revision ?? -1;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

main().catch((error: Error) => {
  console.error(`Panel soak failed: ${error.message}`);
  process.exit(1);
});
