import { estimateClockOffset, type ClockSample } from '../core/raceClock';
import type { Command } from '../protocol/command';
import type { ClientMessage, ClientRole, OutputReport, OutputStatus, ServerMessage } from '../protocol/messages';
import { describeIssues } from '../protocol/describeIssues';
import { TemplateLibrary, type TemplateProblem } from '../protocol/templates/templateSet';
import { ShowState } from '../state/showState';
import type { EarlySocket } from './earlySocket';
import type { HubList } from './hubList';

export { hubSocketUrl } from './hubSocketUrl';

export type ConnectionStatus = 'connecting' | 'open' | 'closed';

export type HubEvents = {
  /** `arrived`: when the page's socket handed the snapshot over (performance.now; benchmarks time the page's reading from it). */
  onSnapshot(state: ShowState, hubTime: number, arrived: number): void;
  /**
   * `role`: the connection's token's role (viewer without a token); `hub`: the hub's name when it shares its show with
   * others (NATS), so the panel can say which one it is on; `name`: the token's name, when the connection presented one.
   */
  onStatus?(status: ConnectionStatus, role: ClientRole | null, hub?: string, name?: string): void;
  onOutputs?(outputs: OutputStatus[]): void;
  /** A valid template set (on connect, before the first snapshot, and after every valid edit of templates/). */
  onTemplates?(templates: TemplateLibrary, version: number): void;
  /** Operator panels: what is wrong with the template files on disk (an empty list once fixed). */
  onTemplateProblems?(problems: TemplateProblem[], version: number): void;
  onClockOffset?(offsetMs: number, roundTripMs: number): void;
  onProblem?(message: string): void;
  /**
   * Why the hub refused this page's connection (a token it does not know, too many connections), or null once
   * connected. A browser cannot read a refused WebSocket's answer, so after a connection that never opened the
   * same URL is asked over plain HTTP, which answers with the refusal's sentence.
   */
  onRefused?(message: string | null): void;
  /** Output pages: an operator named this output in the panel. */
  onNamed?(name: string): void;
};

/** `warnings`: what the hub says about a command that went (a take's texts no bundled font draws, an empty board, a gun time behind a split). */
export type CommandOutcome = { ok: true; revision: number; warnings?: string[] } | { ok: false; error: string };

const RETRY_MS = [250, 500, 1000, 2000];
/** Snapshots longer than this (characters of JSON) are checked in a task after the one reading them (see holdSnapshot). */
const DEFER_SNAPSHOTS_OVER = 64 * 1024;
const PING_EVERY_MS = 2000;
/**
 * A hub that has answered nothing (not even the pings) for this long is frozen (a stopped process, a machine
 * swapping hard): the connection is closed and made again, to the next hub of the list when there is one. A hub
 * that is merely busy answers a ping within a second or two.
 */
export const SILENT_HUB_MS = 8000;
const SAMPLES_KEPT = 8;

/** Local clock on the same timeline as Date.now(), but monotonic (performance.now based). */
export const localNow = () => performance.timeOrigin + performance.now();

/**
 * A WebSocket to the hub that reconnects by itself (for ever, backing off to 2 s), keeps a clock offset
 * to the hub from ping round trips, and matches command acks to their commands.
 */
