import { z } from 'zod';
import { Entrant } from './entrant';
import { ElapsedMs } from './elapsedMs';
import { Bib } from './entrant';
import { TimingPoints } from './passing';
import { RaceId } from './race';

/**
 * A recorded timing feed, as the replay source plays it (shows/feeds/*.json): each race's start list and timing
 * points, then every message in the order it arrived, `atMs` after the first gun. A message may repeat a passing
 * (a duplicate) or give a new time for one already sent (a correction), as live feeds do.
 */
export const FeedFile = z.strictObject({
  format: z.literal('finishline-feed/1'),
  /** True for invented data: says so wherever the file is listed. */
  rehearsal: z.boolean(),
  description: z.string().max(2000),
  races: z
    .array(
      z.strictObject({
        raceId: RaceId,
        /** The race's gun, ms after the replay starts. */
        gunAtMs: z.number().int().min(0),
        timingPoints: TimingPoints,
        entrants: z.array(Entrant).max(1000),
      }),
    )
    .min(1)
    .max(20),
  passings: z
    .array(z.strictObject({ atMs: z.number().int().min(0), raceId: RaceId, bib: Bib, metres: z.number().positive().max(100_000), elapsedMs: ElapsedMs, note: z.string().max(200).optional() }))
    .max(200_000),
});
export type FeedFile = z.infer<typeof FeedFile>;
