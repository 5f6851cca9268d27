import { z } from 'zod';
import { CountryCode } from './country';
import { ElapsedMs } from './elapsedMs';
import { nameText, onAirText } from './text';

/** A race number as the timing system prints it: 1 to 8 letters, digits or hyphens ("101", "F12", "W-3"). */
export const Bib = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,8}$/, 'must be a bib number: 1 to 8 letters, digits or hyphens, like 101 or F12');
export type Bib = z.infer<typeof Bib>;

/**
 * A bib without its leading zeros ("007" → "7", "00" → "0"): a chip system and a printed start list may write the same
 * number with or without them (and a JSON feed's {"bib": 7} has none), so bibs equal this way are told apart with care.
 */
export function bibWithoutLeadingZeros(bib: string): string {
  return bib.replace(/^0+(?=.)/, '');
}

/** One athlete entered in a race. `displayName` is the short form graphics prefer ("Kipchoge"). */
export const Entrant = z.strictObject({
  bib: Bib,
  name: nameText(80),
  displayName: nameText(40).optional(),
  /** A World Athletics code (GER), ISO 3166 alpha-2 or alpha-3, or an English country name; shows a flag. */
  country: CountryCode.optional(),
  /** "F35", "T54", "ELITE": as the organiser gives it. */
  category: onAirText(20).optional(),
  /** Personal best over the race's distance, ms. */
  pbMs: ElapsedMs.optional(),
});
export type Entrant = z.infer<typeof Entrant>;

/**
 * Entrants per race the show holds: a mass start's whole start list. Pages get only the entrants they draw of a
 * race with more than a couple of thousand (state/pageView.ts); the panel finds the rest through the hub's
 * GET /api/races/:raceId/entrants.
 */
export const MAX_ENTRANTS = 50_000;

/**
 * Entrant objects known to pass the Entrant schema as they are. The hub checks the whole show before every save
 * (a zod check of 40,000 entrants costs a quarter of a second); the show's entrants are never changed in place, so
 * an entrant (or a whole list) checked once is not checked again: a take costs the same whatever the start lists hold.
 */
const checked = new WeakSet<object>();
let entrantJsonSchema: unknown = null;

/** A race's start list: each entrant checked with Entrant (once per object, see `checked`), bibs unique, at most MAX_ENTRANTS. */
export const Entrants = z
  .custom<Entrant[]>((value) => Array.isArray(value), 'must be a list of entrants')
  .transform((list, ctx) => {
    if (checked.has(list)) return list;
    if (list.length > MAX_ENTRANTS) {
      ctx.addIssue({ code: 'too_big', origin: 'array', maximum: MAX_ENTRANTS, inclusive: true, input: list, message: `at most ${MAX_ENTRANTS} entrants in a race` });
      return z.NEVER;
    }
    const out: Entrant[] = new Array(list.length);
    const bibs = new Set<string>();
    let ok = true;
    let same = true;
    for (let i = 0; i < list.length; i++) {
      let entrant = list[i]!;
      if (typeof entrant !== 'object' || entrant === null || !checked.has(entrant)) {
        const parsed = Entrant.safeParse(entrant);
        if (!parsed.success) {
          ok = false;
          for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [i, ...issue.path] } as Parameters<typeof ctx.addIssue>[0]);
          continue;
        }
        // Kept as it is when the schema changed nothing (trimmed text, a country's code), so it is known next time.
        if (!sameEntrant(parsed.data, entrant)) {
          entrant = parsed.data;
          same = false;
        }
        checked.add(entrant);
      }
      out[i] = entrant;
      bibs.add(entrant.bib);
    }
    if (!ok) return z.NEVER;
    if (bibs.size !== list.length) {
      ctx.addIssue({ code: 'custom', input: list, message: 'bibs must be unique in a race' });
      return z.NEVER;
    }
    if (!same) return out;
    checked.add(list);
    return list;
  })
  // What JSON Schema readers (the OpenAPI document, OGraf's GDD) are told, since a custom check has no shape of its
  // own; worked out when first read, so a page never pays for it.
  .meta({
    type: 'array',
    description: 'The start list: bibs unique',
    maxItems: MAX_ENTRANTS,
    get items() {
      return (entrantJsonSchema ??= (({ $schema: _dialect, ...schema }) => schema)(z.toJSONSchema(Entrant, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' })));
    },
  });

function sameEntrant(a: Entrant, b: unknown): boolean {
  const other = b as Record<string, unknown>;
  const keys = Object.keys(other);
  return keys.length === Object.keys(a).length && keys.every((key) => (a as Record<string, unknown>)[key] === other[key]);
}

/** The name graphics show for an entrant: the display name, else the name. */
export function shownName(entrant: Entrant): string {
  return entrant.displayName ?? entrant.name;
}
