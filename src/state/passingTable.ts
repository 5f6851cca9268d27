import { formatDistanceLabel, formatTime, joinsGroup, passingProblem, validateSplit, type TimedPassing } from '../core';
import { bibWithoutLeadingZeros, shownName, type Entrant } from '../protocol/entrant';
import { MAX_HELD, MAX_PASSINGS, type HeldPassing, type Passing, type PassingRow, type TimingPoint } from '../protocol/passing';
import type { Race, RaceSplit } from '../protocol/race';
import { changeRows, compareRows, pointStart, rowAt, rowKey, sortedRows } from './passingIndex';

/**
 * A race's passings: the compact rows the show stores (see PassingRow) read and written, merged with what a
 * feed sends (duplicates dropped, corrections replacing, implausible ones held) and turned into the race's
 * splits. Pure functions of the race and the hub's time.
 */

/** The timing point at a distance (within a metre: mile points are not whole metres), with its index. */
export function pointAt(race: Race, metres: number): { index: number; point: TimingPoint } | null {
  const points = race.timingPoints ?? [];
  const index = points.findIndex((p) => Math.abs(p.metres - metres) <= 1);
  return index < 0 ? null : { index, point: points[index]! };
}

/** The entrant with `bib` (a map per start list, kept by the list's identity: a feed asks for every passing). */
export function entrantOf(race: Race, bib: string): Entrant | undefined {
  if (!race.entrants) return undefined;
  let byBib = entrantMaps.get(race.entrants);
  if (!byBib) {
    byBib = new Map();
    for (const e of race.entrants) if (!byBib.has(e.bib)) byBib.set(e.bib, e);
    entrantMaps.set(race.entrants, byBib);
  }
  return byBib.get(bib);
}

/**
 * The start list's spelling of a bib: the bib itself when it is on the list, else the one entrant whose bib
 * differs only in case ("f1" for F1; timing systems and start lists disagree on case), else the one whose bib
 * differs only in case and leading zeros (a feed's {"bib": 1} or "1" for 001; a chip system drops the zeros a
 * printed list keeps), else the bib as sent, to be refused by name. Never a guess between two entrants.
 */
export function bibOnList(race: Race, bib: string): string {
  if (entrantOf(race, bib) || !race.entrants) return bib;
  let spellings = bibSpellings.get(race.entrants);
  if (!spellings) {
    spellings = { byLower: new Map(), byNumber: new Map() };
    for (const { bib: listed } of race.entrants) {
      for (const [map, key] of [
        [spellings.byLower, listed.toLowerCase()],
        [spellings.byNumber, bibWithoutLeadingZeros(listed.toLowerCase())],
      ] as const)
        map.set(key, map.has(key) ? null : listed);
    }
    bibSpellings.set(race.entrants, spellings);
  }
  const lower = bib.toLowerCase();
  if (spellings.byLower.has(lower)) return spellings.byLower.get(lower) ?? bib;
  return spellings.byNumber.get(bibWithoutLeadingZeros(lower)) ?? bib;
}

/** Per start list (by identity): a bib in lower case, and without its leading zeros, → its spelling, or null when two entrants share it. */
const bibSpellings = new WeakMap<readonly Entrant[], { byLower: Map<string, string | null>; byNumber: Map<string, string | null> }>();
const entrantMaps = new WeakMap<readonly Entrant[], Map<string, Entrant>>();

/** The stored passings as core reads them; only those at `points` when given (a leaderboard needs two points of sixteen). */
export function timedPassings(race: Race, points?: readonly number[]): TimedPassing[] {
  const out: TimedPassing[] = [];
  for (const [bib, point, elapsedMs] of race.passings ?? []) if (!points || points.includes(point)) out.push({ bib, point, elapsedMs });
  return out;
}

/** The furthest timing point anyone has reached (rows are stored in point order), or null before any passing. */
export function furthestPoint(race: Race): number | null {
  const rows = race.passings ?? [];
  return rows.length === 0 ? null : rows[rows.length - 1]![1];
}

/**
 * Why a passing can't be taken at all (not held: refused), or null: the race must know the bib and the
 * timing point. Feeds check every row with this before sending, so one bad row never stops the rest.
 */
export function passingRefusal(race: Race, passing: Pick<Passing, 'bib' | 'metres'>): string | null {
  if (!entrantOf(race, passing.bib)) return `bib ${passing.bib} is not on ${race.name}'s start list`;
  if (!pointAt(race, passing.metres)) {
    const points = race.timingPoints ?? [];
    const known = points.length === 0 ? 'it has no timing points yet' : `its timing points are ${points.map((p) => `${p.label} (${p.metres} m)`).join(', ')}`;
    return `${race.name} has no timing point at ${passing.metres} m: ${known}`;
  }
  return null;
}

