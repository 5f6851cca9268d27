import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { describeIssues } from '../protocol/describeIssues';
import type { Hub, SubmitResult } from './hub';
import { HttpError, readJson, reply, requireSender } from './httpRequest';
import type { Roles } from './roles';
import { cut, type RequestTarget } from './requestTarget';
import { ShowFileId, ShowName, showFileId, type ShowLibrary } from './showLibrary';

/** The body each `POST /api/shows/<action>` takes (the OpenAPI document is generated from these). */
export const showsBodies = {
  new: z.strictObject({ name: ShowName }),
  'save-as': z.strictObject({ name: ShowName, overwrite: z.boolean().default(false) }),
  open: z.strictObject({ file: ShowFileId }),
};

export type ShowsRoute = 'GET /api/shows' | `POST /api/shows/${keyof typeof showsBodies}`;
export const SHOWS_ROUTES: readonly ShowsRoute[] = ['GET /api/shows', ...Object.keys(showsBodies).map((action) => `POST /api/shows/${action}` as ShowsRoute)];

/**
 * Show files: `GET /api/shows` lists the saved shows; `POST /api/shows/new`, `/save-as` and `/open` switch or
 * save the show (`method`: the request's, HEAD read as GET). Each goes through the hub in turn with commands and bumps the revision like one.
 */
export async function handleShowsApi(request: IncomingMessage, method: string, response: ServerResponse, url: RequestTarget, hub: Hub, library: ShowLibrary, roles: Roles): Promise<true> {
  const action = url.pathname.replace(/^\/api\/shows\/?/, '');
  if (method === 'GET' && action === '') {
    const current = hub.store.getState();
    return reply(response, 200, { current: { name: current.name, file: showFileId(current.name) }, shows: await library.list() });
  }
  if (method !== 'POST' || !Object.hasOwn(showsBodies, action)) {
    throw new HttpError(404, `No API route ${cut(method, 20)} ${cut(url.pathname, 80)}: use GET /api/shows or POST /api/shows/new, /save-as, /open`);
  }
  const sender = requireSender(request, url, roles, 'showFiles');
  const json = await readJson(request);
  let result: SubmitResult;
  switch (action) {
    case 'new': {
      const { name } = parse(showsBodies.new, json);
      result = await hub.replace((current) => library.startNew(current, name), sender.name);
      break;
    }
    case 'save-as': {
      const { name, overwrite } = parse(showsBodies['save-as'], json);
      result = await hub.replace((current) => library.saveAs(current, name, overwrite), sender.name);
      break;
    }
    default: {
      const { file } = parse(showsBodies.open, json);
      result = await hub.replace((current) => library.open(current, file), sender.name);
    }
  }
  if (result.ok) return reply(response, 200, { revision: result.revision, name: hub.store.getState().name });
  return reply(response, result.reason === 'refused' ? 422 : 503, { error: result.error, revision: result.revision });
}

function parse<T>(schema: z.ZodType<T>, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new HttpError(400, `Request refused: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
