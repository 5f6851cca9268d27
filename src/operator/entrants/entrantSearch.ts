import { describeIssues } from '../../protocol/describeIssues';
import { EntrantPage } from '../../protocol/entrantPage';

/** What the panel asks the hub's start-list search for (GET /api/races/{raceId}/entrants). */
export type EntrantSearch = { raceId: string; q: string; offset: number; limit: number };
export type SearchAnswer = { search: EntrantSearch; page: EntrantPage } | { search: EntrantSearch; error: string };

export const sameSearch = (a: EntrantSearch | null | undefined, b: EntrantSearch | null | undefined) =>
  !!a && !!b && a.raceId === b.raceId && a.q === b.q && a.offset === b.offset && a.limit === b.limit;

/**
 * Asks the hub's start-list search, one request at a time, latest wins: while one is under way, only the last search
 * asked for since is sent next (a fast typist's every keystroke is not a request), and only its answer is handed on.
 * The answer is checked with the hub's EntrantPage schema.
 */
export function createEntrantSearcher(answer: (result: SearchAnswer) => void) {
  let wanted: EntrantSearch | null = null;
  let busy = false;

  async function pump() {
    busy = true;
    while (wanted) {
      const search = wanted;
      wanted = null;
      const result = await ask(search);
      if (!wanted) answer(result);
    }
    busy = false;
  }

  return {
    /** Asks for `search` (again, when the show has changed since the last answer). */
    find(search: EntrantSearch) {
      wanted = search;
      if (!busy) void pump();
    },
  };
}

async function ask(search: EntrantSearch): Promise<SearchAnswer> {
  const query = new URLSearchParams({ q: search.q, offset: String(search.offset), limit: String(search.limit) });
  try {
    const response = await fetch(`/api/races/${encodeURIComponent(search.raceId)}/entrants?${query}`);
    const body = (await response.json()) as unknown;
    if (!response.ok) return { search, error: (body as { error?: string }).error ?? `The hub answered ${response.status}` };
    const parsed = EntrantPage.safeParse(body);
    return parsed.success ? { search, page: parsed.data } : { search, error: `The hub's answer is not a page of entrants: ${describeIssues(parsed.error)}` };
  } catch (error) {
    return { search, error: `The start list could not be searched: ${(error as Error).message}` };
  }
}
