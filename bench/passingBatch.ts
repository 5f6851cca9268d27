import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { ShowState } from '../src/state/showState';

/**
 * npx tsx bench/passingBatch.ts [--runners=40000] [--points=8] [--batch=500] [--compare=<checkout>]
 *
 * What one feed batch costs the hub, in process, as a mass race fills up (`runners` × `points` passings in race
 * order, `batch` at a time): applying it (merge, feed splits), the show check after it, the passings log's lines
 * for it, and the page view of the result, each as p50 / p95 / max ms per band of the race's size. A batch costs
 * the same at 300,000 rows as at 30,000 when ingest is incremental. Each batch runs in its own task, as on the hub.
 * --compare runs another checkout's code (its src/ imported here) after this one's, on the same passings.
 */
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const runners = arg('runners', 40_000);
const pointCount = arg('points', 8);
const batch = arg('batch', 500);
const compare = process.argv.find((a) => a.startsWith('--compare='))?.split('=')[1];

async function codeOf(root: string) {
  const src = (path: string) => import(resolve(root, 'src', path));
  // Before the incremental check, the check lived in the hub.
  const check = existsSync(resolve(root, 'src/state/checkShow.ts')) ? await src('state/checkShow.ts') : await src('server/hub.ts');
  return {
    MAX_ENTRANTS: (await src('protocol/entrant.ts')).MAX_ENTRANTS as number,
    changes: (await src('server/passingLog.ts')).changes as (a: ShowState, b: ShowState) => unknown,
    applyCommand: (await src('state/applyCommand.ts')).applyCommand as typeof import('../src/state/applyCommand').applyCommand,
    checkShow: check.checkShow as (state: ShowState) => string | null,
    pageView: (await src('state/pageView.ts')).pageView as (state: ShowState) => ShowState,
    emptyShow: (await src('state/showState.ts')).emptyShow as (name: string) => ShowState,
  };
}

async function run({ MAX_ENTRANTS, changes, applyCommand, checkShow, pageView, emptyShow }: Awaited<ReturnType<typeof codeOf>>) {
if (runners > MAX_ENTRANTS) console.log(`NOTE: ${runners} runners is over this checkout's start-list cap of ${MAX_ENTRANTS}: the check refuses every batch (reading the whole start list each time)`);

const points = Array.from({ length: pointCount }, (_, i) => ({ metres: Math.round(((i + 1) * 42_195) / pointCount), label: `P${i + 1}` }));
let state: ShowState = {
  ...emptyShow('Mass'),
  races: [
    {
      id: 'mass', name: 'MASS', kind: 'mass', distanceM: 42_195, gunTime: 0, finishedAt: null, record: null, splits: [], feedSplits: 'direct', timingPoints: points,
      entrants: Array.from({ length: runners }, (_, i) => ({ bib: String(i + 1), name: `Runner ${i + 1}` })),
    },
  ],
};
const passings = points
  .flatMap((p) => Array.from({ length: runners }, (_, i) => ({ bib: String(i + 1), metres: p.metres, elapsedMs: Math.round(p.metres * (180 + (i * 180) / runners)), source: 'rr-live' })))
  .sort((a, b) => a.elapsedMs - b.elapsedMs);
const bands = 4;
const perBand = Math.ceil(passings.length / batch / bands);
const stages = ['apply', 'check', 'log', 'pageView'] as const;
let times: Record<(typeof stages)[number], number[]> = { apply: [], check: [], log: [], pageView: [] };
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${passings.length} passings in batches of ${batch}`);
checkShow(state);
for (let i = 0, n = 0; i < passings.length; i += batch, n++) {
  await new Promise((resolve) => setImmediate(resolve));
  const t0 = performance.now();
  const result = applyCommand(state, { type: 'recordPassings', raceId: 'mass', passings: passings.slice(i, i + batch) }, { now: 6 * 3_600_000 });
  if (!result.ok) {
    console.log(`  STOPPED at ${state.races[0]!.passings?.length ?? 0} rows: ${result.error}`);
    return;
  }
  const t1 = performance.now();
  checkShow(result.state);
  const t2 = performance.now();
  changes(state, result.state);
  const t3 = performance.now();
  pageView(result.state);
  const t4 = performance.now();
  times.apply.push(t1 - t0);
  times.check.push(t2 - t1);
  times.log.push(t3 - t2);
  times.pageView.push(t4 - t3);
  state = result.state;
  if ((n + 1) % perBand === 0 || i + batch >= passings.length) {
    const rows = state.races[0]!.passings!.length;
    const line = stages.map((stage) => {
      const sorted = times[stage].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
      return `${stage} ${at(0.5)}/${at(0.95)}/${sorted[sorted.length - 1]!.toFixed(1)}`;
    });
    console.log(`up to ${String(rows).padStart(6)} rows: ${line.join('  ')} ms (p50/p95/max)`);
    times = { apply: [], check: [], log: [], pageView: [] };
  }
}
console.log(`heap used at the end: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB (the race, its index, ${runners} entrants and the ${passings.length} passings sent)`);
}

for (const [label, root] of [['this checkout', resolve(import.meta.dirname, '..')], ...(compare ? [[`--compare ${compare}`, resolve(compare)]] : [])] as [string, string][]) {
  console.log(`\n[${label}]`);
  await run(await codeOf(root));
}
