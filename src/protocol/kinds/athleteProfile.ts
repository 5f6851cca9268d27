import { z } from 'zod';
import { CountryCode } from '../country';
import { EntrantRef, requiredWithoutEntrant } from '../entrantRef';
import { RaceTime } from '../raceTime';
import { fontSize, px, minAtMostMax } from '../templates/layoutTypes';
import { onAirText, requiredText } from '../text';

export const AGE_RANGE = [14, 90] as const;

/** An athlete's age in whole years; anything outside AGE_RANGE is a typo, not an athlete. */
const Age = z.number().refine((n) => Number.isInteger(n) && n >= AGE_RANGE[0] && n <= AGE_RANGE[1], {
  error: (issue) => `must be a whole number of years from ${AGE_RANGE[0]} to ${AGE_RANGE[1]}, not ${String(issue.input)}`,
});

/**
 * Athlete profile: name, age, country with its flag, a short bio and a best or record line. With `entrant`, the
 * name, country and personal best come from the start list (typed fields override them).
 */
export const athleteProfile = {
  kind: 'athleteProfile',
  title: 'Athlete profile',
  layer: 'lowerThird',
  props: z
    .strictObject({
      /** Required without an entrant. */
      name: requiredText(80).optional(),
      age: Age.optional(),
      /** ISO 3166-1 alpha-2 (KE) or alpha-3 (KEN). Required without an entrant. */
      country: CountryCode.optional(),
      bio: onAirText(160).default(''),
      /** E.g. { label: "World record", time: "2:02:57", note: "Berlin 2014" }. */
      best: z
        .strictObject({
          label: requiredText(40),
          time: RaceTime,
          note: onAirText(60).default(''),
        })
        .optional(),
      /** The athlete on a race's start list this profile draws from: name, country, PB as "PERSONAL BEST". */
      entrant: EntrantRef.optional(),
    })
    .superRefine(requiredWithoutEntrant(['name', 'country'])),
  /** Geometry in design pixels, from the bottom-left of the lowerThird region (templates/athleteProfile.json). */
  layout: z.strictObject({
    inset: px,
    accentWidth: px,
    panelHeight: px,
    bestHeight: px,
    bioHeight: px,
    paddingX: px,
    flagWidth: px,
    minWidth: px,
    maxWidth: px,
    nameSize: fontSize,
    nameMinSize: fontSize,
    metaSize: fontSize,
    bestSize: fontSize,
    bioSize: fontSize,
    bioMinSize: fontSize,
    slide: px,
  }).superRefine(minAtMostMax(['minWidth', 'maxWidth'], ['nameMinSize', 'nameSize'], ['bioMinSize', 'bioSize'])),
} as const;
export type AthleteProfileProps = z.infer<typeof athleteProfile.props>;
export type AthleteProfileLayout = z.infer<typeof athleteProfile.layout>;
