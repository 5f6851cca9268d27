import { z } from 'zod';
import { fontSize, px, minAtMostMax } from '../templates/layoutTypes';
import { onAirText, requiredText } from '../text';

/** Stat card: one number, shown with thousands separators, and a caption ("runners were set to start"). */
export const statCard = {
  kind: 'statCard',
  title: 'Stat card',
  layer: 'centre',
  props: z.strictObject({
    value: z.number().min(-1e12).max(1e12),
    /** Shown after the number, e.g. "km" or "%". */
    unit: onAirText(12).default(''),
    caption: requiredText(120),
  }),
  /** Geometry in design pixels inside the centre region (templates/statCard.json). */
  layout: z.strictObject({
    minWidth: px,
    maxWidth: px,
    numberHeight: px,
    captionHeight: px,
    paddingX: px,
    accentHeight: px,
    numberSize: fontSize,
    captionSize: fontSize,
    captionMinSize: fontSize,
    offsetY: z.number().min(-600).max(600),
  }).superRefine(minAtMostMax(['minWidth', 'maxWidth'], ['captionMinSize', 'captionSize'])),
} as const;
export type StatCardProps = z.infer<typeof statCard.props>;
export type StatCardLayout = z.infer<typeof statCard.layout>;
