import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeTextFile } from '../../protocol/decodeTextFile';
import { describeIssues } from '../../protocol/describeIssues';
import { EntrantQuery } from '../../protocol/entrantPage';
import type { EntrantPage } from '../../protocol/entrantPage';
import { MAX_ENTRANTS } from '../../protocol/entrant';
import { describeRefused, readStartListInSlices } from '../../protocol/startList';
import { onAirEntrantCheck } from '../../state/entrantReferences';
import { entrantOf } from '../../state/passingTable';
import { unknownRace } from '../../state/raceReferences';
import { searchEntrants } from '../../state/searchEntrants';
import type { Hub } from '../hub';
import { HttpError, readBodyBytes, readJson, reply, requireSender } from '../httpRequest';
import type { Roles } from '../roles';
import { cut, type RequestTarget } from '../requestTarget';
import type { IncomingPassing } from './feedIngest';
import type { FeedRunner } from './feedRunner';

/** The race-data routes, as the OpenAPI document names them (path parameters in braces). */
export const RACE_DATA_ROUTES = ['GET /api/feeds', 'POST /api/feeds/{feedId}/passings', 'POST /api/races/{raceId}/start-list', 'GET /api/races/{raceId}/entrants'] as const;
export type RaceDataRoute = (typeof RACE_DATA_ROUTES)[number];

/** A mass start's start list as CSV: 50,000 rows of a hundred characters or so. */
export const MAX_START_LIST_BYTES = 8 * 1024 * 1024;

/**
 * Race-day data over HTTP: feed health (GET /api/feeds), passings pushed by a timing system
 * (POST /api/feeds/<id>/passings), a start list as CSV (POST /api/races/<raceId>/start-list) and a search of a
 * start list (GET /api/races/<raceId>/entrants?q=&offset=&limit=: pages get a mass start's list trimmed).
 * Returns false for any other path. `method` is the request's, HEAD read as GET.
 */
