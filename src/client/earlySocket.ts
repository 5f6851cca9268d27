/**
 * A WebSocket a page opens before its big modules have loaded (the output page's entry does, so the hub's
 * templates and first snapshot are on their way while Pixi and zod download). Messages that arrive before
 * connectToHub adopts the socket are held, in order; `peek` sees each as it arrives (raw, unvalidated: only
 * for hints such as which fonts to start fetching).
 */
export type EarlySocket = { socket: WebSocket; held: MessageEvent[]; /** Set by connectToHub when it takes the socket over. */ adopted: boolean };

export function openEarlySocket(url: string, peek?: (data: unknown) => void): EarlySocket {
  const socket = new WebSocket(url);
  const early: EarlySocket = { socket, held: [], adopted: false };
  socket.onmessage = (event) => {
    early.held.push(event);
    peek?.(event.data);
  };
  return early;
}
