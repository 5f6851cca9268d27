import type { IncomingMessage, ServerResponse } from 'node:http';
import { Command } from '../protocol/command';
import { describeIssues } from '../protocol/describeIssues';
import type { Hub } from './hub';
import { asRunCsv, type AsRunLog } from './asRunLog';
import type { LiveTemplates } from './liveTemplates';
import { openApiDocument } from './openApi';
import type { OutputRegistry } from './outputRegistry';
import { handleShowsApi, SHOWS_ROUTES, type ShowsRoute } from './showsApi';
import type { ShowLibrary } from './showLibrary';
import { HttpError, readJson, reply, replyText, requireSender } from './httpRequest';
import type { ShowState } from '../state/showState';
import { mayDo, refusalFor, type Roles } from './roles';
import { cut, type RequestTarget } from './requestTarget';
import type { FeedRunner } from './feeds/feedRunner';
import { handleRaceDataApi, RACE_DATA_ROUTES, type RaceDataRoute } from './feeds/raceDataApi';
import { commandWarnings } from './commandWarnings';

type ApiContext = {
  request: IncomingMessage;
  response: ServerResponse;
  url: RequestTarget;
  hub: Hub;
  outputs: OutputRegistry;
  roles: Roles;
  library: ShowLibrary;
  templates?: LiveTemplates;
  asRun?: AsRunLog;
};

/**
 * GET /api/state's body, written out once per show: a mass race's show is megabytes of JSON, ~200 ms to write
 * out, and every request writing it afresh held the takes waiting behind it (20 readers: a take took 3.9 s).
 */
let stateBody: { show: ShowState; text: string } | null = null;
function stateText(show: ShowState): string {
  if (stateBody?.show !== show) stateBody = { show, text: JSON.stringify(show) };
  return stateBody.text;
}

/** The API's own routes, by `METHOD /path`; the show-file routes are in showsApi.ts. */
const routes = {
  'GET /api/state': ({ response, hub }: ApiContext) => replyText(response, 200, stateText(hub.store.getState())),
  'GET /api/outputs': ({ response, outputs }: ApiContext) => reply(response, 200, { outputs: outputs.list() }),
  'GET /api/health': ({ response, hub }: ApiContext) => {
    const problem = hub.problem?.() ?? null;
    const natsServer = hub.natsServer?.();
    return reply(response, problem ? 503 : 200, { ok: !problem, revision: hub.store.getState().revision, hubTime: hub.now(), ...(problem ? { problem } : {}), ...(natsServer ? { natsServer } : {}) });
  },
  'GET /api/templates': ({ response, templates }: ApiContext) => {
    if (!templates) throw new HttpError(404, 'This hub serves no templates');
    return reply(response, 200, templates.status());
  },
  'GET /api/asrun': asRunEntries,
  'GET /api/asrun.csv': asRunEntries,
  'POST /api/commands': postCommand,
  'GET /api/openapi.json': ({ response }: ApiContext) => reply(response, 200, openApiDocument()),
};

/** Every route the API answers, as `METHOD /path` (the OpenAPI document must describe each one). */
export type ApiRoute = keyof typeof routes | ShowsRoute | RaceDataRoute;
export const API_ROUTES: readonly ApiRoute[] = [...(Object.keys(routes) as (keyof typeof routes)[]), ...SHOWS_ROUTES, ...RACE_DATA_ROUTES];

/**
 * The control API for Companion, Stream Deck and curl. Returns false when the path is not an API path so
 * the caller can serve pages instead.
 */
export async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  url: RequestTarget,
  hub: Hub,
  outputs: OutputRegistry,
  roles: Roles,
  library: ShowLibrary,
  templates?: LiveTemplates,
  asRun?: AsRunLog,
  feeds?: FeedRunner,
): Promise<boolean> {
  if (!url.pathname.startsWith('/api/')) return false;
  try {
    const allowed = methodsFor(url.pathname);
    // HEAD is a GET without its body (Node leaves the body out): a monitor may ask HEAD /api/health.
    const method = request.method === 'HEAD' && allowed.includes('GET') ? 'GET' : (request.method ?? '');
    if (allowed.length > 0 && !allowed.includes(method)) return refuseMethod(response, method, url.pathname, allowed);
    if (feeds && (await handleRaceDataApi(request, method, response, url, hub, feeds, roles))) return true;
    const route = `${method} ${cut(url.pathname, 80)}`;
    if (Object.hasOwn(routes, route)) return await routes[route as keyof typeof routes]({ request, response, url, hub, outputs, roles, library, templates, asRun });
    if (url.pathname.startsWith('/api/shows')) return await handleShowsApi(request, method, response, url, hub, library, roles);
    throw new HttpError(404, `No API route ${route}: see GET /api/openapi.json (or README.md) for the routes there are`);
  } catch (error) {
    if (error instanceof HttpError) return reply(response, error.status, { error: error.message }, error.headers);
    return reply(response, 500, { error: `Internal error: ${(error as Error).message}` });
  }
}

