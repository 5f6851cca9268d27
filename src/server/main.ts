import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, resolve } from 'node:path';
import { startAutoOutTimers } from './autoOutTimers';
import { refusingBrokenFeedStarts, startFeedRunner } from './feeds/feedRunner';
import { createHub, DEFAULT_MAX_WAITING } from './hub';
import { bodyLimits, reply } from './httpRequest';
import { badTargetMessage, parseRequestTarget } from './requestTarget';
import { removeStaleTempFiles } from './writeFileAtomic';
import { paceRequests } from './paceRequests';
import { openLiveTemplates } from './liveTemplates';
import { handleApi } from './httpApi';
import { createOutputRegistry, DEFAULT_FORGET_AFTER_MS } from './outputRegistry';
import { openShowFile, saveShowFile } from './showFile';
import { readPassingLog, removePassingLog } from './passingLog';
import { readEntrantLog, removeEntrantLog } from './entrantLog';
import { openShowLogs } from './openShowLogs';
import type { ShowState } from '../state/showState';
import { createShowLibrary } from './showLibrary';
import { attachSocketServer, DEFAULT_HEARTBEAT_MS, DEFAULT_PER_ADDRESS_MAX, UNKNOWN_TOKEN } from './socketServer';
import { serveStatic } from './staticFiles';
import { loadOrCreateToken } from './token';
import { createRoles, loadRolesFile } from './roles';
import { lastLoggedRevision, openAsRunLog } from './asRunLog';
import { createShowFileWriter, recoverShowFile, showText } from './showFileWriter';
import { journalPath, openShowJournal, slotBytesFor } from './showJournal';
import { createJournaledSaves, removeShowJournal, replayShowJournal, saveWithLogs, showFileText } from './journaledSaves';
import { createNatsHub } from './natsHub';
import { lockShowFile } from './showLock';

export const DEFAULT_PORT = 4380;

