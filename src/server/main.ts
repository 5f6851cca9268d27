import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { startAutoOutTimers } from './autoOutTimers';
import { createHub } from './hub';
import { openLiveTemplates } from './liveTemplates';
import { handleApi } from './httpApi';
import { createOutputRegistry } from './outputRegistry';
import { openShowFile, saveShowFile } from './showFile';
import { createShowLibrary } from './showLibrary';
import { attachSocketServer, DEFAULT_HEARTBEAT_MS } from './socketServer';
import { serveStatic } from './staticFiles';
import { loadOrCreateToken } from './token';

export const DEFAULT_PORT = 4380;

const root = resolve(import.meta.dirname, '../..');
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? DEFAULT_PORT);
const host = process.env.HOST ?? '0.0.0.0';
const showPath = resolve(process.env.SHOW_FILE ?? resolve(root, 'data/show.json'));
const seedPath = resolve(process.env.SEED_SHOW ?? resolve(root, 'shows/london-2016.json'));
const showsDir = resolve(process.env.SHOWS_DIR ?? resolve(showPath, '../shows'));
const templatesDir = resolve(process.env.TEMPLATES_DIR ?? resolve(root, 'templates'));
const heartbeatMs = Number(process.env.HEARTBEAT_MS ?? DEFAULT_HEARTBEAT_MS);

async function main() {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  if (!Number.isInteger(heartbeatMs) || heartbeatMs < 100) throw new Error(`HEARTBEAT_MS must be a whole number of milliseconds, at least 100, got ${process.env.HEARTBEAT_MS}`);
  const { state, seeded } = await openShowFile(showPath, seedPath);
  const token = await loadOrCreateToken(resolve(showPath, '../operator-token'), process.env.HUB_TOKEN);
  const library = createShowLibrary(showsDir);

  let sockets: ReturnType<typeof attachSocketServer> | undefined;
  let themeInUse = state.theme;
  const templates = await openLiveTemplates({
    dir: templatesDir,
    lastGoodPath: resolve(showPath, '../templates-last-good.json'),
    themeInUse: () => themeInUse,
    onTemplates: ({ version, templates }) => sockets?.broadcast({ type: 'templates', version, templates }),
    // Panels and the designers' gallery show them; outputs ignore them.
    onProblems: ({ version, problems }) => sockets?.broadcast({ type: 'templateProblems', version, problems }),
  });
  const hub = createHub({ initial: state, persist: (next) => saveShowFile(showPath, next), themes: templates.themes });
  hub.store.subscribe((next) => (themeInUse = next.theme));
  startAutoOutTimers(hub);

  const outputs = createOutputRegistry((list) => sockets?.broadcastToOperators({ type: 'outputs', outputs: list }));

  const pages = dev ? await startVite() : null;
  const dist = resolve(root, 'dist');
  if (!dev && !existsSync(resolve(dist, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` (npm start does it)');

  const server = createServer((request, response) => {
    handleApi(request, response, hub, outputs, token, library, templates)
      .then((handled) => {
        if (handled) return;
        if (pages) pages.middlewares(request, response);
        else return serveStatic(dist, request, response);
      })
      .catch((error) => {
        console.error(error);
        if (!response.headersSent) response.writeHead(500).end();
      });
  });
  sockets = attachSocketServer(server, hub, outputs, token, templates, heartbeatMs);

  server.listen(port, host, () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const base = `http://localhost:${actualPort}`;
    const lan = lanAddress();
    console.log(`Finishline hub ${dev ? '(dev, hot reload) ' : ''}listening on port ${actualPort}`);
    console.log(`  Show file:      ${showPath} (revision ${state.revision}${seeded ? ', new from the demo show' : ''})`);
    console.log(`  Saved shows:    ${showsDir}`);
    console.log(`  Templates:      ${templatesDir} (watched: valid edits go to every output at once)`);
    console.log(`  Operator panel: ${base}/?token=${token}`);
    console.log(`  Output:         ${base}/output.html`);
    if (lan) console.log(`  From other machines: http://${lan}:${actualPort}/output.html`);
    console.log(`HUB_READY ${actualPort}`);
  });

  const stop = () => {
    sockets?.close();
    templates.close();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 500).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function startVite() {
  const { createServer: createViteServer } = await import('vite');
  return createViteServer({ root, server: { middlewareMode: true }, appType: 'mpa' });
}

function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const entry of list ?? []) if (entry.family === 'IPv4' && !entry.internal) return entry.address;
  }
  return null;
}

main().catch((error) => {
  console.error(`Finishline hub could not start: ${(error as Error).message}`);
  process.exit(1);
});
