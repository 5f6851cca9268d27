import type { IncomingMessage, ServerResponse } from 'node:http';
import { Command } from '../protocol/command';
import { describeIssues } from '../protocol/describeIssues';
import type { Hub } from './hub';
import type { LiveTemplates } from './liveTemplates';
import type { OutputRegistry } from './outputRegistry';
import { handleShowsApi } from './showsApi';
import type { ShowLibrary } from './showLibrary';
import { HttpError, readJson, reply, requireToken } from './httpRequest';
import { cut, type RequestTarget } from './requestTarget';
import type { FeedRunner } from './feeds/feedRunner';
import { handleRaceDataApi } from './feeds/raceDataApi';

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
  token: string,
  library: ShowLibrary,
  templates?: LiveTemplates,
  feeds?: FeedRunner,
): Promise<boolean> {
  if (!url.pathname.startsWith('/api/')) return false;
  try {
    if (feeds && (await handleRaceDataApi(request, response, url, hub, feeds, token))) return true;
    const route = `${request.method} ${cut(url.pathname, 80)}`;
    switch (route) {
      case 'GET /api/state':
        return reply(response, 200, hub.store.getState());
      case 'GET /api/outputs':
        return reply(response, 200, { outputs: outputs.list() });
      case 'GET /api/health':
        return reply(response, 200, { ok: true, revision: hub.store.getState().revision, hubTime: hub.now() });
      case 'GET /api/templates':
        if (!templates) throw new HttpError(404, 'This hub serves no templates');
        return reply(response, 200, templates.status());
      case 'POST /api/commands':
        return await postCommand(request, response, url, hub, token);
      default:
        if (url.pathname.startsWith('/api/shows')) return await handleShowsApi(request, response, url, hub, library, token);
        throw new HttpError(404, `No API route ${route}: see README.md for GET /api/state and POST /api/commands`);
    }
  } catch (error) {
    if (error instanceof HttpError) return reply(response, error.status, { error: error.message });
    return reply(response, 500, { error: `Internal error: ${(error as Error).message}` });
  }
}

async function postCommand(request: IncomingMessage, response: ServerResponse, url: RequestTarget, hub: Hub, token: string) {
  requireToken(request, url, token);
  const json = await readJson(request);
  const parsed = Command.safeParse(json);
  if (!parsed.success) throw new HttpError(400, `Command refused: ${describeIssues(parsed.error)}`);
  const baseRevision = parseIfMatch(request.headers['if-match']);
  const result = await hub.submit(parsed.data, baseRevision);
  if (result.ok) return reply(response, 200, { revision: result.revision });
  const status = { refused: 422, stale: 409, storage: 503, busy: 503 }[result.reason];
  return reply(response, status, { error: result.error, revision: result.revision });
}

/** `If-Match: 12` (or `"12"`) makes the command conditional on the show being at revision 12. */
function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = header.replace(/^W\//, '').replace(/"/g, '').trim();
  if (!/^\d+$/.test(value)) throw new HttpError(400, `If-Match must be a show revision number, got ${JSON.stringify(cut(header, 40))}`);
  return Number(value);
}