const root = resolve(import.meta.dirname, '../..');
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? DEFAULT_PORT);
const host = process.env.HOST ?? '0.0.0.0';
const showPath = resolve(process.env.SHOW_FILE ?? resolve(root, 'data/show.json'));
const seedPath = resolve(process.env.SEED_SHOW ?? resolve(root, 'shows/london-2016.json'));
const showsDir = resolve(process.env.SHOWS_DIR ?? resolve(showPath, '../shows'));
const feedsDir = resolve(process.env.FEEDS_DIR ?? resolve(root, 'shows/feeds'));
const templatesDir = resolve(process.env.TEMPLATES_DIR ?? resolve(root, 'templates'));
const heartbeatMs = Number(process.env.HEARTBEAT_MS ?? DEFAULT_HEARTBEAT_MS);
const maxWaiting = Number(process.env.COMMAND_QUEUE_MAX ?? DEFAULT_MAX_WAITING);
const rolesPath = resolve(process.env.ROLES_FILE ?? resolve(showPath, '../roles.json'));
const natsUrl = process.env.NATS_URL ?? '';
const natsShow = process.env.NATS_SHOW ?? 'show';
const natsReplicas = Number(process.env.NATS_REPLICAS ?? 1);
const hubName = process.env.HUB_NAME ?? '';
/** The other hubs' addresses (http://host:port), told to pages so they can move to one when this hub goes. */
const hubList = (process.env.HUBS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
const forgetOutputsMs = Number(process.env.OUTPUT_FORGET_MS ?? DEFAULT_FORGET_AFTER_MS);
const requestIdleMs = Number(process.env.REQUEST_IDLE_MS ?? bodyLimits.idleMs);
const perAddressMax = Number(process.env.WS_PER_ADDRESS_MAX ?? DEFAULT_PER_ADDRESS_MAX);

async function main() {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  if (!Number.isInteger(heartbeatMs) || heartbeatMs < 100) throw new Error(`HEARTBEAT_MS must be a whole number of milliseconds, at least 100, got ${process.env.HEARTBEAT_MS}`);
  if (!Number.isInteger(maxWaiting) || maxWaiting < 1) throw new Error(`COMMAND_QUEUE_MAX must be a whole number, at least 1, got ${process.env.COMMAND_QUEUE_MAX}`);
  if (!Number.isInteger(forgetOutputsMs) || forgetOutputsMs < 100) throw new Error(`OUTPUT_FORGET_MS must be a whole number of milliseconds, at least 100, got ${process.env.OUTPUT_FORGET_MS}`);
  if (!Number.isInteger(requestIdleMs) || requestIdleMs < 100) throw new Error(`REQUEST_IDLE_MS must be a whole number of milliseconds, at least 100, got ${process.env.REQUEST_IDLE_MS}`);
  bodyLimits.idleMs = requestIdleMs;
  if (!Number.isInteger(perAddressMax) || perAddressMax < 1) throw new Error(`WS_PER_ADDRESS_MAX must be a whole number, at least 1, got ${process.env.WS_PER_ADDRESS_MAX}`);
  if (natsUrl && !/^[A-Za-z0-9_-]{1,64}$/.test(natsShow)) throw new Error(`NATS_SHOW must be 1 to 64 letters, digits, dashes or underscores, got ${natsShow}`);
  if (!Number.isInteger(natsReplicas) || natsReplicas < 1 || natsReplicas > 5) throw new Error(`NATS_REPLICAS must be 1 to 5, got ${process.env.NATS_REPLICAS}`);
  // One hub per show file: a second one is refused before it reads or writes any of it (showLock.ts).
  const lockedOn = lockShowFile(showPath, port, (line) => console.log(line));
  // Everything a start reads is checked before anything is written: a refused start leaves every file as it was.
  const rolesFile = await loadRolesFile(rolesPath);
  const opened = await openShowFile(showPath, seedPath);
  const { seeded } = opened;
  // A show saved but whose rename never reached the disk (a power cut) is rolled forward (file hub only).
  const spareRolled = natsUrl ? opened.state : await recoverShowFile(showPath, opened.state, await lastLoggedRevision(resolve(showPath, '../asrun')), (line) => console.log(line));
  // Changes acknowledged from the take journal but not yet in the show file are saved into it now (file hub only).
  if (natsUrl || seeded) removeShowJournal(showPath);
  const recovered = natsUrl ? spareRolled : await replayShowJournal(showPath, spareRolled, resolve(showPath, '../asrun'), (line) => console.log(line));
  // Races' passings and mass starts' long start lists live in logs beside the show file (server/passingLog.ts,
  // entrantLog.ts: a Take does not rewrite 40,000 entrants), both read before either is written; on NATS the local copy holds them whole.
  const withLogs = natsUrl ? { ...(await showWithPassings(recovered)), entrantLog: null } : await openShowLogs(showPath, recovered, (line) => console.log(line));
  const { passingLog, entrantLog } = withLogs;
  const state = withLogs.state;
  for (const dir of [dirname(showPath), showsDir]) await removeStaleTempFiles(dir, (line) => console.log(line));
  const token = await loadOrCreateToken(resolve(showPath, '../operator-token'), process.env.HUB_TOKEN);
  const roles = createRoles(token, rolesFile);
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
  // On NATS the stream is the record: the local as-run log is rebuilt from it, so nothing in it is dropped on start.
  // A file hub appends the as-run off the Take's path: a read of it waits for the appends still to come.
  let asRunSaved = () => Promise.resolve();
  const asRun = await openAsRunLog(resolve(showPath, '../asrun'), natsUrl ? Infinity : state.revision, Date.now, () => asRunSaved());
  const showHub = natsUrl ? startNatsHub(state, asRun) : startFileHub(state, asRun);
  showHub.store.subscribe((next) => {
    if (next.theme === themeInUse) return;
    themeInUse = next.theme;
    templates.themeChanged();
  });
  startAutoOutTimers(showHub);
  const feeds = startFeedRunner(showHub, feedsDir);
  // What operators send (HTTP, WebSocket) goes through this: a replay that can't reset its races is not started.
  const hub = refusingBrokenFeedStarts(showHub, feeds);

  const outputs = createOutputRegistry({ onChange: (list) => sockets?.sendOutputs(list), onReport: (o, joinedRevision) => asRun.reported(o.name || o.connectionId, o.report, joinedRevision), now: hub.now, forgetAfterMs: forgetOutputsMs });

  function startFileHub(initial: typeof state, log: typeof asRun) {
    // A change is durable once in the take journal; the show file and the logs beside it (as-run, passings, long
    // start lists: synced before the show that has them) are saved off the Take's path (journaledSaves.ts).
    const journal = openShowJournal(journalPath(showPath), slotBytesFor(showText(showFileText(initial)).length));
    const save = saveWithLogs(createShowFileWriter(showPath), log, passingLog!, entrantLog!);
    const saves = createJournaledSaves(journal, save, (message) => console.error(message));
    asRunSaved = saves.settled;
    const persist = async (next: typeof state, applied: Parameters<typeof log.record>[0]) => {
      await saves.persist(next, applied);
      log.committed(applied);
    };
    return createHub({ initial, persist, themes: templates.themes, maxWaiting });
  }

  function startNatsHub(initial: typeof state, log: typeof asRun) {
    // The local show file is this hub's copy, served when it starts without NATS; written at most twice a second.
    let saveTimer: ReturnType<typeof setTimeout> | null = null;
    let latest = initial;
    let logging = Promise.resolve();
    return createNatsHub({
      servers: natsUrl,
      show: natsShow,
      initial,
      replicas: natsReplicas,
      themes: templates.themes,
      maxWaiting,
      onApplied(next, applied) {
        latest = next;
        logging = logging.then(() => log.record(applied)).catch((error) => console.error(`The as-run log could not be written: ${(error as Error).message}`));
        saveTimer ??= setTimeout(() => {
          saveTimer = null;
          saveShowFile(showPath, latest).catch((error) => console.error(`The local copy of the show could not be saved: ${(error as Error).message}`));
        }, 500);
      },
    });
  }

  const pages = dev ? await startVite() : null;
  const dist = resolve(root, 'dist');
  if (!dev && !existsSync(resolve(dist, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` (npm start does it)');

  // Headers must arrive within REQUEST_IDLE_MS too (Node looks at most every half of it): a client that never ends them gets 408.
  // A connection's pipelined requests are answered one at a time, each once the answer before it was read (paceRequests.ts).
  const pace = paceRequests({ idleMs: requestIdleMs, log: (line) => console.log(line) });
  // Node would answer a request without Host with an empty 400: the handler says why instead.
  const serverOptions = { headersTimeout: requestIdleMs, connectionsCheckingInterval: Math.min(30_000, Math.ceil(requestIdleMs / 2)), requireHostHeader: false };
  const server = createServer(serverOptions, (request, response) => pace(request, response, () => {
    if (request.headers.host === undefined && request.httpVersion === '1.1') {
      return void reply(response, 400, { error: 'The request has no Host header, which HTTP/1.1 requires: send "Host: <hub address>"' }, { connection: 'close' });
    }
    const target = parseRequestTarget(request.url);
    if (!target) return void reply(response, 400, { error: badTargetMessage(request.url) });
    // A browser cannot read why its WebSocket was refused: a page asks /ws over plain HTTP, which says so.
    const wsToken = target.pathname === '/ws' ? target.searchParams.get('token') : null;
    if (wsToken && !roles.senderOf(wsToken)) return void reply(response, 401, { error: UNKNOWN_TOKEN });
    if (target.pathname === '/ws') return void reply(response, 426, { error: '/ws is the hub\'s WebSocket: connect to it with a WebSocket client (ws://<hub>/ws), not a plain request' }, { upgrade: 'websocket', connection: 'Upgrade' });
    handleApi(request, response, target, hub, outputs, roles, library, templates, asRun, feeds)
      .then((handled) => {
        if (handled) return;
        if (pages) pages.middlewares(request, response);
        else return serveStatic(dist, target, response, request);
      })
      .catch((error) => {
        console.error(error);
        if (!response.headersSent) response.writeHead(500).end();
      });
  }));
  // Requests Node cannot parse at all (bad header lines, huge headers): answer 400 (431) with a sentence, and close.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return void socket.destroy();
    const [status, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? ['431 Request Header Fields Too Large', 'The request line and headers are too large (over 16 KiB): shorten the URL or the headers']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? ['408 Request Timeout', `The request did not arrive in time: its headers must come within ${requestIdleMs / 1000} s (REQUEST_IDLE_MS)`]
          : ['400 Bad Request', `The request is not valid HTTP (${error.code ?? 'unreadable'}): check its request line and headers`];
    const body = JSON.stringify({ error: message });
    socket.end(`HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\nconnection: close\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
  const peers = natsUrl || hubList.length ? { hub: hubName || `${host}:${port}`, hubs: hubList } : undefined;
  sockets = attachSocketServer(server, hub, outputs, roles, templates, heartbeatMs, peers, perAddressMax);

  server.on('error', (error) => {
    console.error(`Finishline hub could not listen on ${host}:${port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, host, () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    lockedOn(actualPort);
    const base = `http://localhost:${actualPort}`;
    if (peers && !hubName) peers.hub = `${lanAddress() ?? host}:${actualPort}`;
    // Other machines reach the hub only when it listens beyond loopback; on one interface, that is the address to give.
    const listensOnAll = host === '0.0.0.0' || host === '::';
    const lan = listensOnAll ? lanAddress() : /^(127\.|::1$|localhost$)/.test(host) ? null : host;
    console.log(`Finishline hub ${dev ? '(dev, hot reload) ' : ''}listening on port ${actualPort}`);
    console.log(`  Show file:      ${showPath} (revision ${state.revision}${seeded ? ', new from the demo show' : ''})`);
    console.log(`  Saved shows:    ${showsDir}`);
    if (natsUrl) console.log(`  NATS:           ${natsUrl} (show ${natsShow}, stream FINISHLINE_${natsShow}, ${natsReplicas} replica${natsReplicas === 1 ? '' : 's'}; the show file is this hub's copy)`);
    console.log(`  As-run log:     ${resolve(showPath, '../asrun')} (GET /api/asrun.csv)`);
    console.log(`  Roles:          ${rolesPath} (${rolesFile.tokens.length} named token${rolesFile.tokens.length === 1 ? '' : 's'}${rolesFile.tokens.map((t) => `, ${t.name}: ${t.role}`).join('')})`);
    console.log(`  Timing feeds:   ${feedsDir} (replay files and pull mappings; health at ${base}/api/feeds)`);
    console.log(`  Templates:      ${templatesDir} (watched: valid edits go to every output at once)`);
    console.log(`  Operator panel: ${base}/?token=${token}`);
    console.log(`  Output:         ${base}/output.html`);
    if (lan) console.log(`  From other machines: http://${lan.includes(':') ? `[${lan}]` : lan}:${actualPort}/output.html`);
    console.log(`HUB_READY ${actualPort}`);
  });

  const stop = () => {
    feeds.stop();
    sockets?.close();
    outputs.close();
    templates.close();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 500).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** For a hub on NATS: the show file's passings and long start lists read from the logs a file hub left, saved whole in the show file, and the logs removed. */
async function showWithPassings(fromFile: ShowState): Promise<{ state: ShowState; passingLog: null }> {
  const state = readEntrantLog(showPath, readPassingLog(showPath, fromFile, (line) => console.log(line)), (line) => console.log(line));
  if (state !== fromFile) {
    await saveShowFile(showPath, state);
    removePassingLog(showPath);
    removeEntrantLog(showPath);
  }
  return { state, passingLog: null };
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

// The last resort: every request and frame is handled inside its own try/catch, and the show only changes in
// the hub's commit, so an error that still escapes is one request's problem. Log it and keep the show on air.
let started = false;
const keepRunning = (kind: string) => (error: unknown) => {
  if (!started) {
    console.error(`Finishline hub could not start: ${(error as Error)?.message ?? error}`);
    process.exit(1);
  }
  console.error(`${kind} (the hub keeps running):`, error);
};
process.on('uncaughtException', keepRunning('Unexpected error'));
process.on('unhandledRejection', keepRunning('Unhandled rejection'));

main().then(() => (started = true)).catch((error) => {
  console.error(`Finishline hub could not start: ${(error as Error).message}`);
  process.exit(1);
});
