import { joinsGroup } from '../core';
import type { GraphicSpec } from '../protocol/graphicSpec';
import type { Entrant } from '../protocol/entrant';
import type { PassingRow } from '../protocol/passing';
import type { Race } from '../protocol/race';
import { entrantRefOf, LISTED_BIBS } from './entrantReferences';
import { GROUP_NAMED } from './raceGroups';
import { compareRows, lowerBound, pointStart, rowAt, sortedRows } from './passingIndex';
import type { ShowState } from './showState';

/**
 * What pages (outputs, panels) get of the show: every race whole, except that a race with many passings (a mass
 * start) carries only the passings graphics and panels draw from, chosen so they draw exactly what the whole set
 * would give them. Per timing point: the first `first` athletes (at least VIEW_FIRST, and the furthest page of any
 * leaderboard named on air or in the rundown), then enough more for the places at that point of the athletes first
 * at the next one (place changes); at the furthest point and the one before (the gap graphic's) the first
 * GROUP_NAMED of the leading and chasing groups; and every passing of each athlete named on air, in the rundown or
 * held. What the rows kept do not give is counted here over the whole set: an athlete's place (a result card of a
 * runner far back) in `places`, the groups' sizes (a mass start's bunch can be the whole field) in `groups`.
 *
 * A race with many entrants (a mass start's start list) carries only the entrants pages resolve by bib: those whose
 * names pages draw from the passings it carries (see passingsView: such a race's passings are trimmed however few),
 * those named on air, in the rundown or held, and the first few (a refusal names them), with the whole list's
 * length in `entrantCount`. The panel finds the others through GET /api/races/:id/entrants.
 */

/** A race with at most this many passings goes to pages whole (every elite race does), unless its start list is a mass start's. */
export const VIEW_WHOLE = 2000;
/** The athletes kept at each timing point, at least: more than a leaderboard's first pages. */
export const VIEW_FIRST = 100;
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
  const massStartList = (race.entrants?.length ?? 0) > VIEW_WHOLE_ENTRANTS;
  // A mass start's first passings are trimmed too (their names are what weighs: up to VIEW_WHOLE entrants a snapshot).
  if (!race.passings?.length) return massStartList ? entrantsView(race, [named]) : race;
  const { view, drawn } = passingsView(race, named, first);
  return massStartList ? entrantsView(view, [named, drawn]) : view;
}

/** The entrants a page resolves by bib (`wanted`, and the first few: a refusal lists them), in start-list order, and how many there are in all. */
function entrantsView(race: Race, wanted: readonly Iterable<string>[]): Race {
  const all = race.entrants!;
  const bibs = new Set<string>();
  for (const list of wanted) for (const bib of list) bibs.add(bib);
  const entrants: Entrant[] = [];
  for (let i = 0; i < all.length; i++) if (i < LISTED_BIBS || bibs.has(all[i]!.bib)) entrants.push(all[i]!);
  return { ...race, entrants, entrantCount: all.length };
}

/**
 * The passings kept, and the athletes whose names pages draw from them: each point's first `first` (leaderboard
 * pages, the panel's standings, feed splits' leaders) and the first GROUP_NAMED of the leading and chasing groups
 * where the gap graphic reads them. The rows kept beyond those only give places, so their athletes' entrants are
 * not sent.
 */
function passingsView(race: Race, named: Set<string>, first: number): { view: Race; drawn: Set<string> } {
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
  const drawn = new Set<string>();
  const places: [string, number, number][] = [];
  const groups: NonNullable<Race['groups']> = [];
  // The gap graphic reads the groups at the furthest point and the one before (while the chasers are not yet at the furthest) only.
  const furthest = rows[rows.length - 1]![1];
  for (const [point, [start, end]] of runs) {
    let kept = Math.min(end, start + first);
    for (let i = start; i < kept; i++) drawn.add(rows[i]![0]);
    if (point >= furthest - 1) {
      // A mass start's leading group can be the whole field: its size goes to pages, and the first rows of each group.
      const [chasers, third] = groupStarts(rows, start, end);
      groups.push([point, chasers - start, third - chasers, chasers < end ? rows[chasers]![2] : 0, end - start]);
      for (const from of [start, chasers]) for (let i = from; i < Math.min(from + GROUP_NAMED, third); i++) keep.add(rows[i]!), drawn.add(rows[i]![0]);
      // The trend is the gap between the first of each group against the point before.
      for (const from of [start, chasers]) {
        const before = from < end && point > 0 ? rowAt(race.passings!, rows[from]![0], point - 1) : undefined;
        if (before) keep.add(before);
      }
    }
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
  return { view: { ...race, passings, places, groups }, drawn };
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

/** Where the second and third groups start in a run (or its end, when there is none). */
function groupStarts(rows: readonly PassingRow[], start: number, end: number): [chasers: number, third: number] {
  let chasers = end;
  let first = start;
  for (let i = start + 1; i < end; i++) {
    if (joinsGroup(rows[first]![2], rows[i - 1]![2], rows[i]![2])) continue;
    if (chasers < end) return [chasers, i];
    chasers = i;
    first = i;
  }
  return [chasers, end];
}

/** The end of the shortest start of a run holding every one of `bibs` the run has (their places there are then counted right). */
function coveringEnd(rows: readonly PassingRow[], start: number, end: number, bibs: readonly string[]): number {
  const wanted = new Set(bibs);
  let last = start;
  for (let i = start; i < end && wanted.size > 0; i++) if (wanted.delete(rows[i]![0])) last = i + 1;
  return last;
}
