import { z } from 'zod';
import { RaceId } from '../race';
import { fontSize, px, minAtMostMax } from '../templates/layoutTypes';

/**
 * A race's latest split, the finish it projects and how that stands against the record:
 * HALFWAY 1:01:24 · PROJECTED 2:02:48 · WORLD RECORD 2:02:57 · 9 S UNDER. Follows new splits in place.
 */
export const projectionTicker = {
  kind: 'projectionTicker',
  title: 'Projection ticker',
  layer: 'ticker',
  props: z.strictObject({ raceId: RaceId }),
  /**
   * Geometry in design pixels, from the top-left of the ticker region (templates/projectionTicker.json).
   * Each segment has a fixed slot, so a changed value never moves the segments beside it.
   */
  layout: z.strictObject({
    height: px,
    nameWidth: px,
    paddingX: px,
    captionGap: px,
    slots: z.strictObject({ split: px, projected: px, record: px, delta: px }),
    dotSize: px,
    nameSize: fontSize,
    nameMinSize: fontSize,
    captionSize: fontSize,
    captionMinSize: fontSize,
    valueSize: fontSize,
    valueMinSize: fontSize,
    deltaSize: fontSize,
    deltaMinSize: fontSize,
    deltaPaddingX: px,
    roll: px,
  }).superRefine(minAtMostMax(['nameMinSize', 'nameSize'], ['captionMinSize', 'captionSize'], ['valueMinSize', 'valueSize'], ['deltaMinSize', 'deltaSize'])),
} as const;
export type ProjectionTickerProps = z.infer<typeof projectionTicker.props>;
export type ProjectionTickerLayout = z.infer<typeof projectionTicker.layout>;
