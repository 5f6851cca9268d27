import { z } from 'zod';
import { CountryCode } from '../country';
import { EntrantRef, requiredWithoutEntrant } from '../entrantRef';
import { RaceTime } from '../raceTime';
import { fontSize, px, minAtMostMax } from '../templates/layoutTypes';
import { onAirText, requiredText } from '../text';

const Placing = z.strictObject({
  position: z.number().int().min(1).max(999),
  name: requiredText(80),
  country: CountryCode.optional(),
  time: RaceTime,
});

/**
 * Result card: the race, its winner and time, a note ("Fourth straight win") and the top three. With `entrant`,
 * the card is that athlete's: name and country from the start list, place and time from the finish standings,
 * the race's name as its title (typed fields override them).
 */
export const resultCard = {
  kind: 'resultCard',
  title: 'Result card',
  layer: 'centre',
  props: z
    .strictObject({
      /** Required without an entrant. */
      race: requiredText(60).optional(),
      /** Required without an entrant. */
      winner: requiredText(80).optional(),
      /** The winner's country (ISO 3166 alpha-2 or alpha-3); shows a flag. */
      country: CountryCode.optional(),
      /** Required without an entrant (whose finish time it is by default). */
      time: RaceTime.optional(),
      note: onAirText(80).default(''),
      topThree: z.array(Placing).max(3).default([]),
      /** The athlete on a race's start list this card is about: name, country, and place and time at the finish. */
      entrant: EntrantRef.optional(),
    })
    .superRefine(requiredWithoutEntrant(['race', 'winner', 'time'])),
  /** Geometry in design pixels inside the centre region (templates/resultCard.json). */
  layout: z.strictObject({
    width: px,
    titleHeight: px,
    winnerHeight: px,
    noteHeight: px,
    rowHeight: px,
    paddingX: px,
    flagWidth: px,
    rowFlagWidth: px,
    titleSize: fontSize,
    winnerSize: fontSize,
    winnerMinSize: fontSize,
    timeSize: fontSize,
    noteSize: fontSize,
    rowSize: fontSize,
    rowMinSize: fontSize,
    slide: px,
  }).superRefine(minAtMostMax(['winnerMinSize', 'winnerSize'], ['rowMinSize', 'rowSize'])),
} as const;
export type ResultCardProps = z.infer<typeof resultCard.props>;
export type ResultCardLayout = z.infer<typeof resultCard.layout>;
