import type { PassingRow } from '../protocol/passing';

/**
 * A race's stored rows with what a change needs to find in them: the row of each bib at each point (a map) and
 * the rows in point, time, bib order (binary search). A change of k rows costs O(k log n) lookups and one plain
 * copy of the row references into the new array (no sort, no rebuilt map, no comparisons past the k).
 *
 * Rows arrays stay plain immutable values in the show (pages, files and NATS read them as they are); the index is
 * found by the array's identity. A change hands the index on to the array it makes and remembers how to undo it,
 * so an older array used again (a group re-applied after a failed check, a NATS hub applying from the stream the
 * command it checked) gets its index back in O(k); any other array gets one built, O(n log n) once.
 */
type PassingIndex = {
  rows: PassingRow[];
  byKey: Map<string, PassingRow>;
  /** Newest last: each change's base array and the rows it removed and added, to step back to an earlier array. */
  undo: { base: PassingRow[]; removed: PassingRow[]; added: PassingRow[] }[];
};

/**
 * How an array was made from another by `changeRows`: the rows it put in (new, or replacing the row of the same
 * bib and point) and the keys it removed. The base is held weakly: a chain of strong links would keep every
 * earlier version of a race's rows alive as long as the newest.
 */
type RowChange = { base: WeakRef<readonly PassingRow[]>; put: readonly PassingRow[]; drop: readonly string[] };

const MAX_UNDO = 4;
const owners = new WeakMap<readonly PassingRow[], PassingIndex>();
const changes = new WeakMap<readonly PassingRow[], RowChange>();
/** Arrays not in stored order (a show from elsewhere) and the sorted copy their index is built on. */
const sortedCopies = new WeakMap<readonly PassingRow[], PassingRow[]>();

export const rowKey = (bib: string, point: number) => `${bib}@${point}`;
const keyOf = (row: PassingRow) => rowKey(row[0], row[1]);

