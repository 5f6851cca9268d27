import { z } from 'zod';
import { CountryCode } from '../country';
import { RaceTime } from '../raceTime';
import { fontSize, px } from '../templates/layoutTypes';
import { onAirText, requiredText } from '../text';

export const AGE_RANGE = [14, 90] as const;

/** An athlete's age in whole years; anything outside AGE_RANGE is a typo, not an athlete. */
const Age = z.number().refine((n) => Number.isInteger(n) && n >= AGE_RANGE[0] && n <= AGE_RANGE[1], {
  error: (issue) => `must be a whole number of years from ${AGE_RANGE[0]} to ${AGE_RANGE[1]}, not ${String(issue.input)}`,
});

/** Athlete profile: name, age, country with its flag, a short bio and a best or record line. */
export const athleteProfile = {
  kind: 'athleteProfile',
  title: 'Athlete profile',
  layer: 'lowerThird',
  props: z.strictObject({
    name: requiredText(80),
    age: Age.optional(),
    /** ISO 3166-1 alpha-2 (KE) or alpha-3 (KEN). */
    country: CountryCode,
    bio: onAirText(160).default(''),
    /** E.g. { label: "World record", time: "2:02:57", note: "Berlin 2014" }. */
    best: z
      .strictObject({
        label: requiredText(40),
        time: RaceTime,
        note: onAirText(60).default(''),
      })
      .optional(),
  }),
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
  }),
} as const;
export type AthleteProfileProps = z.infer<typeof athleteProfile.props>;
export type AthleteProfileLayout = z.infer<typeof athleteProfile.layout>;
