import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { cut, type RequestTarget } from './requestTarget';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
};

/**
 * Serves the built pages from dist/. Paths outside the folder are refused. Hashed assets (/assets/) are cached
 * for good; pages are revalidated on every load (a reloaded output gets a 304 for its HTML, then every script,
 * style and font from the browser's cache).
 */
export async function serveStatic(root: string, url: RequestTarget, response: ServerResponse, request?: Pick<IncomingMessage, 'headers' | 'method'>) {
  const text = { 'content-type': 'text/plain; charset=utf-8' };
  const method = request?.method ?? 'GET';
  if (method === 'OPTIONS') return void response.writeHead(204, { allow: 'GET, HEAD, OPTIONS' }).end();
  if (method !== 'GET' && method !== 'HEAD') {
    const page = cut(url.pathname, 200);
    return void response.writeHead(405, { ...text, allow: 'GET, HEAD, OPTIONS' }).end(`${page} is a page, read with GET; ${method} changes nothing here (commands go to POST /api/commands)`);
  }
  // parseRequestTarget has checked that the path decodes.
  let path = decodeURIComponent(url.pathname);
  if (path.includes('\0')) {
    response.writeHead(400, text).end('The path has a NUL character in it');
    return;
  }
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  if (!file.startsWith(root + sep)) {
    response.writeHead(403, text).end(`${cut(path, 200)} leads outside the hub's pages: ask for a page such as /output.html`);
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    const immutable = path.startsWith('/assets/');
    const etag = `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag,
    };
    if (!immutable && request?.headers['if-none-match'] === etag) {
      response.writeHead(304, headers).end();
      return;
    }
    const body = await readFile(file);
    response.writeHead(200, headers);
    response.end(body);
  } catch {
    response.writeHead(404, text).end(`Not found: ${cut(path, 200)}`);
  }
}
