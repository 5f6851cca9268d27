import { loadavg } from 'node:os';
import type { Race } from '../src/protocol/race';
import { changeRows } from '../src/state/passingIndex';

/**
 * node --expose-gc --import tsx bench/massRaceMemory.ts [--runners=40000] [--points=8] [--batch=250]
 *
 * The heap a mass race's passings and start list hold once all are in (what a hub must keep for the show, to set
 * bench:feed's hub memory beside): the rows added in race order in batches of `batch`, as the feed saves them,
 * through the passing index (the hub's own code), measured after full garbage collections.
 */
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const runners = arg('runners', 40_000);
const points = arg('points', 8);
const batch = arg('batch', 250);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc --import tsx bench/massRaceMemory.ts');
// A WeakRef's target is kept until the task that made or read it ends (the passing index holds each base array
// weakly): collect in a task of its own, as the hub's saves are.
const heap = async () => (await new Promise((resolve) => setImmediate(resolve)), gc(), gc(), process.memoryUsage().heapUsed);

const metres = Array.from({ length: points }, (_, p) => Math.round(((p + 1) * 42_195) / points));
const rows = metres
  .flatMap((m, p) => Array.from({ length: runners }, (_, i) => [String(i + 1), p, Math.round(m * (180 + (i * 180) / runners)), 0] as [string, number, number, number]))
  .sort((a, b) => a[2] - b[2]);
const before = await heap();
const entrants: Race['entrants'] = Array.from({ length: runners }, (_, i) => ({ bib: String(i + 1), name: `Runner ${i + 1}`, country: 'GBR' }));
const withEntrants = await heap();
let passings: NonNullable<Race['passings']> = [];
for (let i = 0; i < rows.length; i += batch) passings = changeRows(passings, rows.slice(i, i + batch).map((r) => [...r] as typeof r));
const after = await heap();
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`${runners} entrants: ${mb(withEntrants - before)} of heap; ${passings.length} passings with their index: ${mb(after - withEntrants)} (${((after - withEntrants) / passings.length).toFixed(0)} bytes each); process heap ${mb(after)}, RSS ${mb(process.memoryUsage().rss)}`);
void entrants;
