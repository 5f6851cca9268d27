import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRequestTarget } from './requestTarget';
import { serveStatic } from './staticFiles';

const root = mkdtempSync(join(tmpdir(), 'finishline-dist-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'output.html'), '<!doctype html><title>Output</title>');
writeFileSync(join(root, 'assets', 'output-AbCd1234.js'), 'export {};');
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((request, response) => void serveStatic(root, parseRequestTarget(request.url)!, response, request));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('the built pages as the hub serves them', () => {
  it('keeps hashed assets cached for good', async () => {
    const response = await fetch(`${base}/assets/output-AbCd1234.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe('export {};');
  });

  it('has a page revalidated on every load, answering an unchanged one with 304 and no body', async () => {
    const first = await fetch(`${base}/output.html`);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await fetch(`${base}/output.html`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('sends a changed page in full', async () => {
    const etag = (await fetch(`${base}/output.html`)).headers.get('etag')!;
    writeFileSync(join(root, 'output.html'), '<!doctype html><title>Output, rebuilt with a longer title</title>');
    const changed = await fetch(`${base}/output.html`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('rebuilt');
  });
});
