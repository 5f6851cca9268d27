import { z } from 'zod';
import { GraphicSpec } from '../protocol/graphicSpec';
import { LayerId } from '../protocol/layers';
import { DEFAULT_THEME, ThemeName } from '../protocol/templates/templateSet';
import { Race } from '../protocol/race';
import { CrawlState, EMPTY_CRAWL } from './crawlState';
import { ItemId, RundownItem } from '../protocol/rundownItem';
import { Feed, MAX_FEEDS } from '../protocol/feed';

/** A graphic instance on air. `id` changes on every take, so outputs can tell a new take from an update. */
export const OnAirGraphic = z.strictObject({
  id: z.string(),
  layer: LayerId,
  graphic: GraphicSpec,
  /** Hub time (ms since epoch) when it was taken. */
  takenAt: z.number(),
  /** Hub time of the last in-place update, or the take. */
  updatedAt: z.number(),
  /** The rundown item it was taken from (for tally), when it came from the rundown. */
  itemId: ItemId.optional(),
  /** Hub time at which the hub takes it out by itself (its rundown item's auto-out), stored so a restart keeps it. */
  outAt: z.number().optional(),
});
export type OnAirGraphic = z.infer<typeof OnAirGraphic>;

/** The show's races (of `race`: the check after a change reads each race with a schema that skips what it has checked). */
export function raceList<T extends z.ZodType<Race>>(race: T) {
  return z
    .array(race)
    .max(20)
    .refine((races) => new Set(races.map((r) => r.id)).size === races.length, 'race ids must be unique');
}

export const SHOW_FORMAT = 'finishline-show/1';

/** The whole show: the hub holds the authoritative copy, persists it and sends it to every client. */
export const ShowState = z.strictObject({
  format: z.literal(SHOW_FORMAT),
  revision: z.number().int().nonnegative(),
  name: z.string().max(120),
  onAir: z.partialRecord(LayerId, OnAirGraphic),
  /** The theme every output draws with: a file name in templates/themes/ (without .json). */
  theme: ThemeName.default(DEFAULT_THEME),
  /** The races of the day, in running order (see src/protocol/race.ts). */
  races: raceList(Race).default([]),
  crawl: CrawlState.default(EMPTY_CRAWL),
  /** The prepared items, in order; the panel groups them by `group`. */
  rundown: z.array(RundownItem).max(2000).default([]),
  /** Timing feeds the hub reads (src/server/feeds); their health is the hub's, not the show's. */
  feeds: z
    .array(Feed)
    .max(MAX_FEEDS)
    .refine((feeds) => new Set(feeds.map((f) => f.id)).size === feeds.length, 'feed ids must be unique')
    .default([]),
  /** A locked show refuses rundown edits and show switches; take and clear still work. */
  locked: z.boolean().default(false),
});
export type ShowState = z.infer<typeof ShowState>;

export function emptyShow(name = 'Untitled show'): ShowState {
  return { format: SHOW_FORMAT, revision: 0, name, onAir: {}, races: [], crawl: EMPTY_CRAWL, rundown: [], locked: false, theme: DEFAULT_THEME, feeds: [] };
}
