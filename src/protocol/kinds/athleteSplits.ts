import { z } from 'zod';
import { Bib } from '../entrant';
import { RaceId } from '../race';
import { fontSize, px, minAtMostMax } from '../templates/layoutTypes';

/**
 * Athlete splits: one athlete's 5 km splits from the race's passings (split, time, pace per km and per mile)
 * against the race's record at an even pace. Rows appear as the athlete reaches each 5 km point.
 */
export const athleteSplits = {
  kind: 'athleteSplits',
  title: 'Athlete splits',
  layer: 'centre',
  props: z.strictObject({
    raceId: RaceId,
    /** The athlete, by bib on the race's start list. */
    bib: Bib,
  }),
  /** Geometry in design pixels inside the centre region (templates/athleteSplits.json). */
  layout: z.strictObject({
    width: px,
    titleHeight: px,
    headHeight: px,
    rowHeight: px,
    paddingX: px,
    flagWidth: px,
    /** Widths of the columns after the point's caption, left to right; the caption takes what is left. */
    columns: z.strictObject({ split: px, time: px, perKm: px, perMile: px, vsRecord: px }),
    titleSize: fontSize,
    titleMinSize: fontSize,
    headSize: fontSize,
    rowSize: fontSize,
    rowMinSize: fontSize,
    slide: px,
  }).superRefine(minAtMostMax(['titleMinSize', 'titleSize'], ['rowMinSize', 'rowSize'])),
} as const;
export type AthleteSplitsProps = z.infer<typeof athleteSplits.props>;
export type AthleteSplitsLayout = z.infer<typeof athleteSplits.layout>;
