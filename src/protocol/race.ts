import { z } from 'zod';
import type { PaceUnit as CorePaceUnit, RaceKind as CoreRaceKind } from '../core';
import { ElapsedMs } from './elapsedMs';
import { Bib, Entrants } from './entrant';
import { FeedSplits, HeldPassing, MAX_HELD, MAX_REJECTED, MAX_TIMING_POINTS, PassingRows, PassingSources, RejectedPassing, TimingPoints } from './passing';
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

export { ElapsedMs } from './elapsedMs';

/** Runners named in a split: the leader, or the leading group in order. */
export const Leaders = z.array(requiredText(40)).max(8);

/** The year a record was set: a four-digit year from 1896 (the first Olympic marathon) to 2100. */
export const RecordYear = z.number().int('must be a whole year like 2014').min(1896, 'must be 1896 or later').max(2100, 'must be 2100 or earlier');

/** Pace shown with a race's splits (split banner): per kilometre or per mile. */
export const PaceUnit = z.enum(['km', 'mi']);
// The schema and core's PaceUnit must list the same units.
const samePaceUnits: [z.infer<typeof PaceUnit>] extends [CorePaceUnit] ? ([CorePaceUnit] extends [z.infer<typeof PaceUnit>] ? true : never) : never = true;
void samePaceUnits;

export const RaceRecord = z.strictObject({
  /** Caption, e.g. "WORLD RECORD" or "COURSE RECORD". */
  label: requiredText(30),
  /** Who holds it, e.g. "Dennis Kimetto (Berlin 2014)". */
  holder: onAirText(80).optional(),
  /** The year it was set, e.g. 2014. */
  year: RecordYear.optional(),
  ms: ElapsedMs.refine((ms) => ms > 0, 'must be greater than zero'),
});
export type RaceRecord = z.infer<typeof RaceRecord>;

/**
 * What the races editor edits of a race (its definition), as a form opened it: an edit sent with it is refused if
 * another operator has changed any of it since, rather than overwriting their change.
 */
export const RaceDefinition = z.strictObject({
  name: RaceName,
  kind: RaceKind,
  distanceM: RaceDistanceM,
  paceUnit: PaceUnit.nullable(),
  record: RaceRecord.nullable(),
});
export type RaceDefinition = z.infer<typeof RaceDefinition>;

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
  /**
   * The finish as an official time from the gun (finishRace `elapsedMs`), so a corrected gun moves `finishedAt` with
   * it (see finishWithGun). Absent for a finish at a moment (now, `at`), which stays put, and in older show files.
   */
  finishElapsedMs: ElapsedMs.optional(),
  record: RaceRecord.nullable(),
  /** Pace shown with the race's splits on the split banner (per km or per mile); absent for none. */
  paceUnit: PaceUnit.optional(),
  /** In course order: each further along and later than the one before. */
  splits: z.array(RaceSplit).max(100),
  /** The athletes, by bib (src/protocol/entrant.ts). Absent for none. */
  entrants: Entrants.optional(),
  /**
   * Only in what pages receive of a race whose start list is trimmed (state/pageView.ts): how many entrants the whole
   * list has (`entrants` then holds those pages resolve by bib); and in the show file, without `entrants`, for a race
   * whose long list is kept in the start-list log beside it (server/entrantLog.ts). Never in the hub's show.
   */
  entrantCount: z.number().int().min(0).optional(),
  /** Where the timing reads chips, in course order; passings name a point by its metres. */
  timingPoints: TimingPoints.optional(),
  /** Every passing received, compact (see PassingRow), in point then time order. */
  passings: PassingRows.optional(),
  /**
   * Only in what pages receive of a race whose passings are trimmed (state/pageView.ts), never stored: the place of
   * a named athlete at a timing point where the rows kept do not give it, as [bib, point index, place].
   */
  // Every held, rundown and on-air bib at every point at most.
  places: z.array(z.tuple([Bib, z.number().int().min(0), z.number().int().min(1)])).max((MAX_HELD + 2100) * MAX_TIMING_POINTS).optional(),
  /**
   * Only in what pages receive of a race whose passings are trimmed, never stored: the leading and chasing groups at
   * the furthest timing point and the one before (the gap graphic's), counted over the whole set, as [point index,
   * athletes in the leading group, in the chasing group (0: none), the chasing group's first time in ms, athletes timed there].
   */
  groups: z.array(z.tuple([z.number().int().min(0), z.number().int().min(1), z.number().int().min(0), z.number().int().min(0), z.number().int().min(1)])).max(2).optional(),
  /** Feed ids of the passing rows' source indexes. */
  passingSources: PassingSources.optional(),
  /** Implausible passings waiting for the operator. */
  held: z.array(HeldPassing).max(MAX_HELD).optional(),
  /** Held passings the operator rejected, the latest MAX_REJECTED: the same passing sent again stays rejected. */
  rejected: z.array(RejectedPassing).max(MAX_REJECTED).optional(),
  /** Whether the leader's time at a timing point goes to `splits` by itself (direct) or waits for approval; absent is approve. */
  feedSplits: FeedSplits.optional(),
});
export type Race = z.infer<typeof Race>;

/** A race's definition (see RaceDefinition). */
/**
 * Where a race's clock stops with `gunTime` as its gun: a finish given as a time from the gun is that time from it (a
 * corrected gun moves it), a finish at a moment stays at that moment.
 */
export function finishWithGun(race: Pick<Race, 'finishedAt' | 'finishElapsedMs'>, gunTime: number): number | null {
  if (race.finishedAt === null) return null;
  return race.finishElapsedMs === undefined ? race.finishedAt : gunTime + race.finishElapsedMs;
}

export const definitionOf = (race: Race): RaceDefinition => ({ name: race.name, kind: race.kind, distanceM: race.distanceM, paceUnit: race.paceUnit ?? null, record: race.record });
