import { z } from 'zod';
import type { GraphicKind } from '../protocol/graphicSpec';
import { RaceId } from '../protocol/race';

/**
 * Custom actions a kind's package offers (OGraf customAction): the race clock starts and stops its races'
 * clocks at the graphic's time, so a playout with no hub can run a race clock from a button.
 */
const RACE_CLOCK_ACTIONS = [
  { id: 'startRace', name: 'Start race clock', description: 'The gun is now: the race’s clock runs from 0:00.' },
  { id: 'finishRace', name: 'Stop race clock', description: 'The clock stops now and shows the time from the gun.' },
] as const;

export const RaceActionPayload = z.strictObject({ raceId: RaceId });

export type CustomActionId = (typeof RACE_CLOCK_ACTIONS)[number]['id'];

export function customActionsOf(kind: GraphicKind) {
  if (kind !== 'raceClock') return [];
  return RACE_CLOCK_ACTIONS.map((action) => ({
    ...action,
    schema: { type: 'object', properties: { raceId: { type: 'string', title: 'Race id', gddType: 'single-line' } }, required: ['raceId'] },
  }));
}

/**
 * Applies a custom action to the data at the graphic's time `now`: the next data, or a sentence naming the
 * problem (unknown action, a payload naming no race of the data).
 */
export function applyCustomAction(kind: GraphicKind, data: Record<string, unknown>, id: string, payload: unknown, now: number): { ok: true; data: Record<string, unknown> } | { ok: false; status: number; error: string } {
  const known = customActionsOf(kind).map((action) => action.id as string);
  if (!known.includes(id)) {
    return { ok: false, status: 404, error: `No custom action "${id}"${known.length > 0 ? `: this graphic has ${known.join(', ')}` : ': this graphic has none'}` };
  }
  const parsed = RaceActionPayload.safeParse(payload);
  if (!parsed.success) return { ok: false, status: 400, error: `payload.${parsed.error.issues[0]?.path.join('.') || 'raceId'}: ${parsed.error.issues[0]?.message}` };
  const races = data.races as { id: string; gunTime: number | null; finishedAt: number | null }[];
  const race = races.find((r) => r.id === parsed.data.raceId);
  if (!race) return { ok: false, status: 400, error: `payload.raceId: no race "${parsed.data.raceId}" in races` };
  const changed = id === 'startRace' ? { ...race, gunTime: now, finishedAt: null } : { ...race, finishedAt: race.gunTime === null ? null : now };
  return { ok: true, data: { ...data, races: races.map((r) => (r === race ? changed : r)) } };
}
