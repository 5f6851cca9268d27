import { connect } from 'node:net';
import WebSocket from 'ws';

/**
 * Sends bytes exactly as given over TCP (no URL or header clean-up, unlike fetch) and returns everything the
 * server answered before it closed the connection or `waitMs` passed.
 */
export function rawRequest(port: number, text: string | Buffer, waitMs = 3000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      // One full response is enough: a keep-alive connection would otherwise wait for waitMs.
      const head = answer.indexOf('\r\n\r\n');
      const length = answer.match(/content-length: (\d+)/i);
      if (head >= 0 && (length ? answer.length >= head + 4 + Number(length[1]) : /^HTTP\/1\.1 101/.test(answer))) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(text);
  });
}

/** The status code of a raw HTTP answer, or null when the server closed without one. */
export const statusOf = (answer: string) => Number(answer.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? NaN) || null;

/** The JSON body of a raw HTTP answer. */
export const bodyOf = (answer: string) => {
  const text = answer.slice(answer.indexOf('\r\n\r\n') + 4);
  return text ? JSON.parse(text) : null;
};

/** An upgrade request to `target` with the usual WebSocket headers. */
export const upgradeTo = (target: string) =>
  `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`;

export type SocketClient = { socket: WebSocket; messages: any[]; next(type?: string): Promise<any>; welcome: any; close(): void };

/** A WebSocket client to the hub that keeps every message it gets; `next(type)` waits for the next one of that type. */
export async function openClient(port: number, query = '', options: WebSocket.ClientOptions = {}): Promise<SocketClient> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/ws${query}`, options);
  const messages: any[] = [];
  let read = 0;
  let wake: (() => void) | null = null;
  socket.on('message', (data) => {
    messages.push(JSON.parse(String(data)));
    wake?.();
  });
  const client: SocketClient = {
    socket,
    messages,
    welcome: null,
    async next(type) {
      for (;;) {
        while (read < messages.length) {
          const message = messages[read++];
          if (!type || message.type === type) return message;
        }
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no ${type ?? 'message'} within 10 s; got ${messages.map((m) => m.type).join(', ')}`)), 10_000);
          wake = () => {
            clearTimeout(timer);
            wake = null;
            resolve();
          };
        });
      }
    },
    close: () => socket.close(),
  };
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  client.welcome = await client.next('welcome');
  return client;
}

/** A report an output would send, for revision `revision`. */
export const renderedReport = (revision: number, over: Record<string, unknown> = {}) => ({
  type: 'rendered',
  revision,
  renderer: 'canvas',
  requestedRenderer: 'auto',
  rendererReason: 'a test client',
  width: 1920,
  height: 1080,
  fps: 50,
  droppedFrames: 0,
  onAir: [],
  page: 'output',
  ...over,
});
