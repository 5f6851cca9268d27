import { compareToRecord, formatPace, formatTime, latestSplit, pacePerKm, parseDistance, parseTime, plausibleRange, projectFinish, shownMs, validateSplit, type Split } from '../../core';
import type { CommandOf } from '../../protocol/command';
import { Leaders, type Race, type RaceSplit } from '../../protocol/race';

// Same ceiling as the hub's ElapsedMs: a typed time must not get round what a number may not be.
const MAX_ELAPSED_MS = 24 * 3_600_000;
// Same tolerance as the hub (src/state/raceReferences splitAt): mile points are not whole metres.
const SAME_POINT_M = 1;

/** What the operator typed into the split form. */
export type SplitText = { distance: string; time: string; leaders: string };

/** A message per field of the split form, and one for the form as a whole (a race not started yet). */
export type SplitProblems = { distance?: string; time?: string; leaders?: string; form?: string };

/** What the panel shows beside the split form before anything is sent. */
export type SplitPreview = {
  /** The caption the split will have on air: 10K, HALFWAY, 15 MILES. */
  caption: string | null;
  /** How the time was read: "read as 1 h 1 min 24 s". */
  reading: string | null;
  /** The time as it will be captioned: "1:21.30" typed is 1:21:30. */
  time: string | null;
  /** The finish it projects and how that stands against the record: "PROJECTED 2:02:48 · 9 S UNDER WORLD RECORD". */
  projection: string | null;
  /** An existing split at this point is corrected rather than a new one added. */
  corrects: RaceSplit | null;
  /** Why a readable split looks wrong (ahead of the race clock, a pace the race kind does not run): sending it needs a confirmation. */
  doubts: string[];
};

// A split typed a few seconds after it happened can read a little ahead of a clock that is itself rounded.
const CLOCK_SLACK_MS = 5_000;

const KIND_WORDS: Record<Race['kind'], string> = {
  'elite-men': 'elite men',
  'elite-women': 'elite women',
  'wheelchair-men': 'wheelchair men',
  'wheelchair-women': 'wheelchair women',
  mass: 'mass race runners',
};

export type SplitEntry =
  | { ok: true; command: CommandOf<'addSplit'> | CommandOf<'correctSplit'>; preview: SplitPreview }
  | { ok: false; problems: SplitProblems; preview: SplitPreview };

/**
 * Reads the split form against its race exactly as the hub will (core parseDistance, parseTime with the
 * race kind's plausible times at that distance, validateSplit), so the panel says what is wrong at the field
 * and shows the reading and projection before anything is sent. A distance that already has a split corrects
 * it (checked against the splits either side of it), as the hub's correctSplit does.
 */
export function readSplitEntry(race: Race, text: SplitText, now?: number): SplitEntry {
  const problems: SplitProblems = {};
  const preview: SplitPreview = { caption: null, reading: null, time: null, projection: null, corrects: null, doubts: [] };

  const distance = parseDistance(text.distance, race.distanceM);
  if (!distance.ok) problems.distance = distance.error;
  const metres = distance.ok ? distance.value.metres : null;
  const corrects = metres === null ? undefined : race.splits.find((s) => Math.abs(s.metres - metres) <= SAME_POINT_M);
  if (distance.ok) preview.caption = corrects?.label ?? distance.value.label;
  preview.corrects = corrects ?? null;

  const time = parseTime(text.time, metres === null ? {} : { plausibleMs: plausibleRange(metres, race.kind) });
  let elapsedMs: number | null = null;
  if (!time.ok) problems.time = time.error;
  else if (time.value.ms > MAX_ELAPSED_MS) problems.time = `"${text.time.trim()}" is ${formatTime(time.value.ms)}: a race time must be under 24 hours.`;
  else {
    elapsedMs = time.value.ms;
    preview.time = formatTime(elapsedMs);
    preview.reading = time.value.reading.startsWith('read as') ? time.value.reading : `read as ${time.value.reading}`;
  }

  const names = text.leaders
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const leaders = Leaders.safeParse(names);
  if (!leaders.success) problems.leaders = leadersProblem(leaders.error.issues[0]!, names);

  if (race.gunTime === null) problems.form = `${race.name} has not started: start its clock (G) or set its gun time before entering splits.`;

  if (metres !== null && elapsedMs !== null) {
    const split: Split = { metres: corrects?.metres ?? metres, elapsedMs, label: preview.caption! };
    const checked = checkInCourseOrder(race, split, corrects);
    if (checked) problems[checked.field] = checked.error;
    else {
      preview.projection = projectionText(race, split);
      preview.doubts = splitDoubts(race, split, now);
    }
  }

  if (Object.keys(problems).length > 0 || metres === null || elapsedMs === null || !leaders.success) return { ok: false, problems, preview };
  const command = corrects
    ? { type: 'correctSplit' as const, raceId: race.id, metres: corrects.metres, elapsedMs, ...(names.length > 0 ? { leaders: leaders.data } : {}) }
    : { type: 'addSplit' as const, raceId: race.id, metres, elapsedMs, leaders: leaders.data };
  return { ok: true, command, preview };
}

