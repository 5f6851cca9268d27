import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import WebSocket from 'ws';
import { percentiles } from '../src/render/frameStats';
import { startHub, type HubProcess } from '../test/harness/hubProcess';
import { launchBenchBrowser, mainThreadSeconds } from './benchBrowser';
import { compareMissed, framesOf, intervalsOf, missingGaps, openBarePage, pageOfItsOwn, recordFrames } from './frameBaseline';
import { hubMemory, INSPECTED_HUB_ENV, mb, memoryLines } from './hubMemory';
import { longTasks, TRACE_CATEGORIES } from './longTasks';
import { putMassRaceOnAir } from './massRaceOnAir';

/**
 * npm run bench:feed [-- --runners=<n>] [-- --points=<n>] [-- --batch=<n>] [-- --senders=<n>] [-- --rate=<passings/s>] [-- --compare=<checkout>] [-- --hold=<s>] [-- --no-idle-output] [-- --profile | --trace]
 *
 * Passings/s a real hub takes from a push feed while a live output (canvas renderer, 1080p, the race clock and a
 * leaderboard of the race on air, redrawn at every passing) keeps its frame rate. A mass race of `runners`
 * entrants (default 40,000, issue #13's mass race) × `points` timing points (default 8) is pushed in race order
 * (by time from the gun, as the timing sees runners pass) in batches of `batch` passings by `senders` clients at
 * once, paced at `rate` passings/s (default 800: the whole race played at a race-day burst rate, so a 5-hour race
 * of 320,000 passings, 18/s on average and several hundred/s as the pack passes, becomes 400 s of bursts; 0 is flat
 * out). The output's frame intervals are recorded for the same window and for a quiet window before it, and so are
 * two baselines' in the same Chromium at the same time, which the feed cannot make miss a frame: a bare page moving
 * a square each frame (the machine and the compositor), and the same output with the same graphics on air on a
 * second hub whose feed sends nothing after its first passings (the output's own drawing); the product's missed
 * frames are printed beside theirs, with how many of its gaps fell at the same moment as one of theirs
 * (--no-idle-output leaves the second hub out). Beside them: the hub's save time as a command sees it (a small command sent every
 * 200 ms during the ingest, acknowledged once saved), the size of the snapshots a page receives, the hub's memory
 * (through its inspector: every 2 s during the ingest, then after a full GC once all passings are stored), and what is on disk at the end (show file, passings log). A hub that refuses the race (its caps) stops the run
 * there and says so. --compare runs another checkout's hub and build the same way, alternately with this one
 * (this one first, then it, `--rounds` times).
 */
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const runners = arg('runners', 40_000);
const pointCount = arg('points', 8);
const batch = arg('batch', 250);
const senders = arg('senders', 2);
const rate = arg('rate', 800);
/** --profile: a CPU profile of the output page during the ingest, by function (inclusive) and by file (self); build with `npx vite build --minify false` to read names. */
const profiling = process.argv.includes('--profile');
/** --trace: a Chrome trace of the output page during the ingest; prints each gap between its frames over 20 ms and what ran in it (bench/longTasks.ts). */
const tracing = process.argv.includes('--trace');
const POINTS = Array.from({ length: pointCount }, (_, i) => ({ metres: Math.round(((i + 1) * 42_195) / pointCount), label: `P${i + 1}` }));

const compare = process.argv.find((a) => a.startsWith('--compare='))?.split('=')[1];
const rounds = arg('rounds', 1);
/** The same output on a second hub with nothing arriving, as a baseline (on unless --no-idle-output). */
const idleOutput = !process.argv.includes('--no-idle-output');
/** Seconds the hub is kept on after the ingest, commands only, its memory sampled (does it grow with time?). */
const hold = arg('hold', 30);

async function main() {
  for (let round = 0; round < rounds; round++) {
    await measure('this checkout');
    if (compare) await measure(`--compare ${compare}`, resolve(compare));
  }
}

