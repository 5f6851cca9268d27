import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type HubProcess } from './harness/hubProcess';
import { openClient, rawRequest, statusOf } from './harness/rawClients';

// Random input against a real hub process: it stays up, never answers 5xx, every refusal says what is wrong,
// and a refused request leaves the show as it was. Each property stops after a few seconds (fast-check's time
// limit), so the file stays within ~20 s however loaded the machine is; a failure prints its seed to replay.
let hub: HubProcess;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.kill());

const LIMIT = { numRuns: 150, interruptAfterTimeLimit: 3500, markInterruptAsFailure: false };
const revision = async () => (await (await fetch(`${hub.url}/api/health`)).json()).revision as number;

/** What a refusal must carry: a JSON body with a sentence, or (for a page path) a plain-text one. */
function saysWhy(answer: string): boolean {
  const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
  if (/content-type: application\/json/i.test(answer)) {
    const error = JSON.parse(body).error;
    return typeof error === 'string' && error.length > 10 && error.length < 2000;
  }
  return body.trim().length > 0;
}

const commandTypes = ['take', 'update', 'clear', 'clearAll', 'addRace', 'addSplit', 'rundown.add', 'crawl.add', 'show.setTheme', 'startRace'];
/** Command-shaped values (a real type with random fields) and plain random JSON. */
const bodies = fc.oneof(
  fc.json({ depthSize: 'small' }),
  fc.record({ type: fc.constantFrom(...commandTypes), layer: fc.string(), graphic: fc.anything(), raceId: fc.string(), metres: fc.anything(), elapsedMs: fc.anything() }, { requiredKeys: ['type'] }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 300 }),
);

/** Request targets made of the characters that break URL parsers. */
const targets = fc.oneof(
  fc.stringMatching(/^[/%\[\]@:?#a-zA-Z0-9.\-\\]{1,40}$/),
  fc.constantFrom('/', '/api/', 'http://', 'https://x', '//', '*').chain((head) => fc.string({ maxLength: 30 }).map((tail) => head + tail)),
  fc.uint8Array({ minLength: 1, maxLength: 20 }).map((bytes) => `/${Buffer.from(bytes).toString('latin1')}`),
);

describe('hub fuzz', () => {
  it('answers random command bodies with 200 or a 4xx sentence, and a refusal changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const before = await revision();
        const result = await fetch(`${hub.url}/api/commands`, { method: 'POST', headers: { authorization: `Bearer ${hub.token}` }, body });
        const json = await result.json();
        if (result.status === 200) return;
        expect(result.status).toBeGreaterThanOrEqual(400);
        expect(result.status).toBeLessThan(500);
        expect(json.error.length).toBeGreaterThan(10);
        expect(await revision()).toBe(before);
      }),
      LIMIT,
    );
  });

  it('answers random request targets, plain and as WebSocket upgrades, without 5xx and stays up', async () => {
    await fc.assert(
      fc.asyncProperty(targets, fc.boolean(), async (target, upgrade) => {
        const head = upgrade ? 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n' : 'Connection: close\r\n';
        const answer = await rawRequest(hub.port, Buffer.from(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${head}\r\n`, 'latin1'), 2000);
        const status = statusOf(answer);
        if (status !== null) {
          expect(status).toBeLessThan(500);
          if (status >= 400) expect(saysWhy(answer)).toBe(true);
        }
        expect((await fetch(`${hub.url}/api/health`)).status).toBe(200);
      }),
      LIMIT,
    );
  });

  it('answers random raw headers without 5xx, and a refused command changes nothing', async () => {
    const header = fc.tuple(fc.stringMatching(/^[!-~]{0,20}$/), fc.string({ maxLength: 60 })).map(([name, value]) => `${name}: ${value.replace(/[\r\n]/g, ' ')}`);
    await fc.assert(
      fc.asyncProperty(fc.array(header, { maxLength: 4 }), fc.constantFrom('/api/commands', '/api/shows/open', '/api/health'), async (headers, path) => {
        const before = await revision();
        const body = '{"type":"clear","layer":"lowerThird"}';
        const answer = await rawRequest(hub.port, `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${headers.map((h) => `${h}\r\n`).join('')}Content-Length: ${body.length}\r\n\r\n${body}`, 2000);
        const status = statusOf(answer);
        if (status !== null) {
          expect(status).toBeLessThan(500);
          if (status >= 400) {
            expect(saysWhy(answer)).toBe(true);
            expect(await revision()).toBe(before);
          }
        }
        expect((await fetch(`${hub.url}/api/health`)).status).toBe(200);
      }),
      LIMIT,
    );
  });

  it('answers random WebSocket frames from an operator with an ack or a sentence, and a refusal changes nothing', async () => {
    const operator = await openClient(hub.port, `?token=${hub.token}`);
    const frames = fc.oneof(
      bodies.map((body) => `{"type":"command","id":"f","command":${body.startsWith('{') || body.startsWith('[') ? body : JSON.stringify(body)}}`),
      fc.json({ depthSize: 'small' }),
      fc.record({ type: fc.constantFrom('ping', 'rendered', 'nameOutput', 'command'), id: fc.string(), connectionId: fc.string(), name: fc.string(), revision: fc.integer() }).map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(frames, async (frame) => {
        const before = await revision();
        const seen = operator.messages.length;
        operator.socket.send(frame);
        // Pings get a pong, reports from a panel a refusal; a command an ack or a refusal.
        await expect.poll(() => operator.messages.slice(seen).some((m) => ['ack', 'rejected', 'pong'].includes(m.type)), { timeout: 5000 }).toBe(true);
        const answer = operator.messages.slice(seen).find((m) => ['ack', 'rejected', 'pong'].includes(m.type));
        if (answer.type === 'rejected') {
          expect(answer.error.length).toBeGreaterThan(10);
          expect(answer.error.length).toBeLessThan(2000);
          expect(await revision()).toBe(before);
        }
      }),
      LIMIT,
    );
    expect(operator.socket.readyState).toBe(operator.socket.OPEN);
    operator.close();
  });
});
