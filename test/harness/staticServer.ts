import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { parseRequestTarget } from '../../src/server/requestTarget';
import { serveStatic } from '../../src/server/staticFiles';

export type StaticServer = { url: string; close(): Promise<void> };

/** Serves dist/ (built by globalSetup) for pages that need no hub, like the gallery. */
export function startStaticServer(): Promise<StaticServer> {
  const root = resolve(import.meta.dirname, '../../dist');
  const server = createServer((request, response) => {
    const target = parseRequestTarget(request.url);
    if (target) void serveStatic(root, target, response);
    else response.writeHead(400).end();
  });
  return new Promise((ready) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      ready({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
