import type { Entrant } from '../../protocol/entrant';
import type { Race } from '../../protocol/race';

/** The text an entrant is found by: bib, name, display name, country and category. */
function searchText(entrant: Entrant): string {
  return [entrant.bib, entrant.name, entrant.displayName, entrant.country, entrant.category].filter(Boolean).join(' ').toLowerCase();
}

/**
 * The entrants matching a typed query, in start-list order except that a bib typed exactly comes first: a
 * commentator calls "number 12", so "12" finds bib 12 before 112 and 120. Every word of the query must appear
 * in the bib, name, display name, country or category (any case). An empty query matches everyone.
 */
export function findEntrants(entrants: readonly Entrant[], query: string): Entrant[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found = entrants.filter((entrant) => {
    const text = searchText(entrant);
    return words.every((word) => text.includes(word));
  });
  const exact = words.length === 1 ? found.find((e) => e.bib.toLowerCase() === words[0]) : undefined;
  return exact ? [exact, ...found.filter((e) => e !== exact)] : found;
}

/** A timing point's label by its index ("HALFWAY"). */
export function shownPoint(race: Race, index: number): string {
  return race.timingPoints?.[index]?.label ?? `point ${index + 1}`;
}
