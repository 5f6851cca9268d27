import type { IncomingMessage, Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { describeIssues } from '../protocol/describeIssues';
import { ClientMessage, type ClientRole, type ServerMessage } from '../protocol/messages';
import type { Hub } from './hub';
import type { LiveTemplates } from './liveTemplates';
import type { OutputRegistry } from './outputRegistry';
import { hasToken } from './token';

const MAX_FRAME_BYTES = 64 * 1024;

type Client = { socket: WebSocket; role: ClientRole; connectionId: string; alive: boolean };

/** How often the hub checks that each connection is still there (a WebSocket ping the browser answers by itself). */
export const DEFAULT_HEARTBEAT_MS = 10_000;

/**
 * The WebSocket endpoint at /ws. Everyone gets the snapshot on connect and after every change; only a
 * connection that presented the operator token may send commands. Bad frames get an error, never a crash.
 * A connection that misses a heartbeat (a pulled cable, a machine gone to sleep: TCP may not notice for
 * minutes) is closed, so its output is listed as disconnected instead of seeming fine.
 */
export function attachSocketServer(
  server: Server,
  hub: Hub,
  outputs: OutputRegistry,
  token: string,
  templates?: LiveTemplates,
  heartbeatMs = DEFAULT_HEARTBEAT_MS,
) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const clients = new Set<Client>();

  const send = (client: Client, message: ServerMessage) => {
    if (client.socket.readyState === client.socket.OPEN) client.socket.send(JSON.stringify(message));
  };
  const snapshot = (): ServerMessage => {
    const state = hub.store.getState();
    return { type: 'snapshot', revision: state.revision, state, hubTime: hub.now() };
  };

  hub.store.subscribe(() => {
    const message = JSON.stringify(snapshot());
    for (const client of clients) if (client.socket.readyState === client.socket.OPEN) client.socket.send(message);
  });

  server.on('upgrade', (request: IncomingMessage, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://hub');
    if (url.pathname !== '/ws') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const role: ClientRole = hasToken(url.searchParams.get('token'), token) ? 'operator' : 'viewer';
      onConnection({ socket: ws, role, connectionId: randomUUID().slice(0, 8), alive: true });
    });
  });

  function onConnection(client: Client) {
    clients.add(client);
    outputs.connected(client.connectionId, hub.now());
    send(client, { type: 'welcome', connectionId: client.connectionId, role: client.role, hubTime: hub.now() });
    // The look before the show, so a page's first frame is drawn with the right templates.
    if (templates) {
      const { version, templates: library, problems } = templates.status();
      send(client, { type: 'templates', version, templates: library });
      if (problems.length > 0) send(client, { type: 'templateProblems', version, problems });
    }
    send(client, snapshot());
    if (client.role === 'operator') send(client, { type: 'outputs', outputs: outputs.list() });

    client.socket.on('pong', () => (client.alive = true));
    client.socket.on('message', (data, isBinary) => {
      client.alive = true;
      void onMessage(client, isBinary ? null : data.toString());
    });
    client.socket.on('close', () => {
      clients.delete(client);
      outputs.disconnected(client.connectionId);
    });
    client.socket.on('error', () => client.socket.terminate());
  }

  async function onMessage(client: Client, text: string | null) {
    const reject = (id: string | null, error: string) =>
      send(client, { type: 'rejected', id, error, revision: hub.store.getState().revision });
    if (text === null) return reject(null, 'Binary frames are not understood: send a JSON message');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return reject(null, `Message is not valid JSON: ${(error as Error).message}`);
    }
    const parsed = ClientMessage.safeParse(json);
    if (!parsed.success) {
      const id = typeof (json as { id?: unknown })?.id === 'string' ? (json as { id: string }).id : null;
      return reject(id, `Message refused: ${describeIssues(parsed.error)}`);
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ping':
        return send(client, { type: 'pong', sentLocal: message.sentLocal, hubTime: hub.now() });
      case 'rendered':
        return outputs.reported(client.connectionId, message, hub.now());
      case 'command': {
        if (client.role !== 'operator') {
          return reject(message.id, 'This connection is read-only: open the operator URL (with its token) to control the show');
        }
        const result = await hub.submit(message.command, message.baseRevision);
        if (result.ok) return send(client, { type: 'ack', id: message.id, revision: result.revision });
        return reject(message.id, result.error);
      }
    }
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
      for (const client of clients) if (client.socket.readyState === client.socket.OPEN) client.socket.send(text);
    },
    broadcastToOperators(message: ServerMessage) {
      const text = JSON.stringify(message);
      for (const client of clients) {
        if (client.role === 'operator' && client.socket.readyState === client.socket.OPEN) client.socket.send(text);
      }
    },
    close() {
      clearInterval(heartbeat);
      for (const client of clients) client.socket.terminate();
      wss.close();
    },
  };
}
