import type { IncomingMessage, ServerResponse } from 'node:http';
import { Command } from '../protocol/command';
import { describeIssues } from '../protocol/describeIssues';
import type { Hub } from './hub';
import type { LiveTemplates } from './liveTemplates';
import type { OutputRegistry } from './outputRegistry';
import { hasToken } from './token';

export const MAX_BODY_BYTES = 64 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The control API for Companion, Stream Deck and curl. Returns false when the path is not an API path so
 * the caller can serve pages instead.
 */
export async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  hub: Hub,
  outputs: OutputRegistry,
  token: string,
  templates?: LiveTemplates,
): Promise<boolean> {
  const url = new URL(request.url ?? '/', 'http://hub');
  if (!url.pathname.startsWith('/api/')) return false;
  try {
    const route = `${request.method} ${url.pathname}`;
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
        throw new HttpError(404, `No API route ${route}: see README.md for GET /api/state and POST /api/commands`);
    }
  } catch (error) {
    if (error instanceof HttpError) return reply(response, error.status, { error: error.message });
    return reply(response, 500, { error: `Internal error: ${(error as Error).message}` });
  }
}

async function postCommand(request: IncomingMessage, response: ServerResponse, url: URL, hub: Hub, token: string) {
  const presented = bearer(request.headers.authorization) ?? url.searchParams.get('token');
  if (!hasToken(presented, token)) {
    // Drain nothing: the client is told at once and the show is untouched.
    throw new HttpError(401, 'Missing or wrong operator token: send "Authorization: Bearer <token>" (printed by npm start)');
  }
  const body = await readBody(request);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new HttpError(400, `Body is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = Command.safeParse(json);
  if (!parsed.success) throw new HttpError(400, `Command refused: ${describeIssues(parsed.error)}`);
  const baseRevision = parseIfMatch(request.headers['if-match']);
  const result = await hub.submit(parsed.data, baseRevision);
  if (result.ok) return reply(response, 200, { revision: result.revision });
  const status = { refused: 422, stale: 409, storage: 503 }[result.reason];
  return reply(response, status, { error: result.error, revision: result.revision });
}

function bearer(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}

/** `If-Match: 12` (or `"12"`) makes the command conditional on the show being at revision 12. */
function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = header.replace(/^W\//, '').replace(/"/g, '').trim();
  if (!/^\d+$/.test(value)) throw new HttpError(400, `If-Match must be a show revision number, got ${JSON.stringify(header)}`);
  return Number(value);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      reject(new HttpError(413, `Body is ${declared} bytes; the limit is ${MAX_BODY_BYTES}`));
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, `Body is over the limit of ${MAX_BODY_BYTES} bytes`));
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function reply(response: ServerResponse, status: number, body: unknown): true {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
  return true;
}
