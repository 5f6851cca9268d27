import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { describeIssues } from '../protocol/describeIssues';
import { ClientMessage, OutputName, type ClientRole, type OutputStatus, type ServerMessage } from '../protocol/messages';
import { pageView } from '../state/pageView';
import type { ShowState } from '../state/showState';
import type { Hub } from './hub';
import type { LiveTemplates } from './liveTemplates';
import type { OutputRegistry } from './outputRegistry';
import { badTargetMessage, cut, parseRequestTarget } from './requestTarget';
import { mayDo, refusalFor, type Roles, type Sender } from './roles';
import { commandWarnings } from './commandWarnings';
import { createSummarisedLog } from './summarisedLog';

const MAX_FRAME_BYTES = 64 * 1024;
/** Connections without a token the hub serves at once: a show has a few panels and outputs; this only stops a flood. */
export const MAX_CONNECTIONS = 256;
/**
 * Room kept for connections with a known token (panels, Companion), beside MAX_CONNECTIONS: anyone may open a
 * connection without a token, so a flood of them must never lock the operator out.
 */
export const MAX_TOKEN_CONNECTIONS = 64;
/** Connections without a token one remote address may hold (`WS_PER_ADDRESS_MAX`): a playout machine with many outputs. */
export const DEFAULT_PER_ADDRESS_MAX = 64;
/**
 * A client with this much unsent data is behind: it gets no more snapshots or output lists until it has read
 * them, then only the latest. A few snapshots' worth, so a page that keeps up never skips one.
 */
const BEHIND_BYTES = 64 * 1024;
/** A client with this much unsent data is not reading at all: it is dropped, and resyncs when it reconnects. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/**
 * Commands one connection may have waiting for the hub; more are refused at once with a sentence (status 503, as
 * HTTP past COMMAND_QUEUE_MAX). A panel or Companion waits for a few answers at most; a client that floods commands
 * and never reads must not hold the hub's memory with thousands of them.
 */
export const MAX_COMMANDS_IN_FLIGHT = 32;

type Latest = 'snapshot' | 'outputs';
type Client = {
  socket: WebSocket;
  role: ClientRole;
  /** Who presented which token (null: no token, read-only); commands are checked against its role and recorded with its name. */
  sender: Sender | null;
  /** Output pages say so in their URL (`/ws?role=output`); only they may report what they rendered. */
  output: boolean;
  connectionId: string;
  alive: boolean;
  /** The show's revision when it connected: what an output drew up to it, it drew before this hub heard from it (the as-run). */
  joinedRevision: number;
  /** Latest-only messages held back while the client is behind. */
  due: Set<Latest>;
  /** Its commands read and not yet answered (see MAX_COMMANDS_IN_FLIGHT). */
  inFlight: number;
};

/** How often the hub checks that each connection is still there (a WebSocket ping the browser answers by itself). */
export const DEFAULT_HEARTBEAT_MS = 10_000;

/**
 * The WebSocket endpoint at /ws. Everyone gets the snapshot on connect and after every change (only the latest
 * one when it is behind); only a connection that presented the operator token may send commands. Bad frames
 * get an error, never a crash. A connection that misses a heartbeat pong (a pulled cable, a machine gone to
 * sleep: TCP may not notice for minutes) is closed, so its output is listed as disconnected instead of seeming fine.
 */
