import { z } from 'zod';
import { RaceId } from '../race';
import { fontSize, px, minAtMostMax } from '../templates/layoutTypes';

/** Leaderboard: a race's order at a timing point (the latest reached, or one chosen), from its passings. */
export const leaderboard = {
  kind: 'leaderboard',
  title: 'Leaderboard',
  layer: 'centre',
  props: z.strictObject({
    raceId: RaceId,
    /** The timing point, by its distance from the start in metres; left out, the furthest point anyone has reached. */
    metres: z.number().positive().max(100_000).optional(),
    /** Rows per page. */
    top: z.number().int().min(1).max(10).default(8),
    /** Which page of `top` rows: 1 shows places 1 to top, 2 the next... */
    page: z.number().int().min(1).max(100).default(1),
  }),
  /** Geometry in design pixels inside the centre region (templates/leaderboard.json). */
  layout: z.strictObject({
    width: px,
    titleHeight: px,
    rowHeight: px,
    paddingX: px,
    placeWidth: px,
    flagWidth: px,
    changeWidth: px,
    titleSize: fontSize,
    rowSize: fontSize,
    rowMinSize: fontSize,
    slide: px,
  }).superRefine(minAtMostMax(['rowMinSize', 'rowSize'])),
} as const;
export type LeaderboardProps = z.infer<typeof leaderboard.props>;
export type LeaderboardLayout = z.infer<typeof leaderboard.layout>;