export function connectToHub(options: {
  url: string | (() => string);
  events: HubEvents;
  /** Other hubs to move to when this one goes (NATS main and backup). */
  hubs?: HubList;
  /** Output pages: a big snapshot is checked and handed on in a task of its own, latest wins (see holdSnapshot). */
  deferSnapshots?: boolean;
  /** Where there is no global WebSocket (Node before 22: the Companion module's tests), the `ws` package's. */
  WebSocket?: typeof WebSocket;
  /** A socket the page opened already (used for the first connection only). */
  early?: EarlySocket;
  /** How often the hub is pinged, and how long it may leave a ping unanswered (tests shorten them). */
  pingEveryMs?: number;
  silentHubMs?: number;
}) {
  const { url, events, hubs, pingEveryMs = PING_EVERY_MS, silentHubMs = SILENT_HUB_MS } = options;
  const Socket = options.WebSocket ?? WebSocket;
  let early = options.early;
  let socket: WebSocket | null = null;
  let attempt = 0;
  let closedByUs = false;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let samples: ClockSample[] = [];
  let nextId = 1;
  /** The latest revision this connection has had. */
  let connectionRevision: number | null = null;
  const pending = new Map<string, (outcome: CommandOutcome) => void>();

  function open() {
    connectionRevision = null;
    events.onStatus?.('connecting', null);
    let ws: WebSocket;
    try {
      ws = early?.socket ?? new Socket(typeof url === 'string' ? url : url());
    } catch (error) {
      // A URL the browser will not open (a bad hub address) is skipped like a hub that is down: the loop never stops.
      events.onProblem?.(`Could not connect to the hub: ${(error as Error).message}`);
      events.onStatus?.('closed', null);
      return retry();
    }
    const held = early?.held ?? [];
    if (early) early.adopted = true;
    early = undefined;
    socket = ws;
    // A failed connection is followed by close, which retries; Node's `ws` throws an error nobody listens for.
    ws.onerror = () => undefined;
    const opened = () => {
      everOpen = true;
      events.onRefused?.(null);
      attempt = 0;
      samples = [];
      const askAlive = () => {
        // Silence counts from the oldest ping not answered (a throttled background tab pings late, not the hub).
        unansweredSince ??= performance.now();
        ping();
      };
      askAlive();
      pingTimer = setInterval(() => {
        const silentFor = unansweredSince === null ? 0 : performance.now() - unansweredSince;
        if (silentFor <= silentHubMs) return askAlive();
        events.onProblem?.(`The hub has not answered for ${Math.round(silentFor / 1000)} s: connecting again${hubs && hubs.size() > 1 ? ', to the next hub' : ''}`);
        // A frozen peer never completes the closing handshake: the page moves on without waiting for it.
        ws.onclose = null;
        ws.onmessage = null;
        ws.close();
        closed();
      }, pingEveryMs);
    };
    const message = (event: MessageEvent) => {
      unansweredSince = null;
      const parsed = JSON.parse(String(event.data)) as ServerMessage;
      if (parsed.type === 'snapshot' && options.deferSnapshots && String(event.data).length > DEFER_SNAPSHOTS_OVER) return holdSnapshot(parsed, event.timeStamp);
      if (parsed.type === 'snapshot') dropWaitingSnapshot(); // superseded by this one
      else flushSnapshot(); // every other message after the snapshot before it: the order stays the hub's
      receive(parsed, event.timeStamp);
    };
    let everOpen = false;
    let unansweredSince: number | null = null;
    const closed = () => {
      if (!everOpen && events.onRefused) void askWhyRefused(ws.url);
      flushSnapshot();
      clearInterval(pingTimer);
      socket = null;
      for (const resolve of pending.values()) resolve({ ok: false, error: 'Lost the connection to the hub before it answered; check the show state before retrying' });
      pending.clear();
      events.onStatus?.('closed', null);
      if (!closedByUs) retry();
    };
    ws.onopen = opened;
    ws.onmessage = message;
    ws.onclose = closed;
    // An early socket may be open (or closed) already, with messages waiting: catch up in order, in this task.
    if (ws.readyState === Socket.OPEN) opened();
    held.forEach(message);
    if (ws.readyState === Socket.CLOSED) closed();
  }

  /** The hub's sentence for a refused connection, asked over plain HTTP (a hub that is down answers nothing: no sentence). */
  async function askWhyRefused(socketUrl: string) {
    try {
      const response = await fetch(socketUrl.replace(/^ws/, 'http'), { cache: 'no-store' });
      if (response.status !== 401 && response.status !== 429 && response.status !== 503) return;
      if (socket?.readyState === Socket.OPEN) return; // connected meanwhile
      const { error } = (await response.json()) as { error?: unknown };
      if (typeof error === 'string') events.onRefused?.(error);
    } catch {
      // The hub is down or not a hub: the status (closed, retrying) says enough.
    }
  }

  function retry() {
    // With other hubs to go to, each is tried at once before backing off: an output must not wait on a dead hub.
    const others = hubs ? hubs.size() - 1 : 0;
    hubs?.next();
    const wait = attempt < others ? 0 : RETRY_MS[Math.min(attempt - others, RETRY_MS.length - 1)];
    attempt++;
    setTimeout(open, wait);
  }

  /**
   * A big snapshot is checked and handed on in a task of its own, after the one that read it off the socket: a show
   * of hundreds of kB (a mass race's was, before pages got only what they draw of it: ~20 kB now) would hold an
   * output's main thread past a frame reading and checking it in one task. A small one (most shows: tens of kB, read and checked in well under a millisecond) is handed on at
   * once, so a Take is not a task later; a big one still waiting then is superseded by it. If another arrives meanwhile, only the latest is handed on (a snapshot is the whole show, so one
   * skipped changes nothing the next does not carry); any other message hands on the waiting one first.
   * Only for output pages (deferSnapshots): the panel's tests caught it handling keys against a show one task late.
   */
  let waiting: { message: ServerMessage; arrived: number } | null = null;
  let waitingTimer: ReturnType<typeof setTimeout> | undefined;
  function holdSnapshot(message: ServerMessage, arrived: number) {
    waiting = { message, arrived };
    waitingTimer ??= setTimeout(flushSnapshot, 0);
  }
  function dropWaitingSnapshot() {
    clearTimeout(waitingTimer);
    waitingTimer = undefined;
    waiting = null;
  }
  function flushSnapshot() {
    clearTimeout(waitingTimer);
    waitingTimer = undefined;
    const held = waiting;
    waiting = null;
    if (held) receive(held.message, held.arrived);
  }

  function receive(message: ServerMessage, arrived: number) {
    switch (message.type) {
      case 'welcome':
        if (message.hubs) hubs?.learn(message.hubs);
        events.onStatus?.('open', message.role, message.hub, message.access?.name);
        return;
      case 'snapshot': {
        // On one connection the show only moves forward: a hub catching up after a NATS outage replayed older
        // revisions to its pages, re-animating air. (A new connection may start anywhere: another hub, a new show.)
        if (connectionRevision !== null && message.revision < connectionRevision) {
          return events.onProblem?.(`The hub sent revision ${message.revision} after ${connectionRevision}: an older show, not drawn`);
        }
        connectionRevision = message.revision;
        const parsed = ShowState.safeParse(message.state);
        if (!parsed.success) return events.onProblem?.(`The hub sent a show this page cannot read: ${describeIssues(parsed.error)}`);
        return events.onSnapshot(parsed.data, message.hubTime, arrived);
      }
      case 'pong': {
        samples = [...samples, { sentLocal: message.sentLocal, hubTime: message.hubTime, receivedLocal: localNow() }].slice(-SAMPLES_KEPT);
        const { offsetMs, roundTripMs } = estimateClockOffset(samples);
        return events.onClockOffset?.(offsetMs, roundTripMs);
      }
      case 'ack':
        pending.get(message.id)?.({ ok: true, revision: message.revision, ...(message.warnings ? { warnings: message.warnings } : {}) });
        pending.delete(message.id);
        return;
      case 'rejected':
        if (message.id !== null && pending.has(message.id)) {
          pending.get(message.id)?.({ ok: false, error: message.error });
          pending.delete(message.id);
        } else events.onProblem?.(message.error);
        return;
      case 'outputs':
        return events.onOutputs?.(message.outputs);
      case 'templates': {
        const parsed = TemplateLibrary.safeParse(message.templates);
        if (!parsed.success) return events.onProblem?.(`The hub sent templates this page cannot read: ${describeIssues(parsed.error)}`);
        return events.onTemplates?.(parsed.data as TemplateLibrary, message.version);
      }
      case 'templateProblems':
        return events.onTemplateProblems?.(message.problems, message.version);
      case 'named':
        return events.onNamed?.(message.name);
    }
  }

  function send(message: ClientMessage): boolean {
    if (socket?.readyState !== Socket.OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
  }

  function ping() {
    send({ type: 'ping', sentLocal: localNow() });
  }

  open();
  return {
    /** Sends a command; resolves when the hub has made it durable (ok) or refused it (with the reason). */
    command(command: Command, baseRevision?: number): Promise<CommandOutcome> {
      const id = `c${nextId++}`;
      const message: ClientMessage = baseRevision === undefined ? { type: 'command', id, command } : { type: 'command', id, command, baseRevision };
      return new Promise((resolve) => {
        if (!send(message)) return resolve({ ok: false, error: 'Not connected to the hub; nothing was sent' });
        pending.set(id, resolve);
      });
    },
    report(report: OutputReport) {
      send(report);
    },
    /** Operator panels: renames a connected output; resolves when the hub has done it or said why not. */
    nameOutput(connectionId: string, name: string): Promise<CommandOutcome> {
      const id = `n${nextId++}`;
      return new Promise((resolve) => {
        if (!send({ type: 'nameOutput', id, connectionId, name })) return resolve({ ok: false, error: 'Not connected to the hub; nothing was sent' });
        pending.set(id, resolve);
      });
    },
    close() {
      closedByUs = true;
      socket?.close();
    },
  };
}
export type HubConnection = ReturnType<typeof connectToHub>;