async function measure(label: string, root?: string) {
  console.log(`\n[${label}] load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const hub = await startHub({ ...(root ? { root } : {}), env: INSPECTED_HUB_ENV });
  const idleHub = idleOutput ? await startHub(root ? { root } : {}) : null;
  const { browser, context, page } = await launchBenchBrowser(1920);
  const memory = await hubMemory(hub);
  try {
    try {
      await Promise.all([setUp(hub), idleHub && setUp(idleHub).then(() => firstPassings(idleHub))]);
    } catch (error) {
      console.log(`  STOPPED at set-up: ${(error as Error).message.slice(0, 300)}`);
      return;
    }
    const openOutput = async (output: typeof page, at: HubProcess) => {
      await output.goto(`${at.url}/output.html?renderer=canvas`);
      await output.waitForFunction(() => window.finishline?.receivedRevision() != null, null, { timeout: 30_000 });
      await recordFrames(output);
    };
    await openOutput(page, hub);
    const bare = await pageOfItsOwn(browser);
    await openBarePage(bare);
    const idle = idleHub ? await pageOfItsOwn(browser) : null;
    if (idle) await openOutput(idle, idleHub!);
    const pages = [page, bare, ...(idle ? [idle] : [])];
    const baselines = (stamps: number[][]) => [{ label: 'bare page', stamps: stamps[1]! }, ...(idle ? [{ label: 'idle output', stamps: stamps[2]! }] : [])];
    await page.waitForTimeout(2000);
    // The page's main-thread task time: less swayed by other load on the machine than missed frames are.
    const session = await context.newCDPSession(page);
    await session.send('Performance.enable');
    const busyBefore = await mainThreadSeconds(session);
    const quietStamps = await framesOf(pages, () => new Promise((resolve) => setTimeout(resolve, 5000)));
    const quiet = intervalsOf(quietStamps[0]!);
    const busyQuiet = (await mainThreadSeconds(session)) - busyBefore;
    const revisionBefore = (await page.evaluate(() => window.finishline!.receivedRevision()))!;

    // Paces from 3:00 to 6:00 a km, every runner steady: in race order the leaders pass each point first.
    const passings = POINTS.flatMap((point) =>
      Array.from({ length: runners }, (_, i) => ({ bib: String(i + 1), metres: point.metres, elapsedMs: Math.round(point.metres * (180 + (i * 180) / runners)) })),
    ).sort((a, b) => a.elapsedMs - b.elapsedMs);
    const batches: (typeof passings)[] = [];
    for (let i = 0; i < passings.length; i += batch) batches.push(passings.slice(i, i + batch));
    let sent = 0;
    let capped = null as string | null;
    let markWallMs = 0;
    if (profiling) {
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 200 });
      await session.send('Profiler.start');
    }
    if (tracing) {
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      markWallMs = await page.evaluate(() => performance.timeOrigin + performance.mark('bench:product-page').startTime);
    }
    const snapshots = await snapshotSizes(hub);
    const probe = probeSaves(hub);
    const started = Date.now();
    memory.sample(() => `${sent} passings sent`);
    const loadedStamps = await framesOf(pages, async () => {
      await Promise.all(
        Array.from({ length: senders }, async () => {
          for (let next = batches.shift(); next; next = batches.shift()) {
            if (rate > 0) {
              const due = started + ((sent + next.length) / rate) * 1000;
              if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
            }
            if (capped) return;
            const response = await fetch(`${hub.url}/api/feeds/bench/passings`, { method: 'POST', headers: { authorization: `Bearer ${hub.token}` }, body: JSON.stringify({ passings: next }) });
            if (response.status !== 200) throw new Error(`push refused: ${response.status} ${await response.text()}`);
            sent += next.length;
            capped ??= (await feedErrors(hub))[0] ?? null;
          }
        }),
      );
      // Accepted by the feed is not yet stored: wait until the hub has saved them all.
      for (;;) {
        const feed = ((await (await fetch(`${hub.url}/api/feeds`)).json()) as { feeds: { id: string; delivered: number; errors: unknown[] }[] }).feeds.find((f) => f.id === 'bench')!;
        if (feed.delivered >= passings.length) break;
        if (feed.errors.length > 0) {
          capped ??= JSON.stringify(feed.errors[0]);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    const loaded = intervalsOf(loadedStamps[0]!);
    const seconds = (Date.now() - started) / 1000;
    memory.stopSampling();
    const saves = await probe.stop();
    const received = snapshots.stop();
    if (profiling) report(((await session.send('Profiler.stop')) as { profile: Profile }).profile);
    const traced = tracing ? await browser.stopTracing() : null;
    const busyLoaded = (await mainThreadSeconds(session)) - busyBefore - busyQuiet;
    const revisions = (await page.evaluate(() => window.finishline!.receivedRevision()))! - revisionBefore;
    const stored = ((await hub.state()).races as { id: string; passings?: unknown[] }[]).find((r) => r.id === 'mass')!.passings?.length ?? 0;
    const { outputs } = (await (await fetch(`${hub.url}/api/outputs`)).json()) as { outputs: { report: { fps: number; droppedFrames: number } | null }[] };
    console.log(`  load average at the end of the ingest ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`Feed ingest: ${sent} passings of ${passings.length} (${runners} runners x ${POINTS.length} points, in race order) in batches of ${batch} from ${senders} senders${rate > 0 ? `, paced at ${rate}/s` : ', flat out'}`);
    if (capped) console.log(`  STOPPED: the hub refused passings (its cap): ${capped.slice(0, 300)}`);
    console.log(`  hub memory: ${hubRss(hub)}; during the ingest (by time):`);
    for (const line of memoryLines(memory.samples)) console.log(line);
    const held = await memory.afterGc();
    console.log(`  hub memory with all passings stored, after a full GC: RSS ${mb(held.rss)}, heap ${mb(held.heapUsed)} used of ${mb(held.heapTotal)}, external ${mb(held.external)}`);
    if (hold > 0) {
      // Time without passings: commands still saved and published (the probe's), the race as it is.
      memory.samples.length = 0;
      memory.sample(() => 'holding, commands only');
      const holding = probeSaves(hub);
      await new Promise((resolve) => setTimeout(resolve, hold * 1000));
      const commands = (await holding.stop()).length;
      memory.stopSampling();
      const [first, last] = [memory.samples[0], memory.samples.at(-1)];
      const after = await memory.afterGc();
      if (first && last) console.log(`  hub memory over ${hold} s more with no passings (${commands} commands saved): RSS ${mb(first.usage.rss)} → ${mb(last.usage.rss)}, heap used ${mb(first.usage.heapUsed)} → ${mb(last.usage.heapUsed)}; then after a full GC: RSS ${mb(after.rss)}, heap ${mb(after.heapUsed)}; peak RSS ${mb(memory.peakRss())}`);
    }
    console.log(`  stored ${stored} in ${seconds.toFixed(1)} s: ${Math.round(stored / seconds)} passings/s`);
    console.log(`  output (canvas, leaderboard + clock on air) quiet:  ${describe(quiet)}`);
    console.log(`  output during ingest:                              ${describe(loaded)}`);
    console.log(`  bare page (a square moved each frame), same time:  ${describe(intervalsOf(loadedStamps[1]!))}`);
    if (idle) console.log(`  idle output (same graphics, nothing arriving):     ${describe(intervalsOf(loadedStamps[2]!))}`);
    console.log(`  quiet window, ${compareMissed({ label: 'output', stamps: quietStamps[0]! }, baselines(quietStamps))}`);
    console.log(`  ingest window, ${compareMissed({ label: 'output', stamps: loadedStamps[0]! }, baselines(loadedStamps))}`);
    console.log(`  output main thread busy: quiet ${((busyQuiet / 5) * 100).toFixed(1)} % of the time; during ingest ${((busyLoaded / seconds) * 100).toFixed(1)} % (${Math.round(busyLoaded * 1000)} ms over ${revisions} revisions on to the last received)`);
    console.log(`  output's own report: ${JSON.stringify(outputs[0]?.report ?? null)}`);
    const saved = percentiles(saves);
    console.log(`  save as a command sees it (${saves.length} commands during the ingest): p50 ${saved.p50} / p95 ${saved.p95} / max ${saved.max} ms`);
    const snap = percentiles(received);
    console.log(`  snapshots a page received: ${received.length}, p50 ${(snap.p50 / 1024).toFixed(0)} kB / max ${(snap.max / 1024).toFixed(0)} kB; ${(received.reduce((a, b) => a + b, 0) / 1e6).toFixed(1)} MB in all`);
    const size = (path: string) => { try { return `${(statSync(path).size / 1024).toFixed(0)} kB`; } catch { return 'none'; } };
    if (traced) {
      const saved = `${hub.dataDir}/trace.json`;
      writeFileSync(saved, traced);
      console.log(`  trace of ${(traced.length / 1e6).toFixed(0)} MB (all three pages' renderers; the output's read), saved as ${saved} (npx tsx bench/longTasks.ts ${saved} 29 bench:product-page):`);
      try {
        const bareGaps = missingGaps(loadedStamps[1]!);
        // rAF's stamps are the frames' start times, the trace's the callbacks' run: 4 ms of slack either side.
        const missedToo = (start: number, end: number) => bareGaps.some(([a, b]) => a < end + 4 && b > start - 4);
        // Gaps that miss a 50p frame (30 ms and more, as missed50p counts them), with a millisecond of slack.
        console.log(longTasks(traced, 29, 'bench:product-page', { label: 'bare page', markWallMs, missedToo }));
      } catch (error) {
        console.log(`  (the trace could not be read: ${(error as Error).message.slice(0, 200)}; a shorter run, e.g. --runners=10000, gives one that can)`);
      }
    }
    console.log(`  on disk: show file ${size(hub.showFile)}, passings log ${size(`${hub.showFile}.passings.ndjson`)}`);
  } finally {
    memory.close();
    await browser.close();
    await hub.kill();
    await idleHub?.kill();
  }
}

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** Where the page's time went: each function's inclusive time (itself and what it called), and self time by file. */
function report(profile: Profile) {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<string, number>();
  const byFile = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const own = byId.get(id)!.callFrame;
    const file = own.url.replace(/^.*\//, '').replace(/\?.*$/, '') || own.functionName;
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
      const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\//, '')}:${lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  });
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `    ${ms.toFixed(0).padStart(6)} ms  ${k}`).join('\n');
  console.log(`  profile of ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s, inclusive by function:\n${top(inclusive, 45)}\n  self by file:\n${top(byFile, 12)}`);
}