/** What a batch did: passings stored (new or corrected), duplicates dropped, passings held for the operator. */
export type MergeCounts = { stored: number; duplicates: number; held: number };

/**
 * Merges a batch into the race. The same passing twice is one; a different time for the same athlete and point
 * is a correction and replaces the old one; each new time is checked (core passingProblem) against the
 * athlete's passings at the points before and after it and held with its reason when implausible. Rows stay
 * in point then time order however they arrive. Every passing must pass `passingRefusal` first.
 */
export function mergePassings(race: Race, batch: readonly Passing[], now: number): { race: Race; counts: MergeCounts } | string {
  const stored = race.passings ?? [];
  // This batch's rows by bib and point, over the stored ones (the index): a batch costs its own size, not the race's.
  const batchRows = new Map<string, PassingRow>();
  const rowOf = (bib: string, point: number) => batchRows.get(rowKey(bib, point)) ?? rowAt(stored, bib, point);
  let added = 0;
  const sources = [...(race.passingSources ?? [])];
  const held = new Map<string, HeldPassing>((race.held ?? []).map((h) => [`${h.bib}@${pointAt(race, h.metres)?.index}`, h]));
  const counts: MergeCounts = { stored: 0, duplicates: 0, held: 0 };
  // The clock on air stops when the winner finishes; the athletes behind keep running, so check against the running clock.
  const clockMs = race.gunTime === null ? null : now - race.gunTime;

  for (const passing of batch) {
    const refusal = passingRefusal(race, passing);
    if (refusal) return refusal;
    const { index, point } = pointAt(race, passing.metres)!;
    const key = rowKey(passing.bib, index);
    const existing = rowOf(passing.bib, index);
    if ((existing && existing[2] === passing.elapsedMs) || wasRejected(race, passing)) {
      counts.duplicates++;
      continue;
    }
    // Both neighbours the athlete already has (stored, or earlier in this batch): a passing out of order or a
    // correction must still fit between them.
    const previous = neighbourPassing(rowOf, race, passing.bib, index, -1);
    const next = neighbourPassing(rowOf, race, passing.bib, index, 1);
    const problem = passingProblem({ metres: point.metres, label: point.label, elapsedMs: passing.elapsedMs }, { kind: race.kind, clockMs, ...(previous ? { previous } : {}), ...(next ? { next } : {}) });
    if (problem) {
      const name = shownName(entrantOf(race, passing.bib)!);
      const heldPassing = { bib: passing.bib, metres: point.metres, elapsedMs: passing.elapsedMs, source: passing.source, reason: `${name} (${passing.bib}): ${problem}` };
      if (held.get(key)?.elapsedMs !== passing.elapsedMs) counts.held++;
      else counts.duplicates++;
      held.set(key, heldPassing);
      continue;
    }
    let source = sources.indexOf(passing.source);
    if (source < 0) source = sources.push(passing.source) - 1;
    if (!existing) added++;
    batchRows.set(key, [passing.bib, index, passing.elapsedMs, source]);
    held.delete(key);
    counts.stored++;
  }
  const size = stored.length + added;
  if (size > MAX_PASSINGS) return `${race.name} would hold ${size} passings, more than the ${MAX_PASSINGS} a race keeps; nothing of this batch was stored`;
  if (held.size > MAX_HELD) return `${race.name} already has ${race.held?.length ?? 0} passings waiting for the operator; accept or reject some before more can be held`;
  if (sources.length > 16) return `${race.name} has passings from 16 sources already; this batch names a 17th`;
  const passings = batchRows.size === 0 ? stored : changeRows(stored, [...batchRows.values()]);
  const next: Race = { ...race, passings, passingSources: sources, held: [...held.values()] };
  return { race: next, counts };
}

/** The athlete's passing at the nearest point before (`step` -1) or after (1) `index`, as plausibility reads it. */
function neighbourPassing(rowOf: (bib: string, point: number) => PassingRow | undefined, race: Race, bib: string, index: number, step: -1 | 1) {
  const points = race.timingPoints!;
  for (let i = index + step; i >= 0 && i < points.length; i += step) {
    const row = rowOf(bib, i);
    if (row) return { metres: points[i]!.metres, label: points[i]!.label, elapsedMs: row[2] };
  }
  return undefined;
}

