import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** Requests a connection may send ahead of the one being answered (HTTP pipelining); one more closes it. */
export const MAX_PIPELINED = 16;
/** Answers written but not yet taken by the network, over all connections; a connection that stalls past it is closed. */
export const MAX_UNREAD_BYTES = 256 * 1024 * 1024;

type Turn = { busy: boolean; closed: boolean; waiting: (() => void)[]; unread: number };

/**
 * Answers each connection's requests one at a time. Node parses every pipelined request it has read and hands
 * each to the handler at once, keeping all the answers in memory until the client reads them: one connection
 * sending a thousand `GET /api/state` and never reading made the hub compute and hold a thousand shows. Here a
 * request is handled only once the answer before it on its connection has been taken by the network, so a client
 * that does not read costs one answer. A connection is closed, with a log line, when it sends more than
 * MAX_PIPELINED requests ahead, when an answer stays unread for `idleMs` (REQUEST_IDLE_MS), or when its unread
 * answer would take all connections' unread answers past MAX_UNREAD_BYTES.
 */
export function paceRequests(options: { idleMs: number; log(line: string): void; maxUnreadBytes?: number }) {
  const { idleMs, log } = options;
  const maxUnreadBytes = options.maxUnreadBytes ?? MAX_UNREAD_BYTES;
  const turns = new WeakMap<Socket, Turn>();
  let unreadBytes = 0;

  const close = (socket: Socket, turn: Turn, why: string) => {
    if (turn.closed) return;
    turn.closed = true;
    log(`HTTP connection from ${socket.remoteAddress}:${socket.remotePort} ${why}: closed, ${turn.waiting.length} request${turn.waiting.length === 1 ? '' : 's'} left unanswered`);
    turn.waiting = [];
    socket.destroy();
  };

  function answer(socket: Socket, turn: Turn, response: ServerResponse, handle: () => void) {
    turn.busy = true;
    let unreadTimer: ReturnType<typeof setTimeout> | undefined;
    // 'prefinish': the whole answer is written; 'finish' follows once the network has taken the last of it.
    response.once('prefinish', () => {
      turn.unread = socket.writableLength;
      if (turn.unread === 0) return;
      unreadBytes += turn.unread;
      if (unreadBytes > maxUnreadBytes) {
        return close(socket, turn, `left ${turn.unread} bytes unread while the hub holds ${unreadBytes} unread bytes for all connections, over its limit of ${maxUnreadBytes}`);
      }
      unreadTimer = setTimeout(() => close(socket, turn, `has not read its answer for ${idleMs / 1000} s (REQUEST_IDLE_MS)`), idleMs);
    });
    // 'close' comes after 'finish', or when the connection goes.
    response.once('close', () => {
      clearTimeout(unreadTimer);
      unreadBytes -= turn.unread;
      turn.unread = 0;
      turn.busy = false;
      const next = turn.waiting.shift();
      if (next && socket.writable) next();
    });
    handle();
  }

  /** Calls `handle` for this request now, or once the answers before it on its connection have been taken. */
  return function pace(request: IncomingMessage, response: ServerResponse, handle: () => void) {
    const socket = request.socket;
    let turn = turns.get(socket);
    if (!turn) turns.set(socket, (turn = { busy: false, closed: false, waiting: [], unread: 0 }));
    const mine = turn;
    if (mine.closed) return;
    if (!mine.busy) return answer(socket, mine, response, handle);
    if (mine.waiting.length >= MAX_PIPELINED) {
      return close(socket, mine, `sent more than ${MAX_PIPELINED} requests ahead of their answers (HTTP pipelining); send the next request once an answer has been read`);
    }
    mine.waiting.push(() => answer(socket, mine, response, handle));
  };
}