function setUp(hub: HubProcess) {
  const entrants = Array.from({ length: runners }, (_, i) => ({ bib: String(i + 1), name: `Runner ${i + 1}`, country: 'GBR' }));
  return putMassRaceOnAir(hub, entrants, POINTS);
}

/** The first 2,000 passings of the race (its leaderboard full), stored: the idle output's hub sends nothing after them. */
async function firstPassings(hub: HubProcess) {
  const passings = Array.from({ length: 2000 }, (_, i) => ({ bib: String(i + 1), metres: POINTS[0]!.metres, elapsedMs: Math.round(POINTS[0]!.metres * (180 + (i * 180) / runners)) }));
  for (let i = 0; i < passings.length; i += batch) {
    const response = await fetch(`${hub.url}/api/feeds/bench/passings`, { method: 'POST', headers: { authorization: `Bearer ${hub.token}` }, body: JSON.stringify({ passings: passings.slice(i, i + batch) }) });
    if (response.status !== 200) throw new Error(`push refused: ${response.status} ${await response.text()}`);
  }
  for (;;) {
    const feed = ((await (await fetch(`${hub.url}/api/feeds`)).json()) as { feeds: { id: string; delivered: number }[] }).feeds.find((f) => f.id === 'bench')!;
    if (feed.delivered >= passings.length) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function feedErrors(hub: HubProcess): Promise<string[]> {
  const feeds = ((await (await fetch(`${hub.url}/api/feeds`)).json()) as { feeds: { id: string; errors: unknown[] }[] }).feeds;
  return (feeds.find((f) => f.id === 'bench')?.errors ?? []).map((e) => JSON.stringify(e));
}

/** The hub process's resident and peak memory (Linux), read from /proc. */
function hubRss(hub: HubProcess): string {
  try {
    const status = readFileSync(`/proc/${hub.pid}/status`, 'utf8');
    const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1] ?? 0);
    return `RSS ${(kb('VmRSS') / 1024).toFixed(0)} MB, peak ${(kb('VmHWM') / 1024).toFixed(0)} MB`;
  } catch {
    return 'unknown';
  }
}

