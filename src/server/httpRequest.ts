import type { IncomingMessage, ServerResponse } from 'node:http';
import { cut, type RequestTarget } from './requestTarget';
import { mayDo, refusalFor, type Permission, type Roles, type Sender } from './roles';

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * How long a body may stop arriving (and headers take) before the request is answered 408 (`REQUEST_IDLE_MS`, set by
 * main.ts): a client that hangs or never ends a chunked body is told, instead of holding its request for Node's 5 minutes.
 */
export const bodyLimits = { idleMs: 10_000 };

/** A refusal with its HTTP status; the API turns it into `{ "error": message }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Headers the refusal carries (`connection: close` after a body that stopped arriving). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * Refuses a request without a known token (401), or whose token's role may not do `permission` (403), before
 * reading its body; returns who sent it. The API takes the token in the Authorization header only: a token in
 * the URL ends up in logs, proxies and browser history.
 */
export function requireSender(request: IncomingMessage, url: RequestTarget, roles: Roles, permission?: Permission): Sender {
  if (url.searchParams.has('token')) {
    throw new HttpError(401, 'The API does not take the operator token in the URL (it would end up in logs and history): send "Authorization: Bearer <token>" instead');
  }
  const sender = roles.senderOf(bearer(request.headers.authorization));
  // Drain nothing: the client is told at once and the show is untouched.
  if (!sender) throw new HttpError(401, 'Missing or wrong operator token: send "Authorization: Bearer <token>" (printed by npm start)');
  if (permission && !mayDo(sender, permission)) throw new HttpError(403, refusalFor(sender, permission));
  return sender;
}

/** The request body as JSON, or a 400/413 saying what is wrong with it. */
export async function readJson(request: IncomingMessage): Promise<unknown> {
  // A byte-order mark is not JSON, but Windows tools write one: it says nothing, so it is skipped.
  const body = (await readBody(request)).replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new HttpError(400, 'The body is empty: send the JSON in it (with curl, -d \'{"type":"clearAll"}\')');
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new HttpError(400, `Body is not valid JSON: ${(error as Error).message}`);
  }
}

function bearer(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}

/** The request body as text (bounded like JSON bodies, or by `limit`). */
export async function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const charset = /;\s*charset="?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1] ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    // JSON should be UTF-8 (RFC 8259), but a body declared in another charset (latin1 from an older timing system)
    // is read in it: read as UTF-8, its "é" would reach air as "�".
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new HttpError(415, `The body is declared as charset ${cut(charset, 40)}, which the hub cannot read: send it as UTF-8`);
  }
  const bytes = await readBodyBytes(request, limit);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new HttpError(400, `The body is not valid ${decoder.encoding === 'utf-8' ? 'UTF-8' : charset}: send the JSON as UTF-8`);
  }
}

/** The request body as it arrived (a file whose encoding is read from its bytes), bounded like readBody. */
export function readBodyBytes(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new HttpError(413, `Body is ${declared} bytes; the limit is ${limit}`));
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const waitForMore = () => {
      clearTimeout(idle);
      idle = setTimeout(() => {
        // Answered, then the connection closed: the rest of that body is never read.
        const message = `The body stopped arriving: nothing came for ${bodyLimits.idleMs / 1000} s after ${size} bytes; send the whole body (with its Content-Length, or end a chunked one)`;
        reject(new HttpError(408, message, { connection: 'close' }));
      }, bodyLimits.idleMs);
    };
    waitForMore();
    request.on('data', (chunk: Buffer) => {
      waitForMore();
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, `Body is over the limit of ${limit} bytes`));
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      clearTimeout(idle);
      resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
    // A client that hangs up mid-body gets no answer, but its request must not wait for ever.
    request.on('close', () => {
      clearTimeout(idle);
      if (!request.complete) reject(new HttpError(400, 'The request was cut off before its body ended'));
    });
  });
}

export function reply(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): true {
  return replyText(response, status, JSON.stringify(body), headers);
}

/** reply with the JSON already written out (a body kept between requests). */
export function replyText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): true {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
  return true;
}
