import { z } from 'zod';
import { CountryCode } from './country';
import { ElapsedMs } from './elapsedMs';
import { onAirText, requiredText } from './text';

/** A race number as the timing system prints it: 1 to 8 letters, digits or hyphens ("101", "F12", "W-3"). */
export const Bib = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,8}$/, 'must be a bib number: 1 to 8 letters, digits or hyphens, like 101 or F12');
export type Bib = z.infer<typeof Bib>;

/** One athlete entered in a race. `displayName` is the short form graphics prefer ("Kipchoge"). */
export const Entrant = z.strictObject({
  bib: Bib,
  name: requiredText(80),
  displayName: requiredText(40).optional(),
  /** ISO 3166 alpha-2 or alpha-3, or an English country name; shows a flag. */
  country: CountryCode.optional(),
  /** "F35", "T54", "ELITE": as the organiser gives it. */
  category: onAirText(20).optional(),
  /** Personal best over the race's distance, ms. */
  pbMs: ElapsedMs.optional(),
});
export type Entrant = z.infer<typeof Entrant>;

/**
 * Entrants per race the show holds. The show travels whole to every page on every change (ARCHITECTURE.md),
 * so an elite field fits many times over; a 40,000-runner mass start belongs in the timing system, with its
 * elite and leading runners entered here.
 */
export const MAX_ENTRANTS = 1000;

export const Entrants = z
  .array(Entrant)
  .max(MAX_ENTRANTS)
  .refine((list) => new Set(list.map((e) => e.bib)).size === list.length, 'bibs must be unique in a race');

/** The name graphics show for an entrant: the display name, else the name. */
export function shownName(entrant: Entrant): string {
  return entrant.displayName ?? entrant.name;
}