/** The byte size of every snapshot a page (a WebSocket client) is sent, from now until stop. */
async function snapshotSizes(hub: HubProcess) {
  const sizes: number[] = [];
  const socket = new WebSocket(`${hub.url.replace('http', 'ws')}/ws`);
  await new Promise((resolveOpen, reject) => socket.once('open', resolveOpen).once('error', reject));
  socket.on('message', (data: Buffer) => {
    if (data.subarray(0, 20).toString().includes('"snapshot"')) sizes.push(data.length);
  });
  return { stop: () => (socket.close(), sizes.slice(1)) };
}

/** A small command (the race's feed splits set to approve, as they are) every 200 ms: its round trip is the hub's save time plus the queue. */
function probeSaves(hub: HubProcess) {
  const times: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const sent = performance.now();
      const result = await hub.post({ type: 'setFeedSplits', raceId: 'mass', feedSplits: 'approve' });
      if (result.status !== 200) throw new Error(`probe refused: ${JSON.stringify(result.body)}`);
      times.push(Math.round(performance.now() - sent));
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return times;
    },
  };
}

function describe(intervals: number[]): string {
  const p = percentiles(intervals);
  const seconds = intervals.reduce((a, b) => a + b, 0) / 1000;
  return `${Math.round(intervals.length / seconds)} fps, interval p50 ${p.p50} / p95 ${p.p95} / p99 ${p.p99} / max ${p.max} ms, ${intervals.filter((i) => i > 20).length} over 20 ms (missed 50p frames ${intervals.reduce((sum, i) => sum + Math.max(0, Math.round(i / 20) - 1), 0)}) over ${seconds.toFixed(1)} s`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
