import { formatKm, formatTime, formatMiles, parseRaceDistance, parseTime, plausibleRange } from '../../core';
import { Command } from '../../protocol/command';
import type { Race, RaceDefinition } from '../../protocol/race';
import { sameValue } from '../../protocol/sameValue';
import { formatCharacterProblem } from '../formatCharacterProblem';

/** The races editor's fields as typed. */
export type RaceDraft = {
  id: string;
  name: string;
  kind: string;
  distance: string;
  /** '' for no pace. */
  paceUnit: string;
  recordLabel: string;
  recordTime: string;
  recordHolder: string;
  recordYear: string;
};
export type DraftField = keyof RaceDraft;

export type DraftReading =
  | { ok: true; commands: Command[]; readings: Partial<Record<DraftField, string>> }
  | { ok: false; problems: Partial<Record<DraftField, string>>; readings: Partial<Record<DraftField, string>> };

export const RACE_KIND_TITLES: Record<Race['kind'], string> = {
  'elite-men': 'Elite men',
  'elite-women': 'Elite women',
  'wheelchair-men': 'Wheelchair men',
  'wheelchair-women': 'Wheelchair women',
  mass: 'Mass race',
};

/** The draft of a race as the show has it (for editing), or a new marathon's. */
export function draftOf(race: Race | null): RaceDraft {
  return {
    id: race?.id ?? '',
    name: race?.name ?? '',
    kind: race?.kind ?? 'elite-men',
    distance: race ? formatKm(race.distanceM) : 'marathon',
    paceUnit: race?.paceUnit ?? '',
    recordLabel: race?.record?.label ?? 'WORLD RECORD',
    recordTime: race?.record ? formatTime(race.record.ms, { hours: 'always' }) : '',
    recordHolder: race?.record?.holder ?? '',
    recordYear: race?.record?.year === undefined ? '' : String(race.record.year),
  };
}

/** "ELITE MEN" → "elite-men": the id a new race gets when none is typed. */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/**
 * Reads the races editor's draft into the commands that make the show's race match it — addRace or editRace,
 * then setRecord when the record changed — each validated with the Command schema the hub uses, so a
 * problem is named at its field before anything is sent. `existing` is the race being edited (null to add), `was` it as the form opened it (sent with the edit).
 */
export function readRaceDraft(draft: RaceDraft, existing: Race | null, races: readonly Race[], was?: RaceDefinition): DraftReading {
  const problems: Partial<Record<DraftField, string>> = {};
  const readings: Partial<Record<DraftField, string>> = {};
  const raceId = existing?.id ?? (draft.id.trim() || slugOf(draft.name));
  if (!existing) {
    const taken = races.find((r) => r.id === raceId);
    if (taken) problems.id = `"${raceId}" is already the id of ${taken.name}: choose another`;
    else if (raceId && !draft.id.trim()) readings.id = `id ${raceId} (from the name)`;
  }

  for (const field of ['name', 'recordLabel', 'recordHolder'] as const) {
    const problem = formatCharacterProblem(draft[field]);
    if (problem) problems[field] = problem;
  }

  const distance = parseRaceDistance(draft.distance);
  if (distance.ok) readings.distance = `${formatKm(distance.value)} (${formatMiles(distance.value)})`;
  else problems.distance = distance.error;

  const kind = draft.kind as Race['kind'];
  let record: { label: string; holder?: string; year?: number; ms: number } | null = null;
  const recordTyped = draft.recordTime.trim() !== '' || draft.recordHolder.trim() !== '' || draft.recordYear.trim() !== '';
  if (recordTyped) {
    let ms: number | null = null;
    if (draft.recordTime.trim() === '') problems.recordTime = 'Enter the record time, or empty the record’s holder and year for no record';
    else if (distance.ok) {
      const time = parseTime(draft.recordTime, { plausibleMs: plausibleRange(distance.value, kind in RACE_KIND_TITLES ? kind : 'mass') });
      // The hub's own rule (setRecord), checked here: addRace and setRecord are two commands, and a record refused
      // after the race was added would leave it added without one.
      if (time.ok && time.value.ms <= 0) problems.recordTime = `A record of ${formatTime(time.value.ms)} can't be right: a record is a time greater than zero.`;
      else if (time.ok) {
        ms = time.value.ms;
        readings.recordTime = `read as ${time.value.reading}`;
      } else problems.recordTime = time.error;
    }
    let year: number | undefined;
    if (draft.recordYear.trim() !== '') {
      year = Number(draft.recordYear.trim());
      if (!/^\d+$/.test(draft.recordYear.trim())) problems.recordYear = `must be a year like 2014, not “${draft.recordYear.trim()}”`;
    }
    if (ms !== null) record = { label: draft.recordLabel.trim() || 'WORLD RECORD', ...(draft.recordHolder.trim() ? { holder: draft.recordHolder.trim() } : {}), ...(year !== undefined ? { year } : {}), ms };
  }

  const paceUnit = draft.paceUnit === 'km' || draft.paceUnit === 'mi' ? draft.paceUnit : null;
  const distanceM = distance.ok ? distance.value : 42195;
  const define = existing
    ? { type: 'editRace', raceId, name: draft.name, kind: draft.kind, distanceM, paceUnit, ...(was ? { was } : {}) }
    : { type: 'addRace', raceId, name: draft.name, kind: draft.kind, distanceM, ...(paceUnit ? { paceUnit } : {}) };
  const inputs: unknown[] = [define];
  // Against the record as the form opened it: one set meanwhile by another operator is not overwritten unasked (the hub refuses the edit).
  const recordChanged = existing ? !sameValue((was ?? existing).record, record) : record !== null;
  if (recordChanged) inputs.push({ type: 'setRecord', raceId, record });

  const commands: Command[] = [];
  for (const input of inputs) {
    const parsed = Command.safeParse(input);
    if (parsed.success) {
      commands.push(parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF_PATH[issue.path.map(String).join('.')] ?? 'name';
      problems[field] ??= issue.message;
    }
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems, readings };
  return { ok: true, commands, readings };
}

const FIELD_OF_PATH: Record<string, DraftField> = {
  raceId: 'id',
  name: 'name',
  kind: 'kind',
  distanceM: 'distance',
  paceUnit: 'paceUnit',
  'record.label': 'recordLabel',
  'record.holder': 'recordHolder',
  'record.year': 'recordYear',
  'record.ms': 'recordTime',
};

