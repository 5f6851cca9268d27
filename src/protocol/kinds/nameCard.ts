import { z } from 'zod';
import { onAirText, requiredText } from '../text';

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
} as const;
export type NameCardProps = z.infer<typeof nameCard.props>;
