import Papa from 'papaparse';
import { err, formatKm, formatTime, ok, parseTime, plausibleRange, type RaceKind, type Result } from '../core';
import { bibWithoutLeadingZeros, Entrant, MAX_ENTRANTS } from './entrant';

/**
 * A personal best typed or imported for a race, read as a time for its kind and distance (as a split is). One no
 * one could have run (0:00, or 1:00 for a marathon) is refused: the floor is 80 % of the fastest plausible time
 * pro-rated from the marathon, as a short race's records are run faster than marathon pace.
 */
export function readPersonalBest(text: string, race: { distanceM: number; kind: RaceKind }): Result<number> {
  const time = parseTime(text, { plausibleMs: plausibleRange(race.distanceM, race.kind) });
  if (!time.ok) return time;
  const problem = personalBestProblem(time.value.ms, race);
  return problem ? err(problem) : ok(time.value.ms);
}

/** Why a personal best in ms can't be right for the race (faster than anyone has run it), or null: what the hub checks of a PB sent as a number. */
export function personalBestProblem(pbMs: number, race: { distanceM: number; kind: RaceKind }): string | null {
  const [fastest] = plausibleRange(race.distanceM, race.kind);
  const floor = Math.floor((fastest * 0.8) / 1000) * 1000;
  if (pbMs >= floor) return null;
  return `A personal best of ${formatTime(pbMs)} over ${formatKm(race.distanceM)} can't be right: it would be faster than anyone has run it (under ${formatTime(floor)}).`;
}

/** What a start list is read against: the race's distance and kind (for PBs) and the start list it has. */
type StartListRace = { distanceM: number; kind: RaceKind; entrants?: readonly Entrant[] };

/** A start-list row that was not imported: its line in the file and what is wrong with it. */
export type RefusedEntrant = { line: number; bib: string; problems: string[] };
/** A start-list row that was imported but may not be what was meant (bibs 7 and 007: two athletes?), by line. */
export type StartListWarning = { line: number; bib: string; warning: string };
export type StartListReading =
  | { ok: true; entrants: Entrant[]; refused: RefusedEntrant[]; warnings: StartListWarning[]; ignoredColumns: string[] }
  | { ok: false; error: string };

// Header names as timing exports spell them (any case, spaces, hyphens and underscores ignored).
const COLUMNS: Record<string, keyof Entrant> = {
  bib: 'bib',
  number: 'bib',
  startnumber: 'bib',
  name: 'name',
  fullname: 'name',
  displayname: 'displayName',
  shortname: 'displayName',
  country: 'country',
  nation: 'country',
  nat: 'country',
  noc: 'country',
  category: 'category',
  cat: 'category',
  pb: 'pbMs',
  personalbest: 'pbMs',
};

/** What a start list may leave out: a re-import without these columns keeps each entrant's. */
const KEPT_FIELDS = ['displayName', 'country', 'category', 'pbMs'] as const;

/**
 * Reads a start list from CSV text: a header row naming at least bib and name, then one athlete per row.
 * Each row is checked with the Entrant schema (a country by code or English name, a PB as a time read against
 * the race's plausible times); good rows are returned, each bad one reported by line with its reasons. A bib
 * given twice keeps the first row and reports the second. `check` refuses a row the show can't take as it is
 * (one that would break a graphic on air), with its reason. A column the file does not have keeps what `existing`
 * (the race's entrant with that bib) has: a list of names and countries re-imported leaves display names, categories
 * and PBs as they were; a column given with an empty cell clears that field. A bib that differs only by leading
 * zeros from another row's, or from a bib on the race's start list (`race.entrants`), is imported as its own athlete
 * and warned about by line: 7 and 007 are two athletes only if the organiser meant them to be.
 */
export function readStartList(
  csv: string,
  race: StartListRace,
  check: (entrant: Entrant) => string | null = () => null,
  existing: (bib: string) => Entrant | undefined = () => undefined,
): StartListReading {
  const reading = readRows(csv, race, check, existing);
  for (let step = reading.next(); ; step = reading.next()) if (step.done) return step.value;
}

/**
 * readStartList in slices of `rowsPerSlice` rows, giving the event loop a turn between slices: a mass start's
 * 40,000 rows take about a second to check, which would hold every take waiting at the hub that long.
 */
