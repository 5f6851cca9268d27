import { DEFAULT_GROUP_GAP_MS } from '../core';
import type { GraphicSpec } from '../protocol/graphicSpec';
import type { Entrant } from '../protocol/entrant';
import type { PassingRow } from '../protocol/passing';
import type { Race } from '../protocol/race';
import { entrantRefOf, LISTED_BIBS } from './entrantReferences';
import { compareRows, lowerBound, pointStart, rowAt, sortedRows } from './passingIndex';
import type { ShowState } from './showState';

/**
 * What pages (outputs, panels) get of the show: every race whole, except that a race with many passings (a mass
 * start) carries only the passings graphics and panels draw from, chosen so they draw exactly what the whole set
 * would give them. Per timing point: the first `first` athletes (at least VIEW_FIRST, and the furthest page of any
 * leaderboard named on air or in the rundown), then enough more for the places at that point of the athletes first
 * at the next one (place changes), and at the furthest point and the one before (the gap graphic's) for the leading
 * and chasing groups (up to MAX_GROUP_ROWS: a mass start's bunch, 1000 rows a point, was most of a snapshot); and
 * every passing of each athlete named on air, in the rundown or held. An athlete's place wherever the rows kept do
 * not give it (a result card of a runner far back) is counted here over the whole set, in `places`.
 *
 * A race with many entrants (a mass start's start list) carries only the entrants pages resolve by bib: those of
 * the passings it carries, those named on air, in the rundown or held, and the first few (a refusal names them),
 * with the whole list's length in `entrantCount`. The panel finds the others through GET /api/races/:id/entrants.
 */

/** A race with at most this many passings goes to pages whole (every elite race does). */
export const VIEW_WHOLE = 2000;
/** The athletes kept at each timing point, at least: more than a leaderboard's first pages. */
export const VIEW_FIRST = 100;
/**
 * The leading and chasing groups are kept whole up to this many athletes at a point. In a mass start a group
 * (athletes within 3 s of the one in front) can be the whole field; the gap graphic then counts this many.
 */
export const MAX_GROUP_ROWS = 1000;
/** A race with at most this many entrants goes to pages with its whole start list (every elite race does). */
export const VIEW_WHOLE_ENTRANTS = 2000;

const trimmed = (race: Race) => (race.passings?.length ?? 0) > VIEW_WHOLE || (race.entrants?.length ?? 0) > VIEW_WHOLE_ENTRANTS;

export function pageView(show: ShowState): ShowState {
  if (!show.races.some(trimmed)) return show;
  const graphics: GraphicSpec[] = [...Object.values(show.onAir).map((g) => g!.graphic), ...show.rundown.map((item) => item.graphic)];
  return { ...show, races: show.races.map((race) => (trimmed(race) ? raceView(race, graphics) : race)) };
}

function raceView(race: Race, graphics: readonly GraphicSpec[]): Race {
  const named = new Set((race.held ?? []).map((h) => h.bib));
  let first = VIEW_FIRST;
  for (const graphic of graphics) {
    const ref = entrantRefOf(graphic);
    if (ref?.raceId === race.id) named.add(ref.bib);
    if (graphic.kind === 'leaderboard' && graphic.props.raceId === race.id) first = Math.max(first, graphic.props.page * graphic.props.top);
  }
  const view = (race.passings?.length ?? 0) > VIEW_WHOLE ? passingsView(race, named, first) : race;
  return (race.entrants?.length ?? 0) > VIEW_WHOLE_ENTRANTS ? entrantsView(view, named) : view;
}

/** The entrants a page resolves by bib, in start-list order, and how many there are in all. */
function entrantsView(race: Race, named: ReadonlySet<string>): Race {
  const all = race.entrants!;
  const wanted = new Set(named);
  for (const row of race.passings ?? []) wanted.add(row[0]);
  const entrants: Entrant[] = [];
  for (let i = 0; i < all.length; i++) if (i < LISTED_BIBS || wanted.has(all[i]!.bib)) entrants.push(all[i]!);
  return { ...race, entrants, entrantCount: all.length };
}

function passingsView(race: Race, named: Set<string>, first: number): Race {
  // Rows are stored in point, then time, then bib order: each point's standings are one run of them, found by
  // binary search, and a named athlete's row by the passing index, so a view costs what it keeps, not the race.
  const rows = sortedRows(race.passings!);
  const runs = new Map<number, [start: number, end: number]>();
  for (let start = 0; start < rows.length; ) {
    const point = rows[start]![1];
    const end = pointStart(rows, point + 1);
    runs.set(point, [start, end]);
    start = end;
  }
  const keep = new Set<PassingRow>();
  const places: [string, number, number][] = [];
  // The gap graphic reads the groups at the furthest point and the one before (its trend) only.
  const furthest = rows[rows.length - 1]![1];
  for (const [point, [start, end]] of runs) {
    let kept = Math.min(end, start + first);
    // Scanned no further than the cap: a mass start's one group can be the whole field.
    if (point >= furthest - 1) kept = Math.max(kept, groupsEnd(rows, start, Math.min(end, start + MAX_GROUP_ROWS)));
    const next = runs.get(point + 1);
    if (next) kept = Math.max(kept, coveringEnd(rows, start, end, rows.slice(next[0], Math.min(next[1], next[0] + first)).map((r) => r[0])));
    for (let i = start; i < kept; i++) keep.add(rows[i]!);
    for (const bib of named) {
      const row = rowAt(race.passings!, bib, point);
      if (!row) continue;
      keep.add(row);
      // Athletes with the same time share the place of the first of them.
      if (lowerBound(rows, row) >= kept) places.push([bib, point, timeStart(rows, start, end, row[2]) - start + 1]);
    }
  }
  const passings: PassingRow[] = [...keep].sort(compareRows);
  return { ...race, passings, places };
}

/** The first index in rows[start, end) (one point's run) whose time is `ms` or later. */
function timeStart(rows: readonly PassingRow[], start: number, end: number, ms: number): number {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]![2] < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where the third group starts in a run (or its end): the leading and chasing groups are the rows before it. */
function groupsEnd(rows: readonly PassingRow[], start: number, end: number): number {
  let group = 1;
  for (let i = start + 1; i < end; i++) if (rows[i]![2] - rows[i - 1]![2] > DEFAULT_GROUP_GAP_MS && ++group === 3) return i;
  return end;
}

/** The end of the shortest start of a run holding every one of `bibs` the run has (their places there are then counted right). */
function coveringEnd(rows: readonly PassingRow[], start: number, end: number, bibs: readonly string[]): number {
  const wanted = new Set(bibs);
  let last = start;
  for (let i = start; i < end && wanted.size > 0; i++) if (wanted.delete(rows[i]![0])) last = i + 1;
  return last;
}
