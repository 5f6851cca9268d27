import { z } from 'zod';
import { MARATHON_M } from '../../core';
import { onAirText, requiredText } from '../text';
import { ElapsedMs, HubTimeMs, Leaders, PaceUnit, RaceDefinition, RaceDistanceM, RaceId, RaceKind, RaceName, RecordYear } from '../race';

/**
 * Times and distances travel as numbers (ms, metres): the panel reads typed text with core parseTime and
 * parseDistance and shows the reading before it sends. For curl and Companion the same fields also take
 * that text ("1:01:24", "HALFWAY", "15 mi"); the hub reads it against the race (its distance, and its kind's
 * plausible times, so "1:44.20" in a wheelchair race is 1:44:20) exactly as the panel would.
 */
export const RaceTimeInput = z.union([ElapsedMs, z.string().trim().min(1).max(24)], { error: 'must be milliseconds, or a time as text like 1:01:24' });
export type RaceTimeInput = z.infer<typeof RaceTimeInput>;

export const DistanceInput = z.union([z.number().positive().max(100_000), z.string().trim().min(1).max(24)], {
  error: 'must be metres, or a distance as text like 10K, 15 mi or HALFWAY',
});
export type DistanceInput = z.infer<typeof DistanceInput>;

/** The gun and finish times a show can mean: a time in seconds (1461488400) reads as January 1970, one in µs as after the year 40,000. */
const EARLIEST_MS = Date.UTC(2000, 0, 1);
const LATEST_MS = Date.UTC(2100, 0, 1);
const asDate = (ms: number) => (Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString().replace('.000Z', 'Z') : 'beyond any calendar');

/** Hub epoch ms, or an ISO 8601 date-time with its offset ("2016-04-24T10:00:00+01:00"), from 2000 to 2100. */
export const HubTimeInput = z
  .union([HubTimeMs, z.iso.datetime({ offset: true }).transform((text) => Date.parse(text))], {
    error: 'must be ms since the epoch, or a date-time with its offset like 2016-04-24T10:00:00+01:00',
  })
  .refine((ms) => ms >= EARLIEST_MS && ms < LATEST_MS, {
    error: (issue) =>
      `is ${asDate(issue.input as number)}: must be a time between 2000 and 2100, in ms since the epoch (1461488400000 is 2016-04-24T09:00:00Z; ${issue.input as number < EARLIEST_MS ? 'a time in seconds reads as 1970' : 'a time in µs reads far in the future'}) or a date-time like 2016-04-24T10:00:00+01:00`,
  });

/** Defining races, running their clocks, and entering what the timing says. */
export const raceCommands = [
  z.strictObject({
    type: z.literal('addRace'),
    raceId: RaceId,
    name: RaceName,
    kind: RaceKind,
    distanceM: RaceDistanceM.default(MARATHON_M),
    /** Pace on the split banner: per km or per mile; none when left out. */
    paceUnit: PaceUnit.optional(),
  }),
  z.strictObject({
    type: z.literal('editRace'),
    raceId: RaceId,
    name: RaceName.optional(),
    kind: RaceKind.optional(),
    distanceM: RaceDistanceM.optional(),
    /** Pace on the split banner: per km or per mile, or null for none. */
    paceUnit: PaceUnit.nullable().optional(),
    /** The race as the edit started from it (the panel sends it): refused if another operator changed it since. */
    was: RaceDefinition.optional(),
  }),
  /** Refused while a graphic on air draws from the race. */
  z.strictObject({ type: z.literal('removeRace'), raceId: RaceId }),
  /** Starts the clock: the gun is the hub's time when the command is applied. */
  z.strictObject({ type: z.literal('startRace'), raceId: RaceId }),
  /** Sets or corrects the gun time. */
  z.strictObject({ type: z.literal('setGunTime'), raceId: RaceId, gunTime: HubTimeInput }),
  /** Stops the clock: now, at a hub time (`at`), or at an official time from the gun (`elapsedMs`). */
  z
    .strictObject({ type: z.literal('finishRace'), raceId: RaceId, at: HubTimeInput.optional(), elapsedMs: RaceTimeInput.optional() })
    .refine((c) => c.at === undefined || c.elapsedMs === undefined, 'give the finish as at (a hub time) or elapsedMs (time from the gun), not both'),
  /** Back to before the start: no gun, no finish, no splits, no passings. Name, kind, distance, record, entrants and timing points stay. */
  z.strictObject({ type: z.literal('resetRace'), raceId: RaceId }),
  z.strictObject({
    type: z.literal('addSplit'),
    raceId: RaceId,
    metres: DistanceInput,
    elapsedMs: RaceTimeInput,
    /** Defaults to the caption of the distance: 10K, HALFWAY, 15 MILES. */
    label: requiredText(24).optional(),
    leaders: Leaders.default([]),
  }),
  /** Changes a split already entered (its time, caption or leaders); it must still fit between its neighbours. */
  z.strictObject({
    type: z.literal('correctSplit'),
    raceId: RaceId,
    metres: DistanceInput,
    elapsedMs: RaceTimeInput.optional(),
    label: requiredText(24).optional(),
    leaders: Leaders.optional(),
  }),
  z.strictObject({ type: z.literal('removeSplit'), raceId: RaceId, metres: DistanceInput }),
  /** The record projections are measured against, or null for none. */
  z.strictObject({
    type: z.literal('setRecord'),
    raceId: RaceId,
    record: z
      .strictObject({
        label: requiredText(30).default('WORLD RECORD'),
        holder: onAirText(80).optional(),
        year: RecordYear.optional(),
        ms: RaceTimeInput,
      })
      .nullable(),
  }),
] as const;