export async function readStartListInSlices(
  csv: string,
  race: StartListRace,
  check: (entrant: Entrant) => string | null = () => null,
  existing: (bib: string) => Entrant | undefined = () => undefined,
  rowsPerSlice = 2000,
): Promise<StartListReading> {
  const reading = readRows(csv, race, check, existing, rowsPerSlice);
  for (let step = reading.next(); ; step = reading.next()) {
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}

/** readStartList's work, pausing (yield) after every `rowsPerSlice` rows. */
function* readRows(
  csv: string,
  race: StartListRace,
  check: (entrant: Entrant) => string | null,
  existing: (bib: string) => Entrant | undefined,
  rowsPerSlice = Infinity,
): Generator<void, StartListReading> {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  if (!header) return { ok: false, error: 'The start list is empty: the first line must name the columns (bib, name, country, category, pb, display name)' };
  const fields = header.map((cell) => COLUMNS[cell.toLowerCase().replace(/[\s_-]+/g, '')]);
  const missing = (['bib', 'name'] as const).filter((f) => !fields.includes(f));
  if (missing.length > 0) return { ok: false, error: `The start list has no ${missing.join(' or ')} column: its columns are ${header.join(', ')}` };
  if (rows.length === 0) return { ok: false, error: 'The start list has column names but no athletes' };
  if (rows.length > MAX_ENTRANTS) return { ok: false, error: `The start list has ${rows.length} athletes; a race holds at most ${MAX_ENTRANTS}` };
  const ignoredColumns = header.filter((_, i) => fields[i] === undefined);

  const entrants: Entrant[] = [];
  const refused: RefusedEntrant[] = [];
  const warnings: StartListWarning[] = [];
  const seen = new Set<string>();
  // Bibs by their number without leading zeros: the first with it, and its line (none: on the race's list, not in the file).
  const numbers = new Map<string, { bib: string; line?: number }>();
  const listed = new Set<string>();
  for (const { bib } of race.entrants ?? []) {
    listed.add(bib);
    const number = bibWithoutLeadingZeros(bib);
    if (!numbers.has(number)) numbers.set(number, { bib });
  }
  for (const [index, cells] of rows.entries()) {
    if (index > 0 && index % rowsPerSlice === 0) yield;
    const line = index + 2;
    const value: Record<string, unknown> = {};
    const problems: string[] = [];
    cells.forEach((cell, i) => {
      const field = fields[i];
      const text = cell.trim();
      if (!field || text === '') return;
      if (field === 'pbMs') {
        const pb = readPersonalBest(text, race);
        if (pb.ok) value.pbMs = pb.value;
        else problems.push(`pb: ${pb.error}`);
      } else value[field] = text;
    });
    const bib = String(value.bib ?? '');
    const before = bib ? existing(bib.trim()) : undefined;
    if (before) for (const field of KEPT_FIELDS) if (!fields.includes(field) && before[field] !== undefined) value[field] = before[field];
    const checked = Entrant.safeParse(value);
    if (!checked.success) for (const issue of checked.error.issues) problems.push(`${issue.path.join('.') || 'row'}: ${issue.message}`);
    if (checked.success && seen.has(checked.data.bib)) problems.push(`bib: ${checked.data.bib} is already on an earlier line`);
    const refusal = checked.success && problems.length === 0 ? check(checked.data) : null;
    if (refusal) problems.push(refusal);
    if (problems.length > 0 || !checked.success) {
      refused.push({ line, bib, problems });
      continue;
    }
    seen.add(checked.data.bib);
    entrants.push(checked.data);
    const number = bibWithoutLeadingZeros(checked.data.bib);
    const other = numbers.get(number);
    if (!other || (other.bib === checked.data.bib && other.line === undefined)) numbers.set(number, { bib: checked.data.bib, line });
    else if (other.bib !== checked.data.bib && (other.line !== undefined || !listed.has(checked.data.bib))) {
      const where = other.line === undefined ? 'on the start list' : `on line ${other.line}`;
      warnings.push({ line, bib: checked.data.bib, warning: `differs from bib ${other.bib} ${where} only by leading zeros: imported as two athletes` });
    }
  }
  return { ok: true, entrants, refused, warnings, ignoredColumns };
}

/** "Line 4 (bib 12): country: ...; line 9: ..." — the report an import answers with. */
export function describeRefused(refused: readonly RefusedEntrant[]): string {
  return refused.map((r) => `line ${r.line}${r.bib ? ` (bib ${r.bib})` : ''}: ${r.problems.join('; ')}`).join('. ');
}

/** "line 3 (bib 007): differs from bib 7 on line 2 only by leading zeros: …" — an import's warnings. */
export function describeWarnings(warnings: readonly StartListWarning[]): string {
  return warnings.map((w) => `line ${w.line} (bib ${w.bib}): ${w.warning}`).join('. ');
}