export function attachSocketServer(
  server: Server,
  hub: Hub,
  outputs: OutputRegistry,
  roles: Roles,
  templates?: LiveTemplates,
  heartbeatMs = DEFAULT_HEARTBEAT_MS,
  /** With several hubs (NATS): this hub's name and every hub's address, told to each page so it can move to another. */
  peers?: { hub: string; hubs: string[] },
  perAddressMax = DEFAULT_PER_ADDRESS_MAX,
) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const clients = new Set<Client>();
  /** Connections without a token, in all and per remote address (what a flood is counted in). */
  let anonymous = 0;
  const anonymousFrom = new Map<string, number>();
  /** A client can make some lines repeat thousands of times a second: those are logged once, then counted. */
  const quietLog = createSummarisedLog();

  // Pages get a mass race's passings trimmed to what they draw (state/pageView.ts), worked out once per change.
  let viewOf: { state: ShowState; view: ShowState } | null = null;
  const snapshotText = () => {
    const state = hub.store.getState();
    if (viewOf?.state !== state) viewOf = { state, view: pageView(state) };
    return JSON.stringify({ type: 'snapshot', revision: state.revision, state: viewOf.view, hubTime: hub.now() } satisfies ServerMessage);
  };
  const outputsText = (list = outputs.list()) => JSON.stringify({ type: 'outputs', outputs: list } satisfies ServerMessage);

  /** Sends, unless the client has stopped reading: then it is dropped before it can cost more memory. */
  function sendText(client: Client, text: string) {
    const { socket } = client;
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      console.log(`Connection ${client.connectionId} (${client.role}) is not reading its messages (${socket.bufferedAmount} bytes unsent): dropped; it resyncs when it reconnects`);
      socket.terminate();
      return;
    }
    socket.send(text, () => catchUp(client));
  }
  const send = (client: Client, message: ServerMessage) => sendText(client, JSON.stringify(message));

  /** A snapshot or outputs list: skipped while the client is behind, and then only the latest is sent. */
  function sendLatest(client: Client, kind: Latest, text: string) {
    if (client.socket.bufferedAmount > BEHIND_BYTES) client.due.add(kind);
    else sendText(client, text);
  }
  function catchUp(client: Client) {
    if (client.due.size === 0 || client.socket.bufferedAmount > BEHIND_BYTES) return;
    const due = [...client.due];
    client.due.clear();
    for (const kind of due) sendText(client, kind === 'snapshot' ? snapshotText() : outputsText());
  }

  hub.store.subscribe(() => {
    const text = snapshotText();
    for (const client of clients) sendLatest(client, 'snapshot', text);
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    try {
      upgrade(request, socket, head);
    } catch (error) {
      console.error('WebSocket upgrade failed (the hub keeps running):', error);
      socket.destroy();
    }
  });

  function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    socket.on('error', () => socket.destroy());
    const target = parseRequestTarget(request.url);
    if (!target) return refuseUpgrade(socket, 400, badTargetMessage(request.url));
    if (target.pathname !== '/ws') return refuseUpgrade(socket, 404, `No WebSocket at ${cut(target.pathname, 80)}: connect to /ws`);
    const params = target.searchParams;
    const presented = params.get('token');
    const sender = roles.senderOf(presented);
    // A wrong token is refused, not made a viewer: a panel or Companion must not look connected while its commands cannot work.
    if (presented && !sender) return refuseUpgrade(socket, 401, UNKNOWN_TOKEN);
    const address = request.socket.remoteAddress ?? '';
    if (sender) {
      if (clients.size - anonymous >= MAX_TOKEN_CONNECTIONS) return refuseUpgrade(socket, 503, `The hub already serves ${MAX_TOKEN_CONNECTIONS} connections with a token, its limit: close a panel, then try again`);
    } else {
      if (anonymous >= MAX_CONNECTIONS) return refuseUpgrade(socket, 503, `The hub already serves ${anonymous} connections without a token, its limit: try again later (panels with the operator token still connect)`);
      if ((anonymousFrom.get(address) ?? 0) >= perAddressMax) {
        return refuseUpgrade(socket, 429, `${address} already has ${perAddressMax} connections to the hub without a token, the most one address may open (WS_PER_ADDRESS_MAX): close some, or raise WS_PER_ADDRESS_MAX for a machine with more outputs`);
      }
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const role: ClientRole = sender?.role ?? 'viewer';
      const name = OutputName.safeParse(params.get('name') ?? '');
      const client = { socket: ws, role, sender, output: params.get('role') === 'output', connectionId: randomUUID().slice(0, 8), joinedRevision: hub.store.getState().revision, alive: true, due: new Set<Latest>(), inFlight: 0 };
      onConnection(client, name.success ? name.data : '', address);
    });
  }

  function onConnection(client: Client, name: string, address: string) {
    clients.add(client);
    if (!client.sender) {
      anonymous++;
      anonymousFrom.set(address, (anonymousFrom.get(address) ?? 0) + 1);
    }
    if (client.output && !outputs.connected(client.connectionId, name)) {
      console.log(`Output ${client.connectionId} gets the show but is not listed: the outputs list is full`);
    }
    const access = client.sender ? { access: client.sender } : {};
    send(client, { type: 'welcome', connectionId: client.connectionId, role: client.role, hubTime: hub.now(), ...access, ...peers });
    // The look before the show, so a page's first frame is drawn with the right templates.
    if (templates) {
      const { version, templates: library, problems } = templates.status();
      send(client, { type: 'templates', version, templates: library });
      if (problems.length > 0) send(client, { type: 'templateProblems', version, problems });
    }
    sendText(client, snapshotText());
    if (seesOutputs(client)) sendText(client, outputsText());

    // Only a pong proves the page reads its socket: a page that sends but never reads is not alive.
    client.socket.on('pong', () => (client.alive = true));
    client.socket.on('message', (data, isBinary) => {
      void onMessage(client, isBinary ? null : data.toString()).catch((error) => console.error('A message could not be handled (the hub keeps running):', error));
    });
    client.socket.on('close', () => {
      clients.delete(client);
      if (!client.sender) {
        anonymous--;
        const left = (anonymousFrom.get(address) ?? 1) - 1;
        if (left > 0) anonymousFrom.set(address, left);
        else anonymousFrom.delete(address);
      }
      if (client.output) outputs.disconnected(client.connectionId);
    });
    client.socket.on('error', () => client.socket.terminate());
  }

  async function onMessage(client: Client, text: string | null) {
    const revision = () => hub.store.getState().revision;
    const reject = (id: string | null, error: string) => send(client, { type: 'rejected', id, error, revision: revision() });
    if (text === null) return reject(null, 'Binary frames are not understood: send a JSON message');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return reject(null, `Message is not valid JSON: ${cut((error as Error).message, 120)}`);
    }
    const parsed = ClientMessage.safeParse(json);
    if (!parsed.success) {
      const id = (json as { id?: unknown })?.id;
      return reject(typeof id === 'string' && id.length <= 64 ? id : null, `Message refused: ${describeIssues(parsed.error)}`);
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ping':
        return send(client, { type: 'pong', sentLocal: message.sentLocal, hubTime: hub.now() });
      case 'rendered':
        if (!client.output) return reject(null, 'Report refused: only output pages report what they drew (they connect to /ws?role=output)');
        if (message.revision > revision()) return reject(null, `Report refused: revision ${message.revision} was never part of this show (it is at revision ${revision()})`);
        outputs.reported(client.connectionId, message, client.joinedRevision);
        return;
      case 'nameOutput': {
        if (!client.sender) return reject(message.id, 'This connection is read-only: open the operator URL (with its token) to name outputs');
        if (!mayDo(client.sender, 'outputs')) return send(client, { type: 'rejected', id: message.id, error: refusalFor(client.sender, 'outputs'), revision: revision(), status: 403 });
        const target = [...clients].find((c) => c.output && c.connectionId === message.connectionId);
        if (!target || !outputs.renamed(message.connectionId, message.name)) {
          return reject(message.id, `No connected output ${message.connectionId}: an output can be named while it is connected`);
        }
        send(target, { type: 'named', name: message.name });
        return send(client, { type: 'ack', id: message.id, revision: revision() });
      }
      case 'command': {
        if (!client.sender) {
          return reject(message.id, 'This connection is read-only: open the operator URL (with its token) to control the show');
        }
        if (!mayDo(client.sender, message.command.type)) {
          return send(client, { type: 'rejected', id: message.id, error: refusalFor(client.sender, message.command.type), revision: revision(), status: 403 });
        }
        if (client.socket.readyState !== client.socket.OPEN) return notApplied(client.sender, message.command.type); // read after its close
        if (client.inFlight >= MAX_COMMANDS_IN_FLIGHT) {
          return send(client, {
            type: 'rejected',
            id: message.id,
            error: `The hub is busy: this connection already has ${client.inFlight} commands waiting to be applied, the most one connection may have; this one was refused, nothing was changed — wait for their answers, then try again`,
            revision: revision(),
            status: 503,
          });
        }
        client.inFlight++;
        try {
          return await submit(client, client.sender, message);
        } finally {
          client.inFlight--;
        }
      }
    }
  }

  async function submit(client: Client, sender: Sender, message: Extract<ClientMessage, { type: 'command' }>) {
    // A panel that has gone (it gave up on a hub stopped or frozen for a while, now running again) hears nothing,
    // so its command is not applied: its close, read with it, is seen after a pass of the event loop's I/O.
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    if (client.socket.readyState !== client.socket.OPEN) return notApplied(sender, message.command.type);
    const result = await hub.submit(message.command, message.baseRevision, sender.name);
    if (result.ok) {
      const warnings = commandWarnings(message.command, hub.store.getState(), hub.now());
      return send(client, { type: 'ack', id: message.id, revision: result.revision, ...(warnings.length > 0 ? { warnings } : {}) });
    }
    return send(client, { type: 'rejected', id: message.id, error: result.error, revision: hub.store.getState().revision });
  }

  function notApplied(sender: Sender, type: string) {
    quietLog.log(
      `closed before applied: ${sender.name}`,
      `A ${type} from ${sender.name} was not applied: its connection had closed before the hub could apply it`,
      (more, seconds) => `… and ${more.toLocaleString('en')} more commands from ${sender.name} were not applied in the last ${seconds} s: their connection had closed`,
    );
  }

  const heartbeat = setInterval(() => {
    for (const client of clients) {
      if (!client.alive) {
        console.log(`Connection ${client.connectionId} (${client.role}) missed its heartbeat: closed`);
        client.socket.terminate();
        continue;
      }
      client.alive = false;
      client.socket.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();

  return {
    broadcast(message: ServerMessage) {
      const text = JSON.stringify(message);
      for (const client of clients) sendText(client, text);
    },
    /** The outputs list, to the panels whose role may see it (latest only to a panel that is behind). */
    sendOutputs(list: OutputStatus[]) {
      const text = outputsText(list);
      for (const client of clients) if (seesOutputs(client)) sendLatest(client, 'outputs', text);
    },
    close() {
      clearInterval(heartbeat);
      for (const client of clients) client.socket.terminate();
      wss.close();
    },
  };
}

/** Why a connection with a token the hub does not know is refused (a browser cannot read it from a refused upgrade: it asks /ws over plain HTTP). */
export const UNKNOWN_TOKEN = 'The token in this URL is not known to the hub: use the operator URL printed by npm start, or a token from roles.json (without a token the connection is read-only)';

/** The outputs list is for the roles that may name outputs (producer, operator): not data, viewers or connections without a token. */
const seesOutputs = (client: Client) => client.sender !== null && mayDo(client.sender, 'outputs');

function refuseUpgrade(socket: Duplex, status: 400 | 401 | 404 | 429 | 503, message: string) {
  const reason = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 429: 'Too Many Requests', 503: 'Service Unavailable' }[status];
  const body = JSON.stringify({ error: message });
  if (socket.writable) {
    socket.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  } else socket.destroy();
}
