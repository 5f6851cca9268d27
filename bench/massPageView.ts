import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Race } from '../src/protocol/race';
import { changeRows } from '../src/state/passingIndex';
import { pageView } from '../src/state/pageView';
import { emptyShow, type ShowState } from '../src/state/showState';

/**
 * npx tsx bench/massPageView.ts [--runners=40000] [--points=8] [--out=/tmp/mass-view.json]
 *
 * What a page gets of a finished mass race (`runners` × `points` passings, 320,000 by default) and what it costs:
 * the hub's pageView per change (medians of 15), the passings and bytes of the view against the whole race, and the
 * view written to `--out` for `npx tsx bench/snapshotStages.ts <file>` (an output's per-snapshot stages). The
 * race is built in this process with the passing index (the hub's own code), not through a hub.
 */
const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const runners = Number(arg('runners', '40000'));
const points = Number(arg('points', '8'));
const out = arg('out', '/tmp/mass-view.json');

const timingPoints = Array.from({ length: points }, (_, i) => ({ metres: Math.round(((i + 1) * 42_195) / points), label: `P${i + 1}` }));
let passings: NonNullable<Race['passings']> = [];
for (let p = 0; p < points; p++) {
  passings = changeRows(passings, Array.from({ length: runners }, (_, i) => [String(i + 1), p, Math.round(timingPoints[p]!.metres * (180 + (i * 180) / runners)), 0]));
}
const race: Race = {
  id: 'mass',
  name: 'MASS',
  kind: 'mass',
  distanceM: 42_195,
  gunTime: 0,
  finishedAt: null,
  record: null,
  splits: [],
  entrants: Array.from({ length: runners }, (_, i) => ({ bib: String(i + 1), name: `Runner ${i + 1}`, country: 'GBR' })),
  timingPoints,
  passings,
  passingSources: ['rr-live'],
};
const show: ShowState = {
  ...emptyShow('Mass'),
  races: [race],
  onAir: { centre: { id: 'lb', layer: 'centre', graphic: { kind: 'leaderboard', props: { raceId: 'mass', top: 10, page: 1 } } as never, takenAt: 0, updatedAt: 0 } },
};

const ms: number[] = [];
let view = pageView(show);
for (let i = 0; i < 15; i++) {
  const start = performance.now();
  view = pageView({ ...show, revision: i });
  ms.push(performance.now() - start);
}
ms.sort((a, b) => a - b);
const viewRace = view.races[0]!;
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`race: ${passings.length} passings (${(bytes(passings) / 1e6).toFixed(1)} MB as JSON), ${runners} entrants (${(bytes(race.entrants) / 1e6).toFixed(1)} MB)`);
console.log(`pageView on the hub, per change: median ${ms[7]!.toFixed(1)} ms, max ${ms[14]!.toFixed(1)} ms`);
console.log(`page view: ${viewRace.passings!.length} passings (${(bytes(viewRace.passings) / 1e3).toFixed(0)} kB), ${viewRace.places?.length ?? 0} places, ${viewRace.entrants?.length ?? 0} entrants (${(bytes(viewRace.entrants) / 1e6).toFixed(2)} MB); whole view ${(bytes(view) / 1e6).toFixed(2)} MB`);
writeFileSync(out, JSON.stringify(view));
console.log(`view written to ${out} (${(bytes(view) / 1e3).toFixed(0)} kB): npx tsx bench/snapshotStages.ts ${out}`);
