import { z } from 'zod';
import { RaceId } from '../race';
import { fontSize, px, minAtMostMax } from '../templates/layoutTypes';

/** Gap: a race's leading group against the chasers at the latest timing point, and whether the gap grows. */
export const gap = {
  kind: 'gap',
  title: 'Gap',
  layer: 'banner',
  props: z.strictObject({ raceId: RaceId }),
  /** Geometry in design pixels, from the top-right of the banner region (templates/gap.json). */
  layout: z.strictObject({
    inset: px,
    width: px,
    titleHeight: px,
    rowHeight: px,
    paddingX: px,
    gapWidth: px,
    titleSize: fontSize,
    rowSize: fontSize,
    rowMinSize: fontSize,
    gapSize: fontSize,
  }).superRefine(minAtMostMax(['rowMinSize', 'rowSize'])),
} as const;
export type GapProps = z.infer<typeof gap.props>;
export type GapLayout = z.infer<typeof gap.layout>;
