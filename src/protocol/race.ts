import { z } from 'zod';
import type { RaceKind as CoreRaceKind } from '../core';
import { onAirText, requiredText } from './text';

/**
 * A race as the show holds it: what it is (name, kind, distance), its clock (gun and finish, hub epoch ms)
 * and what the timing has told us (splits in course order, the record it is measured against).
 * The race clock itself is never stored: outputs compute it from `gunTime` and hub time every frame.
 */

/** A race's id, used by commands and graphic props: a slug such as `elite-men`. */
export const RaceId = z
  .string()
  .max(40)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug like elite-men (lower-case letters, digits and single hyphens)');
export type RaceId = z.infer<typeof RaceId>;

const RACE_KINDS = ['elite-men', 'elite-women', 'wheelchair-men', 'wheelchair-women', 'mass'] as const;
/** Who is racing; decides which times are plausible when a time is typed (core plausibleRange). */
export const RaceKind = z.enum(RACE_KINDS);
// The schema and core's type must list the same kinds.
type SameKinds = [z.infer<typeof RaceKind>] extends [CoreRaceKind] ? ([CoreRaceKind] extends [z.infer<typeof RaceKind>] ? true : never) : never;
const sameKinds: SameKinds = true;
void sameKinds;

/** Caption shown on air for the race, e.g. "ELITE MEN". */
export const RaceName = requiredText(40);

/** A race distance in metres: from a mile to 100 km (ultras included, typos of a factor of 1000 refused). */
export const RaceDistanceM = z.number().min(1000).max(100_000);

/** An instant on the hub's clock, in ms since the epoch. Any safe integer, so rehearsal shows may use small times. */
export const HubTimeMs = z.number().int();

/** An elapsed race time in ms: from the gun, under 24 hours. */
export const ElapsedMs = z.number().int().min(0).max(24 * 3_600_000);

/** Runners named in a split: the leader, or the leading group in order. */
export const Leaders = z.array(requiredText(40)).max(8);

export const RaceRecord = z.strictObject({
  /** Caption, e.g. "WORLD RECORD" or "COURSE RECORD". */
  label: requiredText(30),
  /** Who holds it, e.g. "Dennis Kimetto (Berlin 2014)". */
  holder: onAirText(80).optional(),
  ms: ElapsedMs.refine((ms) => ms > 0, 'must be greater than zero'),
});
export type RaceRecord = z.infer<typeof RaceRecord>;

/** A timing point reached, as the timing gave it. `metres` is from the start line; `label` the caption. */
export const RaceSplit = z.strictObject({
  metres: z.number().positive().max(100_000),
  label: requiredText(24),
  elapsedMs: ElapsedMs,
  leaders: Leaders,
});
export type RaceSplit = z.infer<typeof RaceSplit>;

export const Race = z.strictObject({
  id: RaceId,
  name: RaceName,
  kind: RaceKind,
  distanceM: RaceDistanceM,
  /** Hub time of the gun, or null before the race is started. */
  gunTime: HubTimeMs.nullable(),
  /** Hub time the clock stopped (the winner crossed the line), or null while it runs. */
  finishedAt: HubTimeMs.nullable(),
  record: RaceRecord.nullable(),
  /** In course order: each further along and later than the one before. */
  splits: z.array(RaceSplit).max(100),
});
export type Race = z.infer<typeof Race>;
