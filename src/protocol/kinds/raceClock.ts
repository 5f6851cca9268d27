import { z } from 'zod';
import { RaceId } from '../race';
import { fontSize, px, minAtMostMax } from '../templates/layoutTypes';

/** Race clocks: one row per race (up to three, stacked), each its name and time since the gun. */
export const raceClock = {
  kind: 'raceClock',
  title: 'Race clock',
  layer: 'clock',
  props: z.strictObject({
    raceIds: z
      .array(RaceId)
      .min(1, 'name at least one race')
      .max(3, 'show at most three races at once')
      .refine((ids) => new Set(ids).size === ids.length, 'name each race once'),
  }),
  /** Geometry in design pixels, from the top-left of the clock region (templates/raceClock.json). */
  layout: z.strictObject({
    inset: px,
    accentWidth: px,
    rowHeight: px,
    rowGap: px,
    nameWidth: px,
    timeWidth: px,
    paddingX: px,
    nameSize: fontSize,
    nameMinSize: fontSize,
    timeSize: fontSize,
    slide: px,
  }).superRefine(minAtMostMax(['nameMinSize', 'nameSize'])),
} as const;
export type RaceClockProps = z.infer<typeof raceClock.props>;
export type RaceClockLayout = z.infer<typeof raceClock.layout>;
