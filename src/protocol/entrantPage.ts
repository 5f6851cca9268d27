import { z } from 'zod';
import { Entrant, MAX_ENTRANTS } from './entrant';

/** Entrants one search answers with at most: a panel list's page. */
export const MAX_ENTRANT_PAGE = 200;
export const DEFAULT_ENTRANT_PAGE = 50;

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be a whole number from ${min} to ${max}`).max(max, `must be a whole number from ${min} to ${max}`));

/**
 * GET /api/races/{raceId}/entrants's query, as URL parameters (strings): `q` a bib's start or part of a name (any
 * case, accents ignored; empty for everyone), then the page: `offset` matches skipped, at most `limit` returned.
 */
export const EntrantQuery = z.strictObject({
  q: z.string().max(80, 'must be at most 80 characters: a bib or part of a name').default('').describe("A bib's start or part of a name; empty finds everyone"),
  offset: wholeNumber(0, MAX_ENTRANTS).default(0).describe('Matches skipped (default 0)'),
  limit: wholeNumber(1, MAX_ENTRANT_PAGE).default(DEFAULT_ENTRANT_PAGE).describe(`Matches returned at most (1 to ${MAX_ENTRANT_PAGE}, default ${DEFAULT_ENTRANT_PAGE})`),
});
export type EntrantQuery = z.output<typeof EntrantQuery>;

/** What the search answers: a page of the matching entrants in their order (see state/searchEntrants.ts), and the counts. */
export const EntrantPage = z.strictObject({
  raceId: z.string(),
  /** Entrants on the race's whole start list. */
  total: z.number().int().min(0),
  /** Entrants matching `q`, of which `entrants` are those from `offset` on. */
  matched: z.number().int().min(0),
  offset: z.number().int().min(0),
  entrants: z.array(Entrant).max(MAX_ENTRANT_PAGE),
  /** The show revision the answer was read at. */
  revision: z.number().int(),
});
export type EntrantPage = z.infer<typeof EntrantPage>;
