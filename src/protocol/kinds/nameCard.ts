import { z } from 'zod';
import { onAirText, requiredText } from '../text';
import { px, fontSize, minAtMostMax } from '../templates/layoutTypes';

/** Commentator name card: name and role, or a quote attributed to the commentator. */
export const nameCard = {
  kind: 'nameCard',
  title: 'Commentator name card',
  layer: 'lowerThird',
  props: z.strictObject({
    name: requiredText(80),
    role: onAirText(120).default(''),
    quote: onAirText(240).optional(),
  }),
  /** Geometry in design pixels, from the bottom-left of the lowerThird region (templates/nameCard.json). */
  layout: z.strictObject({
    inset: px,
    accentWidth: px,
    nameHeight: px,
    roleHeight: px,
    paddingX: px,
    minWidth: px,
    maxWidth: px,
    nameSize: fontSize,
    nameMinSize: fontSize,
    quoteSize: fontSize,
    quoteMinSize: fontSize,
    roleSize: fontSize,
    roleMinSize: fontSize,
    slide: px,
  }).superRefine(minAtMostMax(['minWidth', 'maxWidth'], ['nameMinSize', 'nameSize'], ['quoteMinSize', 'quoteSize'], ['roleMinSize', 'roleSize'])),
} as const;
export type NameCardProps = z.infer<typeof nameCard.props>;
export type NameCardLayout = z.infer<typeof nameCard.layout>;
