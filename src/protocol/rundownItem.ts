import { z } from 'zod';
import { contractOf, GraphicSpec } from './graphicSpec';
import { onAirText, requiredText } from './text';

/** A rundown item's id, given by the hub (`r12`, `r12-3` for the third row of an import). */
export const ItemId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be a rundown item id like r12');

/** How long an item stays on air before it goes out by itself: whole seconds, from 1 to an hour. */
export const AutoOutSeconds = z.number().int('must be a whole number of seconds').min(1, 'must be at least 1 second').max(3600, 'must be at most 3600 seconds (an hour)');

/** What an operator prepares: a graphic with its props, filed under a race or segment. */
export const RundownItemInput = z.strictObject({
  /** The race or segment the item is filed under, e.g. "Commentators" or "Elite men". */
  group: requiredText(60),
  /** Optional name in the rundown; without one the item is named after its first text prop. */
  label: onAirText(80).optional(),
  graphic: GraphicSpec,
  /** Auto-out: once taken, the hub takes the graphic out by itself after this many seconds. */
  autoOutS: AutoOutSeconds.optional(),
});
export type RundownItemInput = z.infer<typeof RundownItemInput>;

/**
 * A prepared item in the show's rundown. `revision` is the show revision of the item's last change: an edit
 * names the item revision it was made against, so another operator's change to the same item is never
 * silently overwritten, while changes elsewhere in the show (takes, other items) do not get in the way.
 */
export const RundownItem = z.strictObject({
  id: ItemId,
  revision: z.number().int().nonnegative(),
  group: RundownItemInput.shape.group,
  label: RundownItemInput.shape.label,
  graphic: GraphicSpec,
  autoOutS: RundownItemInput.shape.autoOutS,
});
export type RundownItem = z.infer<typeof RundownItem>;

/** The item's name for lists and messages: its label, else its first non-empty text prop, else its kind's title. */
export function itemTitle(item: { label?: string | undefined; graphic: GraphicSpec }): string {
  if (item.label) return item.label;
  const text = Object.values(item.graphic.props as Record<string, unknown>).find((v): v is string => typeof v === 'string' && v.trim().length > 0);
  if (text) return text;
  // A profile or result card naming only an entrant: the bib says which (the name is in the show, not the item).
  const entrant = (item.graphic.props as { entrant?: { bib: string; raceId: string } }).entrant;
  return entrant ? `${contractOf(item.graphic.kind).title} (bib ${entrant.bib}, ${entrant.raceId})` : contractOf(item.graphic.kind).title;
}