export async function handleRaceDataApi(request: IncomingMessage, method: string, response: ServerResponse, url: RequestTarget, hub: Hub, feeds: FeedRunner, roles: Roles): Promise<boolean> {
  if (method === 'GET' && url.pathname === '/api/feeds') return reply(response, 200, { feeds: feeds.reports() });
  const push = url.pathname.match(/^\/api\/feeds\/([^/]+)\/passings$/);
  if (push && method === 'POST') {
    requireSender(request, url, roles, 'recordPassings');
    const ingest = feeds.push(decodeURIComponent(push[1]!));
    if (typeof ingest === 'string') throw new HttpError(409, ingest);
    const body = await readJson(request);
    const list = Array.isArray(body) ? body : (body as { passings?: unknown })?.passings;
    if (!Array.isArray(list)) throw new HttpError(400, 'Send a JSON list of passings, or { "passings": [...] }: each { raceId?, bib, metres, elapsedMs }');
    const rows: IncomingPassing[] = list.map((item: unknown, i) => {
      const row = (item ?? {}) as Record<string, unknown>;
      // A whole-number bib is its text, as a pulled feed's is ({"bib": 1} is bib "1").
      const bib = typeof row.bib === 'number' && Number.isSafeInteger(row.bib) && row.bib >= 0 ? String(row.bib) : row.bib;
      return { row: `passing ${i + 1}${bib !== undefined ? ` (bib ${cut(String(bib), 12)})` : ''}`, raceId: typeof row.raceId === 'string' ? row.raceId : undefined, bib, metres: row.metres, elapsedMs: row.elapsedMs };
    });
    const defaultRace = hub.store.getState().feeds?.find((f) => f.id === decodeURIComponent(push[1]!))?.raceId;
    for (const row of rows) row.raceId ??= defaultRace;
    // Answered once the hub has committed what it took: "accepted" is never lost to a kill -9 after the answer.
    const { accepted, refused, unsaved } = await ingest.take(rows);
    if (unsaved.length > 0) return reply(response, 503, { accepted, refused, unsaved, error: `${unsaved.length} passing${unsaved.length === 1 ? ' was' : 's were'} not saved yet: send ${unsaved.length === 1 ? 'it' : 'them'} again (a passing sent twice counts once)` });
    return reply(response, refused.length > 0 && accepted === 0 ? 422 : 200, { accepted, refused });
  }
  const search = url.pathname.match(/^\/api\/races\/([^/]+)\/entrants$/);
  if (search && method === 'GET') {
    const state = hub.store.getState();
    const raceId = decodeURIComponent(search[1]!);
    const race = state.races.find((r) => r.id === raceId);
    if (!race) throw new HttpError(404, unknownRace(raceId, state.races));
    const { q, offset, limit } = readEntrantQuery(url.searchParams);
    const found = searchEntrants(race.entrants ?? [], q);
    const page: EntrantPage = { raceId, total: race.entrants?.length ?? 0, matched: found.length, offset, entrants: found.slice(offset, offset + limit), revision: state.revision };
    return reply(response, 200, page);
  }
  const startList = url.pathname.match(/^\/api\/races\/([^/]+)\/start-list$/);
  if (startList && method === 'POST') {
    const sender = requireSender(request, url, roles, 'upsertEntrants');
    const raceId = decodeURIComponent(startList[1]!);
    const race = hub.store.getState().races.find((r) => r.id === raceId);
    if (!race) throw new HttpError(404, unknownRace(raceId, hub.store.getState().races));
    const file = decodeTextFile(await readBodyBytes(request, MAX_START_LIST_BYTES));
    if (!file.ok) throw new HttpError(422, `${file.error} Nothing was imported.`);
    // A row that would break a graphic on air is refused on its own, with the reason; the others go in.
    // Read in slices: takes arriving meanwhile go through (the show is checked again as the hub applies the list).
    const reading = await readStartListInSlices(file.text, race, onAirEntrantCheck(hub.store.getState(), raceId), (bib) => entrantOf(race, bib));
    if (!reading.ok) throw new HttpError(422, file.note ? `${reading.error} (${file.note})` : reading.error);
    if (reading.entrants.length === 0) throw new HttpError(422, `No athlete in that start list could be imported: ${describeRefused(reading.refused)}`);
    const after = new Set([...(race.entrants ?? []).map((e) => e.bib), ...reading.entrants.map((e) => e.bib)]).size;
    if (after > MAX_ENTRANTS) throw new HttpError(422, `${race.name} would have ${after} entrants; a race holds at most ${MAX_ENTRANTS}. Nothing was imported.`);
    // One command however long the list: one revision, in the take journal (or, too big for a slot, in the show
    // file and the start-list log beside it) before the answer, so a crash leaves all of it or none of it.
    const result = await hub.submit({ type: 'upsertEntrants', raceId, entrants: reading.entrants }, undefined, sender.name);
    if (!result.ok) throw new HttpError(result.reason === 'refused' ? 422 : 503, `None of the ${reading.entrants.length} athletes were imported: ${result.error}`);
    return reply(response, 200, { imported: reading.entrants.length, refused: reading.refused, warnings: reading.warnings, ignoredColumns: reading.ignoredColumns, ...(file.note ? { note: file.note } : {}), revision: result.revision });
  }
  return false;
}

/** The search's URL parameters, checked: a sentence naming the parameter for anything wrong (HTTP 400). */
export function readEntrantQuery(params: URLSearchParams): EntrantQuery {
  const repeated = [...new Set([...params.keys()].filter((key, i, keys) => keys.indexOf(key) !== i))];
  if (repeated.length > 0) throw new HttpError(400, `${cut(repeated[0]!, 20)} is given more than once: give each of q, offset and limit at most once`);
  const parsed = EntrantQuery.safeParse(Object.fromEntries(params));
  if (!parsed.success) throw new HttpError(400, `Bad entrant search: ${describeIssues(parsed.error)} (use ?q=<bib or name>&offset=<0 or more>&limit=<1 to 200>)`);
  return parsed.data;
}
