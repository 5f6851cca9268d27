import { spawn } from 'node:child_process';
import http from 'node:http';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium as playwright, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/harness/browser';
import { buildPages } from '../scripts/buildPages';
import { WebSocket } from 'ws';
import { percentiles } from '../src/render/frameStats';
import { startHub, type HubProcess } from '../test/harness/hubProcess';
import { launchBenchBrowser } from './benchBrowser';
import { presentationTimes } from './presentedFrames';
import { marathonScene } from './scene';

/**
 * npm run bench:timing [-- --runs=5] [-- --takes=25] [-- --only=cold|take] [-- --cold-only] [-- --renderer=canvas|webgl] [-- --raw=<file>] [-- --compare=<checkout> [-- --raw-compare=<file>]]
 *
 * Cold start: a fresh browser (empty cache) opens a 1080p50 canvas output while the marathon scene is on air;
 * the time from navigation to the end of the first frame that shows every graphic on air (the page's
 * 'finishline:on-air' mark; fonts are loaded before any text is laid out), median of `runs`, beside an empty
 * page's load event in the same run. The same tab then reloads twice (warm HTTP cache, then V8's code cache
 * too): what a playout's reloaded output costs. Each run also opens the page cold in a browser started on its own and up
 * for a moment, with nothing attached until the page is on air ('settled'): a playout's browser, without the
 * CPU Playwright's and DevTools' events take from this 2-core machine while the page starts. --compare runs another checkout's hub and build (built there
 * with `npm run build`) alternately with this one, e.g. the commit before a change, in the same session.
 * Beside the wall-clock steps, the page's CPU up to on-air (its renderer's main thread and whole process, from CDP's
 * Performance metrics): on a loaded machine the wall clock mostly measures the wait for a core, CPU time the work.
 * Take to air: on a live output of each renderer, `takes` name-card takes on an empty lower third (each cleared
 * and its exit played before the next). Per take: POST sent → the end of the frame that first drew the
 * revision ("drawn"), and → the start of the frame after it, when that frame is on screen ("on screen"). The
 * hub's acknowledgement (the POST's response) and the snapshot's arrival at a WebSocket client in this process
 * (the hub's publish, without a page) are listed too. Bench and page share this machine's clock.
 */
const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const runs = Number(arg('runs') ?? 5);
const takes = Number(arg('takes') ?? 25);
const only = arg('only');
const renderers = (arg('renderer') ? [arg('renderer')] : ['canvas', 'webgl']) as ('canvas' | 'webgl')[];

async function main() {
  // --no-build reuses dist/ as it is (built by a test run going on alongside).
  if (!args.includes('--no-build')) await buildPages();
  const hub = await startHub();
  try {
    if (!only || only === 'cold') await coldStart(hub);
    if (!only || only === 'take') for (const renderer of renderers) await takeToAir(hub, renderer);
  } finally {
    await hub.kill();
  }
}

/** One build of the output page as a hub serves it: this checkout's, or another's given with --compare. */
type Side = { name: string; hub: HubProcess };
type Navigation = 'cold' | 'reload' | 'reload 2' | 'settled';
/** --cold-only skips the reloads (a quicker A/B of the cold start alone). */
const NAVIGATIONS: Navigation[] = args.includes('--cold-only') ? ['cold'] : ['cold', 'reload', 'reload 2'];
/** Also measured in every run (the browser of a playout): see settledColdStart. */
const COLUMNS: Navigation[] = [...NAVIGATIONS, 'settled'];