/** Each route's method and path pattern (`{raceId}` stands for one path segment). */
const ROUTE_PATTERNS = API_ROUTES.map((route) => {
  const [method, path] = route.split(' ') as [string, string];
  return { method, pattern: new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`) };
});

/** The methods an API path answers. */
const methodsFor = (pathname: string) => ROUTE_PATTERNS.filter(({ pattern }) => pattern.test(pathname)).map(({ method }) => method);

/** A path the API has, asked with a method it does not take: OPTIONS gets the methods, anything else 405 and a sentence. */
function refuseMethod(response: ServerResponse, method: string, pathname: string, allowed: string[]): true {
  const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  if (method === 'OPTIONS') {
    response.writeHead(204, { allow, 'cache-control': 'no-store' }).end();
    return true;
  }
  const path = cut(pathname, 80);
  return reply(response, 405, { error: `${path} does not take ${cut(method, 20)}: send ${allowed.map((m) => `${m} ${path}`).join(' or ')}` }, { allow });
}

/** A real UTC day written YYYY-MM-DD (not 2026-13-45). */
function isDay(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`);
  return /^\d{4}-\d\d-\d\d$/.test(date) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(date);
}

async function asRunEntries({ response, url, asRun }: ApiContext) {
  if (!asRun) throw new HttpError(404, 'This hub keeps no as-run log');
  const date = url.searchParams.get('date') ?? undefined;
  if (date !== undefined && !isDay(date)) throw new HttpError(400, `date must be a day as YYYY-MM-DD (UTC), got ${JSON.stringify(cut(date, 40))}`);
  const entries = await asRun.day(date, url.searchParams.get('item') ?? '', url.searchParams.get('all') === '1');
  if (url.pathname === '/api/asrun') return reply(response, 200, { entries });
  const csv = asRunCsv(entries);
  response.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store', 'content-disposition': `attachment; filename="as-run-${date ?? 'today'}.csv"`, 'content-length': Buffer.byteLength(csv) });
  response.end(csv);
  return true;
}

async function postCommand({ request, response, url, hub, roles }: ApiContext) {
  let gone = false;
  const leave = () => (gone = !response.writableFinished);
  request.socket.once('end', leave);
  response.once('close', leave);
  const sender = requireSender(request, url, roles);
  const json = await readJson(request);
  const parsed = Command.safeParse(json);
  if (!parsed.success) throw new HttpError(400, `Command refused: ${describeIssues(parsed.error)}`);
  if (!mayDo(sender, parsed.data.type)) throw new HttpError(403, refusalFor(sender, parsed.data.type));
  const baseRevision = parseIfMatch(request.headers['if-match']);
  // A client that has gone (it gave up waiting: a hub stopped or frozen for a while, now running again) is told
  // nothing, so its command is not applied either: a Take sent many seconds ago must not go to air unasked.
  // (A turn of the event loop first, through its I/O phase: a client's close that came with its request is read.)
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
  request.socket.off('end', leave);
  if (gone || request.socket.destroyed) {
    console.log(`A ${parsed.data.type} from ${sender.name} was not applied: its client had gone before the hub could apply it`);
    return true;
  }
  const result = await hub.submit(parsed.data, baseRevision, sender.name);
  if (result.ok) {
    const warnings = commandWarnings(parsed.data, hub.store.getState(), hub.now());
    return reply(response, 200, { revision: result.revision, ...(warnings.length > 0 ? { warnings } : {}) });
  }
  const status = { refused: 422, stale: 409, storage: 503, busy: 503 }[result.reason];
  return reply(response, status, { error: result.error, revision: result.revision });
}

/** `If-Match: 12` (or `"12"`) makes the command conditional on the show being at revision 12. */
function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = header.replace(/^W\//, '').replace(/"/g, '').trim();
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new HttpError(400, `If-Match must be a show revision number, got ${JSON.stringify(cut(header, 40))}`);
  return Number(value);
}
