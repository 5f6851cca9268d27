import { z } from 'zod';
import { PassingSource } from './passing';
import { RaceId } from './race';

/** A feed file in the hub's feeds folder (shows/feeds/ by default): a plain file name, no folders. */
const FeedFileName = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}\.json$/, 'must be a .json file name in the feeds folder, like london-2016-elite.rehearsal.json');

const common = {
  /** Names the feed in health and in each passing's source. */
  id: PassingSource,
  /** The race a passing belongs to when the feed does not say. */
  raceId: RaceId.optional(),
  /** Feed health warns (graphics on air are left as they are) after this long without a message. */
  staleAfterS: z.number().int().min(2).max(3600).default(30),
  running: z.boolean().default(false),
  /** Hub time the feed was last started (a replay plays from here). */
  startedAt: z.number().int().nullable().default(null),
};

/**
 * A timing feed the hub reads, configured per show (src/server/feeds). `replay` plays a recorded feed file
 * against hub time; `pull` fetches JSON or CSV at an interval, read with a field-mapping file; `push` takes
 * passings POSTed to /api/feeds/<id>/passings.
 */
export const Feed = z.discriminatedUnion('source', [
  z.strictObject({ ...common, source: z.literal('replay'), file: FeedFileName, speed: z.number().min(1).max(1000).default(1) }),
  z.strictObject({
    ...common,
    source: z.literal('pull'),
    url: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).max(500),
    intervalS: z.number().min(0.2).max(600).default(5),
    /** The field-mapping file in the feeds folder. */
    mapping: FeedFileName,
  }),
  z.strictObject({ ...common, source: z.literal('push') }),
]);
export type Feed = z.infer<typeof Feed>;
export const MAX_FEEDS = 12;