/** Sorts rows in place into stored order (point, time, bib): for a whole new set (re-indexed points, a log read on start). */
export function sortRows(rows: PassingRow[]): PassingRow[] {
  return rows.sort(compareRows);
}

/**
 * The race's split at each timing point from its passings: the leader's time and the leading group's names (as
 * core's leaderSplits gives them), read off the start of each point's run of sorted rows: O(points × log n).
 */
export function feedSplits(race: Race): RaceSplit[] {
  const points = race.timingPoints ?? [];
  const rows = sortedRows(race.passings ?? []);
  const splits: RaceSplit[] = [];
  for (let start = 0; start < rows.length; start = pointStart(rows, rows[start]![1] + 1)) {
    const point = rows[start]![1];
    const leaders: string[] = [];
    for (let i = start; i < rows.length && rows[i]![1] === point && leaders.length < MAX_LEADERS; i++) {
      if (i > start && !joinsGroup(rows[start]![2], rows[i - 1]![2], rows[i]![2])) break;
      leaders.push(rows[i]![0]);
    }
    splits.push({
      metres: points[point]!.metres,
      label: points[point]!.label || formatDistanceLabel(points[point]!.metres, race.distanceM),
      elapsedMs: rows[start]![2],
      leaders: leaders.map((bib) => {
        const entrant = entrantOf(race, bib);
        return (entrant ? (entrant.displayName ?? surname(entrant.name)) : bib).slice(0, 40);
      }),
    });
  }
  return splits;
}
const MAX_LEADERS = 8;

function surname(name: string): string {
  const words = name.trim().split(/\s+/);
  return words[words.length - 1]!;
}

/**
 * The race's splits with feed splits put in (replacing a typed split at the same point): only `metres` when
 * given (an approval), else every feed split. A feed split that would break course order (an accepted 0:00:00.9 at
 * 10K) is left out, and the split it would have replaced stays: a banner on air may be showing it.
 */
export function withFeedSplits(race: Race, onlyMetres?: number): Race {
  const wanted = feedSplits(race).filter((s) => onlyMetres === undefined || Math.abs(s.metres - onlyMetres) <= 1);
  if (wanted.length === 0) return race;
  const merged = [...race.splits.filter((s) => !wanted.some((w) => Math.abs(w.metres - s.metres) <= 1)), ...wanted].sort((a, b) => a.metres - b.metres);
  const kept: RaceSplit[] = [];
  for (const split of merged) {
    const typed = !wanted.includes(split);
    if (typed || validateSplit(split, kept, race.distanceM).ok) kept.push(split);
    else {
      const before = race.splits.find((s) => Math.abs(s.metres - split.metres) <= 1);
      if (before) kept.push(before);
    }
  }
  const same = kept.length === race.splits.length && kept.every((s, i) => JSON.stringify(s) === JSON.stringify(race.splits[i]));
  return same ? race : { ...race, splits: kept };
}

/**
 * Whether the race already has this passing (the same athlete, point and time, stored, held or rejected by the operator): a feed sending it
 * again changes nothing, so it need not become a command (a revision, a save, a snapshot to every output).
 */
export function alreadyRecorded(race: Race, passing: { bib: string; metres: number; elapsedMs: number }): boolean {
  const point = pointAt(race, passing.metres);
  if (!point) return false;
  if (rowAt(race.passings ?? [], passing.bib, point.index)?.[2] === passing.elapsedMs) return true;
  return wasRejected(race, passing) || (race.held ?? []).some((h) => h.bib === passing.bib && Math.abs(h.metres - passing.metres) <= 1 && h.elapsedMs === passing.elapsedMs);
}

/** "Kipchoge (1) at 10K, 28:37 (from rr-live)": a stored passing in words (the as-run log's record of one removed), or null when there is none. */
export function describePassing(race: Race, bib: string, metres: number): string | null {
  const at = pointAt(race, metres);
  const row = at && rowAt(race.passings ?? [], bib, at.index);
  if (!at || !row) return null;
  const entrant = entrantOf(race, bib);
  const source = race.passingSources?.[row[3]];
  return `${entrant ? shownName(entrant) : 'Bib'} (${bib}) at ${at.point.label}, ${formatTime(row[2])}${source ? ` (from ${source})` : ''}`;
}

/** Whether the operator rejected this very passing (same athlete, point and time) when it was held. */
function wasRejected(race: Race, passing: { bib: string; metres: number; elapsedMs: number }): boolean {
  return (race.rejected ?? []).some((r) => r.bib === passing.bib && Math.abs(r.metres - passing.metres) <= 1 && r.elapsedMs === passing.elapsedMs);
}