async function coldStart(hub: HubProcess) {
  const sides: Side[] = [{ name: 'this build', hub }];
  const compare = arg('compare');
  if (compare) sides.push({ name: `--compare ${compare}`, hub: await startHub({ root: resolve(compare) }) });
  try {
    for (const side of sides) {
      await side.hub.post({ type: 'clearAll' });
      for (const command of marathonScene) await side.hub.post(command);
    }
    const empty: number[] = [];
    /** side → navigation → step → values */
    const figures = new Map<string, Map<Navigation, Map<string, number[]>>>();
    const record = (side: string, navigation: Navigation, timing: Timing) => {
      const bySide = figures.get(side) ?? figures.set(side, new Map()).get(side)!;
      const steps = bySide.get(navigation) ?? bySide.set(navigation, new Map()).get(navigation)!;
      for (const [name, at] of [...timing.steps, [ON_AIR, timing.onAir] as [string, number]]) (steps.get(name) ?? steps.set(name, []).get(name)!).push(at);
    };
    let fonts = 0;
    for (let run = 0; run < runs; run++) {
      empty.push(await emptyPageLoad());
      // Old and new alternate, each going first in every other run, so the machine's load falls on both alike.
      const order = run % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        const { browser, context, page } = await launchBenchBrowser(1920);
        try {
          const cdp = await context.newCDPSession(page);
          for (const navigation of NAVIGATIONS) {
            // A playout reloads a page that has been up a while: let the last one finish its late fonts first.
            if (navigation !== 'cold') await sleep(1500);
            const timing = await openAndTime(page, cdp, `${side.hub.url}/output.html?format=1080p50&renderer=canvas`);
            record(side.name, navigation, timing);
            if (navigation === 'cold') fonts = timing.fonts;
          }
        } finally {
          await browser.close();
        }
        record(side.name, 'settled', await settledColdStart(`${side.hub.url}/output.html?format=1080p50&renderer=canvas`));
      }
    }
    const [load1] = loadavg();
    console.log(`\nOutput start, canvas, 1080p50, marathon scene on air: median of ${runs} (ms from navigation; load average now ${load1!.toFixed(1)}).`);
    console.log('cold = a fresh browser, empty HTTP and code caches; reload / reload 2 = the same tab navigated again (warm HTTP cache; V8 code cache from the second visit on).');
    console.log(`settled = empty caches too, in a browser up for ${SETTLE_MS / 1000} s, nothing attached to it until the page is on air (as in a playout): the page's own marks; cold, reloads: under Playwright and CDP (their events take this 2-core machine's CPU too).`);
    console.log(`empty page's load event (fresh browser, same run): ${median(empty)} ms (${empty.map(round).join(', ')})`);
    const columns = sides.flatMap((side) => COLUMNS.map((navigation) => ({ side: side.name, navigation })));
    console.log(`| step | ${columns.map((c) => `${c.navigation} (${c.side})`).join(' | ')} |`);
    console.log(`|---|${columns.map(() => '---').join('|')}|`);
    const first = figures.get(sides[0]!.name)!.get('cold')!;
    const names = [...first.keys()].filter((name) => name !== ON_AIR && name !== CPU_THREAD && name !== CPU_PROCESS).sort((a, b) => orderOf(first.get(a)!) - orderOf(first.get(b)!));
    for (const name of [...names, ON_AIR, CPU_THREAD, CPU_PROCESS]) {
      const cells = columns.map(({ side, navigation }) => {
        const values = figures.get(side)?.get(navigation)?.get(name) ?? [];
        const passed = values.filter((v) => typeof v === 'number' && !Number.isNaN(v)).length;
        // A step some runs did not pass (no font hint when the page's modules beat the hub's first messages) says in how many it did.
        return passed === 0 ? '–' : passed < values.length ? `${median(values)} (${passed} of ${values.length})` : String(median(values));
      });
      console.log(`| ${name} | ${cells.join(' | ')} |`);
    }
    for (const { side, navigation } of columns) console.log(`${ON_AIR}, ${navigation} (${side}), every run: ${figures.get(side)!.get(navigation)!.get(ON_AIR)!.map(round).join(', ')}`);
    for (const { side, navigation } of columns.filter((c) => c.navigation !== 'settled')) console.log(`${CPU_THREAD}, ${navigation} (${side}), every run: ${figures.get(side)!.get(navigation)!.get(CPU_THREAD)!.map(round).join(', ')}`);
    console.log(`font files fetched before the first frame (cold, last run): ${fonts}`);
  } finally {
    for (const side of sides.slice(1)) await side.hub.kill();
  }
}

const ON_AIR = 'first frame with everything on air';

/** How long a settled browser has been up, on a blank page, before it opens the output. */
const SETTLE_MS = 1500;