/**
 * Why a split that reads correctly is still suspicious, in the operator's words: later than the race clock
 * shows now (a time typed without its colons), or a pace the race kind cannot run at that distance.
 */
export function splitDoubts(race: Race, split: Split, now?: number): string[] {
  const doubts: string[] = [];
  const at = `${split.label} at ${formatTime(split.elapsedMs)}`;
  if (race.gunTime !== null && now !== undefined) {
    const clockMs = (race.finishedAt ?? now) - race.gunTime;
    if (split.elapsedMs > clockMs + CLOCK_SLACK_MS) {
      doubts.push(`${at} is later than ${race.name}'s clock, which ${race.finishedAt === null ? 'reads' : 'stopped at'} ${formatTime(Math.max(0, clockMs))}${race.finishedAt === null ? ' now' : ''}.`);
    }
  }
  const [fastest, slowest] = plausibleRange(split.metres, race.kind);
  if (split.elapsedMs < fastest || split.elapsedMs > slowest) {
    const pace = formatPace(pacePerKm(shownMs(split.elapsedMs), split.metres), 'km');
    doubts.push(`${at} is a pace of ${pace}: ${KIND_WORDS[race.kind]} reach ${split.label} in ${formatTime(fastest)} to ${formatTime(slowest)}.`);
  }
  return doubts;
}

function leadersProblem(issue: { path: PropertyKey[]; message: string }, names: string[]): string {
  const at = issue.path[0];
  if (typeof at !== 'number') return `name at most 8 leaders, not ${names.length}`;
  return `${names[at]}: ${issue.message}`;
}

/** Where a split does not fit the race (which field is at fault, and why), or null when it does. */
function checkInCourseOrder(race: Race, split: Split, corrects: RaceSplit | undefined): { field: 'distance' | 'time'; error: string } | null {
  const index = corrects ? race.splits.indexOf(corrects) : race.splits.length;
  const before = race.splits.slice(0, index);
  const checked = validateSplit(split, before, race.distanceM);
  if (!checked.ok) {
    const latest = latestSplit(before);
    const distanceAtFault = split.metres > race.distanceM + SAME_POINT_M || (latest !== undefined && split.metres <= latest.metres);
    return { field: distanceAtFault ? 'distance' : 'time', error: checked.error };
  }
  const after = corrects ? race.splits[index + 1] : undefined;
  if (after) {
    const followed = validateSplit(after, [...before, split], race.distanceM);
    if (!followed.ok) return { field: 'time', error: followed.error };
  }
  return null;
}

/** "PROJECTED 2:02:48 · 9 S UNDER WORLD RECORD"; at the finish, the result against the record. */
export function projectionText(race: Pick<Race, 'distanceM' | 'record'>, split: Pick<Split, 'metres' | 'elapsedMs'>): string {
  const atFinish = split.metres >= race.distanceM - SAME_POINT_M;
  const finishMs = atFinish ? split.elapsedMs : projectFinish(split.elapsedMs, split.metres, race.distanceM);
  const head = `${atFinish ? 'FINISH' : 'PROJECTED'} ${formatTime(finishMs)}`;
  if (!race.record) return head;
  const comparison = compareToRecord(finishMs, race.record.ms);
  return `${head} · ${comparison.direction === 'level' ? 'LEVEL WITH' : comparison.text} ${race.record.label}`;
}

/**
 * An official finish time typed by the operator, read with the race kind's plausible times for the whole
 * distance ("1:44.20" in a wheelchair race is 1:44:20).
 */
export function readFinishTime(race: Race, text: string): { ok: true; elapsedMs: number; reading: string } | { ok: false; error: string } {
  if (race.gunTime === null) return { ok: false, error: `${race.name} has no gun time yet: start it or set its gun time before finishing it.` };
  const time = parseTime(text, { plausibleMs: plausibleRange(race.distanceM, race.kind) });
  if (!time.ok) return time;
  if (time.value.ms <= 0) return { ok: false, error: 'A finish time must be after the gun.' };
  if (time.value.ms > MAX_ELAPSED_MS) return { ok: false, error: `"${text.trim()}" is ${formatTime(time.value.ms)}: a race time must be under 24 hours.` };
  const reading = time.value.reading.startsWith('read as') ? time.value.reading : `read as ${time.value.reading}`;
  return { ok: true, elapsedMs: time.value.ms, reading };
}
