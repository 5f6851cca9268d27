import { z } from 'zod';
import { Bib, Entrant, Entrants, MAX_ENTRANTS } from '../entrant';
import { Feed } from '../feed';
import { FeedSplits, Passing, PassingSource, TimingPoints } from '../passing';
import { RaceId } from '../race';
import { DistanceInput } from './raceCommands';

/** Passings per recordPassings command: a feed sends bursts in several commands, each saved with the others waiting (group commit). */
export const MAX_PASSINGS_PER_BATCH = 500;

/**
 * Entrants an edit (upsertEntrants with `was`, the panel's entrant form) names: each is looked up in the race's list.
 * Without `was`, upsertEntrants carries up to a race's whole list, so a start-list import (POST
 * /api/races/{raceId}/start-list, however long) is one command: one revision, saved whole or not at all.
 */
export const MAX_EDITED_ENTRANTS = 1000;
const perEdit = `at most ${MAX_EDITED_ENTRANTS} entrants in an edit (an upsertEntrants with was)`;

/** Start lists, timing points and the passings timing feeds send (see README "Race-day data"). */
export const timingCommands = [
  /** Replaces a race's whole start list. */
  z.strictObject({ type: z.literal('setEntrants'), raceId: RaceId, entrants: Entrants }),
  /**
   * Adds entrants, or replaces those whose bib the race already has. `was` is what the edit started from (the
   * panel's entrant form sends it): each of those must still be on the start list as it was, a bib not among
   * them must be new, and one of them whose bib is no longer in `entrants` is replaced (a corrected bib). When
   * another operator has changed or added the entrant since, the edit is refused.
   */
  z
    .strictObject({
      type: z.literal('upsertEntrants'),
      raceId: RaceId,
      entrants: z.array(Entrant).min(1).max(MAX_ENTRANTS, `at most ${MAX_ENTRANTS} entrants: a race holds no more`),
      was: z.array(Entrant).max(MAX_EDITED_ENTRANTS, perEdit).optional(),
    })
    .refine((command) => command.was === undefined || command.entrants.length <= MAX_EDITED_ENTRANTS, { path: ['entrants'], message: perEdit }),
  /** Refused while the athlete has passings (reject or keep them first); `was` as for upsertEntrants. */
  z.strictObject({ type: z.literal('removeEntrant'), raceId: RaceId, bib: Bib, was: Entrant.optional() }),
  /** A start list as CSV text (bib, name, country, category, pb, display name): good rows are imported, the rest reported. */
  z.strictObject({ type: z.literal('importStartList'), raceId: RaceId, csv: z.string().max(200_000) }),
  /** Where the timing reads chips. Points that already have passings must stay. */
  z.strictObject({ type: z.literal('setTimingPoints'), raceId: RaceId, points: TimingPoints }),
  z.strictObject({ type: z.literal('setFeedSplits'), raceId: RaceId, feedSplits: FeedSplits }),
  /** A batch of passings: duplicates are dropped, corrections replace, implausible ones are held for the operator. */
  z.strictObject({ type: z.literal('recordPassings'), raceId: RaceId, passings: z.array(Passing).min(1).max(MAX_PASSINGS_PER_BATCH) }),
  /** Takes a held passing as it is (it replaces any passing of that athlete at that point). */
  z.strictObject({ type: z.literal('acceptHeldPassing'), raceId: RaceId, bib: Bib, metres: z.number().positive().max(100_000) }),
  z.strictObject({ type: z.literal('rejectHeldPassing'), raceId: RaceId, bib: Bib, metres: z.number().positive().max(100_000) }),
  /**
   * Removes one stored passing (a misread the timing company withdrew, a passing for the wrong athlete). Its time is
   * remembered as rejected: the same passing sent again by a feed stays out, another time is checked anew.
   * `metres` is the timing point's distance, in metres or as text (10K, HALFWAY).
   */
  z.strictObject({ type: z.literal('removePassing'), raceId: RaceId, bib: Bib, metres: DistanceInput }),
  /** Puts the feed's split at a timing point (the leader's time) into the race's splits, for races that wait for approval. */
  z.strictObject({ type: z.literal('approveFeedSplit'), raceId: RaceId, metres: DistanceInput }),
] as const;

/** Timing feeds: configured in the show, run by the hub. */
export const feedCommands = [
  /** Adds a feed, or replaces the one with the same id (a running feed keeps running with the new settings). */
  z.strictObject({ type: z.literal('setFeed'), feed: Feed }),
  z.strictObject({ type: z.literal('removeFeed'), feedId: PassingSource }),
  /** Starts (or restarts: a replay plays again from its beginning) a feed. */
  z.strictObject({ type: z.literal('startFeed'), feedId: PassingSource }),
  z.strictObject({ type: z.literal('stopFeed'), feedId: PassingSource }),
] as const;