/**
 * A cold start as a playout's browser makes it: Chromium started on its own (no Playwright, no DevTools client),
 * fresh profile and caches, up for SETTLE_MS on a blank page, which then navigates to the output (one DevTools
 * command, its connection closed as soon as it is answered). Only once the page has had
 * time to go on air is a DevTools client attached, to read the page's marks and resource timings (they keep
 * their times from navigation). No CPU figures: they need the client attached from the start.
 */
async function settledColdStart(url: string): Promise<Timing> {
  const profile = mkdtempSync(join(tmpdir(), 'finishline-settled-'));
  const chromium = spawn(CHROMIUM, [...CHROMIUM_ARGS, '--window-size=1920,1167', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], { stdio: 'ignore', detached: true });
  try {
    const portFile = join(profile, 'DevToolsActivePort');
    const started = performance.now();
    while (!existsSync(portFile) || readFileSync(portFile, 'utf8').trim() === '') {
      if (performance.now() - started > 20_000) throw new Error('Chromium did not open its DevTools port in 20 s');
      await sleep(50);
    }
    const devtools = `http://127.0.0.1:${readFileSync(portFile, 'utf8').split('\n')[0]}`;
    await sleep(SETTLE_MS);
    // The blank tab navigates to the output: one DevTools command on a connection closed once it is answered
    // (when the navigation has started), so nothing is attached while the page loads.
    const targets = (await (await fetch(`${devtools}/json/list`)).json()) as { type: string; webSocketDebuggerUrl: string }[];
    const tab = new WebSocket(targets.find((target) => target.type === 'page')!.webSocketDebuggerUrl);
    await new Promise((done, fail) => tab.once('open', done).once('error', fail));
    tab.send(JSON.stringify({ id: 1, method: 'Page.navigate', params: { url } }));
    await new Promise((done) => tab.once('message', done));
    tab.close();
    await sleep(3000);
    const browser = await playwright.connectOverCDP(devtools);
    try {
      const page = browser.contexts().flatMap((context) => context.pages()).find((p) => p.url().includes('/output.html'));
      if (!page) throw new Error('The settled browser did not open the output page');
      // tsx's keepNames helper (see launchBenchBrowser), for readTiming's source.
      return (await page.evaluate(`globalThis.__name ??= (fn) => fn; ${timingOnAir()}`)) as Timing;
    } finally {
      await browser.close().catch(() => {});
    }
  } finally {
    // Its own process group (detached): every Chromium process goes, then the profile.
    const exited = new Promise((done) => (chromium.exitCode === null && chromium.signalCode === null ? chromium.once('exit', done) : done(null)));
    try {
      process.kill(-chromium.pid!, 'SIGKILL');
    } catch {
      // Gone already.
    }
    await Promise.race([exited, sleep(5000)]);
    await sleep(200);
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}
/** Steps in the order a run usually passes them; one no run passed goes last. */
const orderOf = (values: number[]) => (Number.isNaN(median(values)) ? Number.POSITIVE_INFINITY : median(values));

async function emptyPageLoad() {
  const { browser, page } = await launchBenchBrowser(1920);
  try {
    await page.route('http://empty.invalid/', (route) => route.fulfill({ body: '<!doctype html><html><body style="margin:0"></body></html>', contentType: 'text/html' }));
    await page.goto('http://empty.invalid/');
    return await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  } finally {
    await browser.close();
  }
}

/**
 * Navigates and waits for the page's on-air mark through CDP's Runtime.evaluate: Playwright's waitForFunction
 * would inject its ~300 kB helper script into the page in the middle of the start being measured.
 */
async function openAndTime(page: Page, cdp: CDPSession, url: string) {
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const before = await cpuTimes(cdp);
  await page.goto(url, { waitUntil: 'commit' });
  // Resolved by the mark itself (not a poll), so the CPU read right after covers little past the first frame.
  const result = (await cdp.send('Runtime.evaluate', { expression: timingOnAir(), awaitPromise: true, returnByValue: true, timeout: 30_000 })) as { result: { value?: Timing }; exceptionDetails?: { text: string } };
  if (!result.result.value) throw new Error(`The output page did not reach on-air: ${result.exceptionDetails?.text ?? 'no answer'}`);
  const after = await cpuTimes(cdp);
  // A navigation to another process starts its counters at zero: then the new process's figures are the page's own.
  const since = (name: 'thread' | 'process') => (after[name] >= before[name] && after.process >= before.process ? after[name] - before[name] : after[name]);
  result.result.value.steps.push([CPU_THREAD, since('thread')], [CPU_PROCESS, since('process')]);
  return result.result.value;
}

/** The page's renderer process: its main thread's CPU time and the whole process's (ms), from CDP's Performance domain. */
async function cpuTimes(cdp: CDPSession) {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
  return { thread: value('ThreadTime'), process: value('ProcessTime') };
}
/** CPU up to the on-air mark (and the few ms to read it): less swayed by a loaded machine than the wall-clock steps. */
const CPU_THREAD = 'CPU: page main thread (ms)';
const CPU_PROCESS = 'CPU: page renderer process (ms)';

type Timing = { steps: [string, number][]; onAir: number; fonts: number };

/** An expression for the page: a promise of its Timing, resolved by its on-air mark (at once if it has passed it). */
function timingOnAir() {
  return `new Promise((done) => {
    const finish = () => done((${readTiming.toString()})(${JSON.stringify(STEPS)}));
    if (performance.getEntriesByName('finishline:on-air').length > 0) return finish();
    new PerformanceObserver((list, observer) => { if (list.getEntriesByName('finishline:on-air').length > 0) { observer.disconnect(); finish(); } }).observe({ type: 'mark' });
  })`;
}

/** Runs in the page: its marks and resource timings, ms from navigation. */
function readTiming(steps: string[]): Timing {
  const mark = (name: string) => performance.getEntriesByName(`finishline:${name}`)[0]?.startTime ?? Number.NaN;
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const scripts = resources.filter((r) => r.name.endsWith('.js'));
  const fontFiles = resources.filter((r) => /\.woff2?$/.test(r.name));
  const onAir = mark('on-air');
  const html = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd;
  const lastEnd = (list: PerformanceResourceTiming[]) => list.reduce((end, r) => Math.max(end, r.responseEnd), Number.NEGATIVE_INFINITY);
  const firstStart = (list: PerformanceResourceTiming[]) => list.reduce((start, r) => Math.min(start, r.startTime), Number.POSITIVE_INFINITY);
  const before = (list: PerformanceResourceTiming[]) => list.filter((r) => r.responseEnd <= onAir);
  return {
    steps: [
      ['HTML received', html],
      ['scripts before on-air: all received', lastEnd(before(scripts))],
      ['fonts before on-air: first requested', firstStart(before(fontFiles))],
      ['fonts before on-air: all received', lastEnd(before(fontFiles))],
      ...steps.map((step): [string, number] => [`mark ${step}`, mark(step)]),
    ],
    onAir,
    fonts: before(fontFiles).length,
  };
}

/** When the page drew a revision (window.finishline.drawnAt), once the frame after it has started. */
type DrawnEntry = { at: number; nextFrame: number; received: number | null; arrived?: number | null };

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/**
 * POSTs a command on a kept-alive connection, as an automation system (Companion, a script with curl's keep-alive)
 * would. `sent` (epoch ms) is taken just before the request is written: fetch spent 1-3 ms of this process's own
 * JavaScript between being called and writing it, which is the client's time, not the hub's or the page's.
 */
function postCommand(hub: HubProcess, command: unknown): Promise<{ sent: number; status: number; body: any }> {
  const text = JSON.stringify(command);
  return new Promise((done, fail) => {
    const request = http.request({ host: '127.0.0.1', port: hub.port, method: 'POST', path: '/api/commands', agent, headers: { authorization: `Bearer ${hub.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } }, (response) => {
      let answer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (answer += chunk));
      response.on('end', () => done({ sent, status: response.statusCode ?? 0, body: JSON.parse(answer) }));
    });
    request.on('error', fail);
    const sent = performance.timeOrigin + performance.now();
    request.end(text);
  });
}

/**
 * Take to air on a live output of `renderer`; with --compare, another checkout's hub and output too, the takes
 * alternating between the two one by one (each going first in every other pair), so the machine's load falls on
 * both alike. --raw=<file> (and --raw-compare=<file> for the other checkout) appends every take's figures.
 */
async function takeToAir(hub: HubProcess, renderer: 'canvas' | 'webgl') {
  const compare = arg('compare');
  const other = compare ? await startHub({ root: resolve(compare) }) : null;
  const sides = [await openTakeSide('this build', hub, renderer, arg('raw'))];
  try {
    if (other) sides.push(await openTakeSide(`--compare ${compare}`, other, renderer, arg('raw-compare')));
    for (let i = 0; i < takes; i++) for (const side of i % 2 ? [...sides].reverse() : sides) await side.take(i);
    await sleep(100);
    for (const side of sides) await side.report();
  } finally {
    for (const side of sides) await side.close();
    await other?.kill();
  }
}

async function openTakeSide(name: string, hub: HubProcess, renderer: 'canvas' | 'webgl', raw: string | undefined) {
  await hub.post({ type: 'clearAll' });
  const { browser, page } = await launchBenchBrowser(1920);
  const listener = new WebSocket(`${hub.url.replace('http', 'ws')}/ws`);
  await page.goto(`${hub.url}/output.html?format=1080p50&renderer=${renderer}`);
  await page.waitForFunction(() => window.finishline?.shownRevision() != null, null, { timeout: 30_000 });
  const origin = await page.evaluate(() => performance.timeOrigin);
  const drawn: number[] = [];
  const onScreen: number[] = [];
  const acked: number[] = [];
  const arrived: number[] = [];
  const received: number[] = [];
  /** The snapshot of each revision reaching a plain WebSocket client in this process (the hub's publish). */
  const published: number[] = [];
  const arrivals = new Map<number, number>();
  listener.on('message', (data) => {
    const match = /^\{"type":"snapshot","revision":(\d+)/.exec(String(data));
    if (match) arrivals.set(Number(match[1]), performance.timeOrigin + performance.now());
  });
  if (listener.readyState !== WebSocket.OPEN) await new Promise((resolve) => listener.once('open', resolve));
  const sentAt = new Map<number, number>();
  /** The page's own share: frame drawn minus the hub's acknowledgement (negative when the snapshot beat the ack). */
  const fromAck: number[] = [];
  /** Per take: POST sent and the drawing's end, in page time, to find its presentation in the trace. */
  const takesDrawn: { sent: number; received: number | null; at: number }[] = [];
  await browser.startTracing(page, { categories: ['benchmark', 'blink.user_timing'] });
  const syncAt = await page.evaluate(() => performance.mark('finishline:bench-sync').startTime);
  return {
    async take(i: number) {
      await sleep(300 + Math.random() * 40); // lands anywhere in a frame
      const { sent, status, body } = await postCommand(hub, { type: 'take', graphic: { kind: 'nameCard', props: { name: i % 2 ? 'Steve Cram' : 'Brendan Foster', role: 'BBC athletics commentator' } } });
      if (status !== 200) throw new Error(`The take was refused: ${status} ${JSON.stringify(body)}`);
      acked.push(performance.timeOrigin + performance.now() - sent);
      sentAt.set(body.revision, sent);
      // Read once the take has long been drawn, not polled: Playwright's waitForFunction runs in every frame of
      // the page (and its helper script), work the page would be doing beside the very frame measured.
      let entry: DrawnEntry | null = null;
      for (let wait = 0; !entry; wait++) {
        if (wait === 40) throw new Error(`Revision ${body.revision} was not drawn within 10 s`);
        await sleep(250);
        entry = await page.evaluate((r) => {
          const drawnAt = window.finishline?.drawnAt?.(r);
          return drawnAt && drawnAt.nextFrame !== null ? (drawnAt as DrawnEntry) : null;
        }, body.revision);
      }
      drawn.push(origin + entry.at - sent);
      if (entry.arrived != null) arrived.push(origin + entry.arrived - sent);
      if (entry.received !== null) received.push(origin + entry.received - sent);
      takesDrawn.push({ sent: sent - origin, received: entry.received, at: entry.at });
      fromAck.push(origin + entry.at - (sent + acked.at(-1)!));
      onScreen.push(origin + entry.nextFrame - sent);
      const cleared = await hub.post({ type: 'clear', layer: 'lowerThird' });
      await page.waitForFunction((r) => (window.finishline?.shownRevision() ?? -1) >= r, cleared.body.revision);
      await sleep(600); // the exit plays out
    },
    async report() {
      for (const [revision, sent] of sentAt) if (arrivals.has(revision)) published.push(arrivals.get(revision)! - sent);
      const presented = presentationTimes(await browser.stopTracing(), 'finishline:bench-sync', syncAt);
      const found = takesDrawn.map(({ at }) => presented(at));
      const onDisplay = found.map((p, i) => (p ? p.presented - takesDrawn[i]!.sent : Number.NaN)).filter((ms) => !Number.isNaN(ms));
      /** The steps between: received → drawn (waiting for a frame, then drawing), drawn → committed, committed → presented. */
      const step = (from: (i: number) => number | null, to: (i: number) => number | null) =>
        takesDrawn.map((_, i) => { const a = from(i); const b = to(i); return a === null || b === null ? Number.NaN : b - a; }).filter((ms) => !Number.isNaN(ms));
      const line = (what: string, values: number[]) => {
        const p = percentiles(values);
        console.log(`| ${renderer} | ${what} | ${p.p50} | ${p.p95} | ${p.max} |`);
      };
      console.log(`\nTake to air, ${renderer} (${name}), 1080p50 page on a 60 Hz display, ${takes} takes, load ${loadavg().map((l) => l.toFixed(1)).join(' ')} (ms from the POST being sent):`);
      console.log('| renderer | until | p50 | p95 | max |');
      console.log('|---|---|---|---|---|');
      line("hub's acknowledgement (POST response)", acked);
      line('snapshot at a WebSocket client in the bench process', published);
      if (arrived.length) line('snapshot arrived at the page (its socket message)', arrived);
      line('snapshot received by the page (read and checked)', received);
      line('frame drawn', drawn);
      line('frame on screen (next vsync)', onScreen);
      line(`frame presented by the compositor (trace; ${onDisplay.length} of ${takes} found)`, onDisplay);
      line('step: snapshot received → frame drawn', step((i) => takesDrawn[i]!.received, (i) => takesDrawn[i]!.at));
      line('step: frame drawn → committed', step((i) => takesDrawn[i]!.at, (i) => found[i]?.committed ?? null));
      line('step: committed → presented', step((i) => found[i]?.committed ?? null, (i) => found[i]?.presented ?? null));
      line("frame drawn, counted from the hub's acknowledgement", fromAck);
      // Every take's figures as JSON lines, to pool runs (old and new builds alternated) afterwards.
      if (raw) {
        const figures = {
          acked, published, ...(arrived.length ? { arrived } : {}), received, drawn, onScreen, presented: onDisplay,
          receivedToDrawn: step((i) => takesDrawn[i]!.received, (i) => takesDrawn[i]!.at),
          drawnToCommitted: step((i) => takesDrawn[i]!.at, (i) => found[i]?.committed ?? null),
          committedToPresented: step((i) => found[i]?.committed ?? null, (i) => found[i]?.presented ?? null),
        };
        appendFileSync(raw, `${JSON.stringify({ renderer, load: loadavg()[0], figures })}\n`);
      }
    },
    async close() {
      listener.close();
      await browser.close();
    },
  };
}

/** The page's marks (src/output/main.ts, outputPage.ts markOnce), in the order a cold start usually passes them. */
const STEPS = ['entry', 'fonts-hinted', 'page', 'socket', 'templates', 'snapshot', 'pixi', 'renderer', 'look', 'scene'];

/** Median of the values that are numbers (a step a run did not pass is NaN, or null once through JSON), or NaN. */
const median = (values: number[]) => {
  const known = values.filter((v) => typeof v === 'number' && !Number.isNaN(v)).sort((a, b) => a - b);
  return known.length ? round(known[Math.floor(known.length / 2)]!) : Number.NaN;
};
const round = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

main().catch((error: Error) => {
  console.error(`Benchmark failed: ${error.message}`);
  process.exit(1);
});
