import { readFileSync } from 'node:fs';
import { ShowState } from '../src/state/showState';
import { resolveLeaderboard } from '../src/graphics/leaderboard/leaderboardModel';
import { leaderboard } from '../src/protocol/kinds/leaderboard';
/** As src/render/loadFonts.ts (which imports the font CSS, so Node cannot load it). */
const charactersOf = (...values: unknown[]) => [...new Set(values.map((value) => JSON.stringify(value)).join(''))].join('');

/**
 * npx tsx bench/snapshotStages.ts <show.json>
 *
 * What each stage of an output's snapshot handling costs in Node (medians of 30): reading the message, checking
 * the show, scanning its characters for fonts, resolving a leaderboard of the race `mass` (the show bench:feed
 * leaves: save the hub's /api/state after a run).
 */
const file = process.argv[2];
if (!file) throw new Error('Give the show file to price: npx tsx bench/snapshotStages.ts <show.json>');
const text = JSON.stringify({ type: 'snapshot', revision: 1, state: JSON.parse(readFileSync(file, 'utf8')), hubTime: 0 });
const time = (label: string, run: () => unknown, n = 30) => {
  run();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    run();
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(30)} median ${ms[n >> 1]!.toFixed(2)} ms`);
};
console.log(`snapshot ${text.length} chars`);
time('JSON.parse', () => JSON.parse(text));
const raw = JSON.parse(text).state;
time('ShowState.safeParse', () => ShowState.safeParse(raw));
const show = ShowState.parse(raw);
time('charactersOf(show)', () => charactersOf(show));
const props = leaderboard.props.parse({ raceId: 'mass', top: 10 });
time('resolveLeaderboard', () => resolveLeaderboard(props, show));
import { PassingRows } from '../src/protocol/passing';
import { Race } from '../src/protocol/race';
const race = raw.races.find((r: { id: string }) => r.id === 'mass');
time('PassingRows.safeParse', () => PassingRows.safeParse(race.passings));
time('Race.safeParse (mass)', () => Race.safeParse(race));