/** The stored order: point, then time, then bib. */
export function compareRows(a: PassingRow, b: PassingRow): number {
  return a[1] - b[1] || a[2] - b[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

/** The first index whose row does not sort before `row`: where it goes, or where it is. */
export function lowerBound(rows: readonly PassingRow[], row: PassingRow): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareRows(rows[mid]!, row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index at or after timing point `point` in sorted rows. */
export function pointStart(rows: readonly PassingRow[], point: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]![1] < point) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function indexOf(given: PassingRow[]): PassingIndex {
  const rows = sortedCopies.get(given) ?? given;
  const owner = owners.get(rows);
  if (owner && owner.rows === rows) return owner;
  if (owner && owner.undo.some((step) => step.base === rows)) {
    while (owner.rows !== rows) {
      const step = owner.undo.pop()!;
      for (const row of step.added) owner.byKey.delete(keyOf(row));
      for (const row of step.removed) owner.byKey.set(keyOf(row), row);
      owner.rows = step.base;
    }
    return owner;
  }
  let sorted = true;
  for (let i = 1; i < rows.length && sorted; i++) sorted = compareRows(rows[i - 1]!, rows[i]!) < 0;
  const copy = sorted ? rows : [...rows].sort(compareRows);
  if (copy !== rows) sortedCopies.set(rows, copy);
  const index: PassingIndex = { rows: copy, byKey: new Map(copy.map((row) => [keyOf(row), row])), undo: [] };
  owners.set(copy, index);
  return index;
}

/** `rows` in stored order: the array itself when it is (every array the show makes is), else a sorted copy kept with its index. */
export function sortedRows(rows: PassingRow[]): readonly PassingRow[] {
  return indexOf(rows).rows;
}

/** The row of `bib` at timing point `point`, or undefined. */
export function rowAt(rows: PassingRow[], bib: string, point: number): PassingRow | undefined {
  return indexOf(rows).byKey.get(rowKey(bib, point));
}

/**
 * A new rows array: `rows` without the rows of the `drop` keys, with `put` in (each replacing the row of its bib
 * and point; the last of one key wins), in stored order. `rows` itself is left as it was.
 */
export function changeRows(rows: PassingRow[], put: readonly PassingRow[], drop: readonly string[] = []): PassingRow[] {
  const index = indexOf(rows);
  const src = index.rows;
  const adding = new Map<string, PassingRow>();
  for (const row of put) adding.set(keyOf(row), row);
  const removed: PassingRow[] = [];
  for (const key of new Set([...drop, ...adding.keys()])) {
    const old = index.byKey.get(key);
    if (old) removed.push(old);
  }
  const added = [...adding.values()].sort(compareRows);
  const gone = removed.map((row) => lowerBound(src, row)).sort((a, b) => a - b);
  const at = added.map((row) => lowerBound(src, row));

  const out = spliced(src, added, at, gone);

  for (const row of removed) index.byKey.delete(keyOf(row));
  for (const row of added) index.byKey.set(keyOf(row), row);
  index.undo.push({ base: src, removed, added });
  if (index.undo.length > MAX_UNDO) index.undo.shift();
  index.rows = out;
  owners.set(out, index);
  changes.set(out, { base: new WeakRef(rows), put: added, drop: [...new Set(drop)].filter((key) => !adding.has(key)) });
  return out;
}

/**
 * `src` with `added[j]` put in before index `at[j]` and the rows at indexes `gone` left out (both ascending). The
 * untouched runs between are copied as slices (native copies: a feed batch in race order lands in a few places,
 * the end of each timing point's run); a change in thousands of places is copied row by row instead.
 */
function spliced(src: readonly PassingRow[], added: readonly PassingRow[], at: readonly number[], gone: readonly number[]): PassingRow[] {
  const bySlices = added.length + gone.length <= 4096;
  const parts: PassingRow[][] = [];
  const out: PassingRow[] = bySlices ? [] : new Array(src.length - gone.length + added.length);
  let o = 0;
  let i = 0;
  let a = 0;
  let g = 0;
  for (;;) {
    const nextAdd = a < added.length ? at[a]! : Infinity;
    const nextGone = g < gone.length ? gone[g]! : Infinity;
    const stop = Math.min(nextAdd, nextGone, src.length);
    if (bySlices) {
      if (stop > i) parts.push(src.slice(i, stop));
      i = Math.max(i, stop);
    } else for (; i < stop; i++) out[o++] = src[i]!;
    if (nextAdd === i) {
      const from = a;
      while (a < added.length && at[a] === i) a++;
      if (bySlices) parts.push(added.slice(from, a));
      else for (let j = from; j < a; j++) out[o++] = added[j]!;
    } else if (nextGone === i) (i++, g++);
    else break;
  }
  return bySlices ? out.concat(...parts) : out;
}

/**
 * What turned `before` into `after` when `after` was made from it by `changeRows` (through at most `maxSteps`
 * arrays in between): the rows put in and the keys removed since. Null when it was made some other way.
 */
export function rowChangesSince(before: readonly PassingRow[], after: readonly PassingRow[], maxSteps = 256): { put: PassingRow[]; drop: string[] } | null {
  const chain: RowChange[] = [];
  for (let rows = after; rows !== before; ) {
    const change = changes.get(rows);
    const base = change?.base.deref();
    if (!change || !base || chain.length >= maxSteps) return null;
    chain.push(change);
    rows = base;
  }
  const put = new Map<string, PassingRow>();
  const drop = new Set<string>();
  for (const change of chain.reverse()) {
    for (const key of change.drop) (put.delete(key), drop.add(key));
    for (const row of change.put) (put.set(keyOf(row), row), drop.delete(keyOf(row)));
  }
  return { put: [...put.values()], drop: [...drop] };
}

/**
 * The rows put into `rows` since the nearest array before it that `known` accepts (walking back through arrays
 * `changeRows` made, at most `maxSteps`), or null when there is none: a check of `rows` needs only these.
 */
export function rowsPutSince(rows: readonly PassingRow[], known: (base: readonly PassingRow[]) => boolean, maxSteps = 256): PassingRow[] | null {
  const put: PassingRow[] = [];
  for (let at = rows, steps = 0; !known(at); steps++) {
    const change = changes.get(at);
    const base = change?.base.deref();
    if (!change || !base || steps >= maxSteps) return null;
    put.push(...change.put);
    at = base;
  }
  return put;
}
