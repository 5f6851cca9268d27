import { z } from 'zod';
import { RaceId } from '../race';
import { fontSize, px, minAtMostMax } from '../templates/layoutTypes';

/** One split of one race: its caption (10K, HALFWAY, 15 MILES), the time and who leads. */
export const splitBanner = {
  kind: 'splitBanner',
  title: 'Split banner',
  layer: 'banner',
  props: z.strictObject({
    raceId: RaceId,
    /** Which split, by its distance from the start in metres (as stored on the race). */
    metres: z.number().positive().max(100_000),
  }),
  /** Geometry in design pixels, from the top-right of the banner region (templates/splitBanner.json). */
  layout: z.strictObject({
    inset: px,
    width: px,
    nameHeight: px,
    mainHeight: px,
    leadersHeight: px,
    paddingX: px,
    nameSize: fontSize,
    nameMinSize: fontSize,
    labelSize: fontSize,
    labelMinSize: fontSize,
    timeSize: fontSize,
    timeMinSize: fontSize,
    leadersSize: fontSize,
    leadersMinSize: fontSize,
    slide: px,
  }).superRefine(minAtMostMax(['nameMinSize', 'nameSize'], ['labelMinSize', 'labelSize'], ['timeMinSize', 'timeSize'], ['leadersMinSize', 'leadersSize'])),
} as const;
export type SplitBannerProps = z.infer<typeof splitBanner.props>;
export type SplitBannerLayout = z.infer<typeof splitBanner.layout>;
