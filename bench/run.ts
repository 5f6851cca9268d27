import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildPages } from '../scripts/buildPages';
import { startHub, type HubProcess } from '../test/harness/hubProcess';
import { BENCH_CASES, type BenchCase } from './cases';
import { measureLive, type LiveResult } from './measureLive';
import { measureSustained, type SustainedResult } from './measureSustained';
import { formatHubReport, measureHub } from './hubThroughput';
import { formatReport } from './report';
import { duringMeasurement, marathonScene } from './scene';

/**
 * npm run bench [-- --quick] [-- --only=<text>] [-- --window=<seconds>]
 *
 * Measures the output in headless Chromium at 1080p50 against a real hub: an empty page (the baseline, in the
 * same run), the empty stage and the marathon scene on each renderer in each output mode (frame intervals,
 * dropped frames, main-thread time per frame, renderer and GPU process CPU), and the deterministic renderer
 * flat out. Figures drift with machine load: read the ratios to the empty page, and repeat on a quiet machine.
 */
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const windowArg = args.find((a) => a.startsWith('--window='))?.slice('--window='.length);
const windowS = windowArg ? Number(windowArg) : quick ? 5 : 60;
const warmupS = quick ? 1 : 3;
const sustainedS = quick ? 3 : 20;
if (!Number.isFinite(windowS) || windowS <= 0) throw new Error(`--window must be a number of seconds, not "${windowArg}"`);

async function main() {
  const cases = BENCH_CASES.filter((c) => !only || c.name.includes(only));
  if (cases.length === 0) throw new Error(`--only=${only} matches no case; cases: ${BENCH_CASES.map((c) => c.name).join(', ')}`);
  console.log(`Building pages, then ${cases.length} cases, ${windowS} s each (${quick ? 'quick' : 'full'} run)...`);
  await buildPages();
  const hub = await startHub();
  const live: LiveResult[] = [];
  const sustained: SustainedResult[] = [];
  try {
    let sceneOnAir = false;
    for (const c of cases) {
      const revision = await prepare(hub, c, sceneOnAir);
      sceneOnAir = c.scene;
      process.stdout.write(`  ${c.name}... `);
      if (c.kind === 'live') {
        const during = c.scene && !c.still ? cycleCommands(hub) : (stopAt: number) => sleepUntil(stopAt);
        live.push(await measureLive(c, { hubUrl: hub.url, revision, warmupS, windowS, during }));
      } else {
        sustained.push(await measureSustained(c, { hubUrl: hub.url, revision, windowS: sustainedS }));
      }
      console.log('done');
    }
  } finally {
    await hub.kill();
  }
  const meta = { date: new Date().toISOString(), quick, windowS, sustainedS, warmupS, format: '1080p50', scene: marathonScene, duringMeasurement };
  process.stdout.write('  hub throughput... ');
  const hubResult = await measureHub(quick ? 2 : 5);
  console.log('done');
  const report = `${formatReport(live, sustained, meta)}\n\n${formatHubReport(hubResult)}`;
  console.log(`\n${report}`);
  const dir = resolve(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const stem = `${meta.date.replace(/[:.]/g, '-')}${quick ? '-quick' : ''}`;
  writeFileSync(resolve(dir, `${stem}.json`), `${JSON.stringify({ meta, live, sustained, hub: hubResult }, null, 2)}\n`);
  writeFileSync(resolve(dir, `${stem}.md`), `${report}\n`);
  console.log(`Written to bench/results/${stem}.json and .md`);
}

/** Puts the scene on air (or takes everything off) as the case needs; returns the show revision to wait for. */
async function prepare(hub: HubProcess, c: BenchCase, sceneOnAir: boolean): Promise<number> {
  if (c.scene && !sceneOnAir) {
    await send(hub, { type: 'clearAll' }, true);
    // A race the demo show has not started (no gun, no splits) has nothing to reset: the hub says so, which is fine.
    for (const command of marathonScene) await send(hub, command, command.type === 'resetRace');
  }
  if (!c.scene) await send(hub, { type: 'clearAll' }, true);
  return (await hub.state()).revision;
}

async function send(hub: HubProcess, command: unknown, mayBeEmpty = false) {
  const { status, body } = await hub.post(command);
  // clearAll on an empty show (or resetRace on an unstarted race) is refused as having nothing to do, which is fine here.
  if (status !== 200 && !(mayBeEmpty && status === 422)) throw new Error(`The hub refused a bench command (${status}): ${body.error}`);
}

// Counts across cases, so each case's first command changes what is on air (the same update twice is no change).
let nextDuring = 0;

/** Sends the during-measurement commands in turn until stopAt. */
function cycleCommands(hub: HubProcess) {
  return async (stopAt: number) => {
    while (Date.now() + duringMeasurement.everyMs <= stopAt) {
      await sleepUntil(Date.now() + duringMeasurement.everyMs);
      await send(hub, duringMeasurement.commands[nextDuring++ % duringMeasurement.commands.length]);
    }
    await sleepUntil(stopAt);
  };
}

function sleepUntil(at: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
}

main().catch((error: Error) => {
  console.error(`Benchmark failed: ${error.message}`);
  process.exit(1);
});
