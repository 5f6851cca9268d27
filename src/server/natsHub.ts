import { connect, type Msg, type NatsConnection } from 'nats';
import type { Command } from '../protocol/command';
import { applyCommand } from '../state/applyCommand';
import { createShowStore } from '../state/createShowStore';
import { ShowState } from '../state/showState';
import { checkShow, DEFAULT_MAX_WAITING, HUB_SENDER, type Applied, type Hub, type SubmitResult } from './hub';
import { partReader, publishInParts } from './natsParts';
import type { StreamTarget } from './natsPublisher';
import { openShowStream, REQUEST_MS } from './natsShowStream';
import { snapshotWriter } from './natsSnapshot';
import { followStream, type StreamFollower } from './natsStreamFollower';
import { sleep, withDeadline } from './withDeadline';

/** What goes into the show's stream: a command with who sent it and the hub time it was applied at, or a whole show. */
type StreamMessage =
  | { kind: 'command'; command: Command; sender: string; at: number }
  | { kind: 'replace'; state: ShowState; sender: string; at: number };

/**
 * A NATS node that is frozen (stopped, swapping, a hung VM) keeps its connections open: only the client's pings
 * find it out. The client's default (a ping every 2 minutes, two unanswered) left a hub refusing every command for
 * minutes; now a node that leaves two pings 2 s apart unanswered is left for another of the cluster in 4–6 s.
 */
const NATS_PING_MS = 2000;
const NATS_PINGS_UNANSWERED = 2;

export type NatsHubOptions = {
  /** NATS servers, comma-separated (`nats://a:4222,nats://b:4222`). */
  servers: string;
  /** The show's name in NATS: its stream is `FINISHLINE_<show>`, its snapshot the key `<show>` in the `finishline-snapshots` bucket (and its chunks). */
  show: string;
  /** The show this hub starts from (its local copy): put into an empty stream, and served until NATS is reachable. */
  initial: ShowState;
  now?: () => number;
  themes?: () => readonly string[];
  /** Copies of the stream and the snapshots (1 on one server; 3 on a three-node cluster). */
  replicas?: number;
  maxWaiting?: number;
  /** Every change in stream order, after it is applied (the hub's local copy and its as-run log). */
  onApplied?: (state: ShowState, applied: Applied[]) => void;
  log?: (line: string) => void;
};

/** A snapshot is written to the KV bucket this often (in stream messages), so a new hub replays at most this many. */
const SNAPSHOT_EVERY = 50;
/**
 * How long a command waits for NATS before it is refused: long enough for the client to move to another node
 * of a cluster and the stream to elect a new leader, short enough that an operator hears "no" while it matters.
 */
const NATS_GRACE_MS = 6000;
/** How long a command waits for a lost connection to NATS to come back (another node of the cluster) before it is refused. */
const RECONNECT_GRACE_MS = 2000;
/** An acknowledged command is answered once this hub has applied it, or after this long at most (it is safe in the stream). */
const APPLY_WAIT_MS = 2000;
/** Publishing again after another hub's command got in first: a handful of tries covers any real contention. */
const MAX_CONFLICTS = 50;

/**
 * A hub whose show lives in a NATS JetStream stream shared with other hubs. A command is checked against this
 * hub's state at stream position n and published with "expected last sequence n" (`natsPublisher.ts`): if another
 * hub's command got in first, this hub catches up and checks again. The stream's acknowledgement is the command's;
 * the revision is its stream sequence. Every hub applies the whole stream in order (`natsStreamFollower.ts`) from
 * the latest snapshot in the KV bucket, so all hubs hold the same show. Every wait on NATS has a deadline: a
 * command is acknowledged or refused within NATS_GRACE_MS (and a few seconds to settle), never held.
 */
export function createNatsHub(options: NatsHubOptions): Hub & { problem(): string | null; natsServer(): string | null; close(): Promise<void> } {
  const { servers, show, initial, now = Date.now, themes, replicas = 1, maxWaiting = DEFAULT_MAX_WAITING, onApplied, log = console.log } = options;
  const store = createShowStore(initial);
  let nc: NatsConnection | null = null;
  let target: StreamTarget | null = null;
  let snapshots: ReturnType<typeof snapshotWriter> | null = null;
  /** The largest message this hub publishes whole (half the server's max_payload); a whole show past it goes in parts. */
  let partBytes = 512 * 1024;
  const readParts = partReader();
  let follower: StreamFollower | null = null;
  let appliedSeq = 0;
  let snapshotSeq = 0;
  let ready = false;
  let connected = false;
  let closing = false;
  let problem: string | null = `Connecting to NATS at ${servers}: commands are refused until this hub has read the show from it`;
  const waiters = new Set<{ seq: number; done: () => void }>();
  /** Messages refused as unconfirmed (NATS did not answer in time): if one turns up in the stream after all, the log says so. */
  const unconfirmed = new Map<string, string>();

  const setProblem = (text: string | null) => {
    if (text && text !== problem) log(text);
    problem = text;
  };
  /** Why NATS, though connected, did not take this hub's last command (cleared by the next it takes). */
  let storeTrouble: string | null = null;
  const unavailable = () =>
    problem ?? (ready ? null : `The hub is still reading the show from NATS at ${servers}`);

  async function start() {
    while (!closing) {
      try {
        nc = await connect({ servers: servers.split(','), maxReconnectAttempts: -1, reconnectTimeWait: 250, timeout: 2000, pingInterval: NATS_PING_MS, maxPingOut: NATS_PINGS_UNANSWERED, name: `finishline-hub ${show}` });
        break;
      } catch (error) {
        setProblem(`NATS at ${servers} is unreachable (${(error as Error).message}): commands are refused until it is back; retrying`);
        await sleep(1000);
      }
    }
    if (!nc) return;
    connected = true;
    void watchStatus(nc);
    while (!closing && !ready) {
      try {
        await follow(nc);
      } catch (error) {
        follower?.stop();
        follower = null;
        setProblem(`NATS at ${servers} answered but the show's stream could not be read (${(error as Error).message}): commands are refused; retrying`);
        await sleep(1000);
      }
    }
  }

  async function watchStatus(conn: NatsConnection) {
    for await (const status of conn.status()) {
      if (status.type === 'disconnect') {
        connected = false;
        setProblem(`Lost NATS at ${servers}: commands are refused (nothing is acknowledged that NATS has not stored) until it is back`);
      } else if (status.type === 'reconnect') {
        connected = true;
        setProblem(null);
        log(`NATS is back (${status.data}): commands are accepted again`);
        // Its consumer may have lived on the server that went (and a restarted server forgets it): make a new one
        // now rather than after three silent heartbeats.
        follower?.restart('NATS reconnected');
      }
    }
  }

  /** Opens the show's stream and applies it from the latest snapshot, for ever (the follower). */
  async function follow(conn: NatsConnection) {
    // Chunks and parts well under the server's largest message (1 MB unless configured), leaving room for headers.
    partBytes = Math.max(16 * 1024, Math.floor((conn.info?.max_payload ?? 1024 * 1024) / 2));
    const seed = (empty: StreamTarget) => publishInParts(empty, encode({ kind: 'replace', state: initial, sender: HUB_SENDER, at: now() }), 0, Date.now() + REQUEST_MS, partBytes);
    const opened = await openShowStream(conn, { show, replicas, seed, log });
    target = { js: opened.js, jsm: opened.jsm, stream: opened.stream, subject: opened.subject };
    snapshots = snapshotWriter(opened.kv, show, Math.random().toString(36).slice(2, 10), partBytes);
    if (opened.snapshot) {
      appliedSeq = snapshotSeq = opened.snapshot.revision;
      store.setState(opened.snapshot, true);
    }
    const end = Math.max(opened.lastSeq, 1);
    const following = (follower = followStream({ nc: conn, jsm: opened.jsm, stream: opened.stream, nextSeq: () => appliedSeq + 1, apply: applyMessage, log }));
    if (!(await appliedUpTo(end, 60_000))) throw new Error(`the stream was not read up to message ${end} within 60 s (${await following.describe()})`);
    ready = true;
    setProblem(connected ? null : problem);
    const from = opened.snapshot ? `from the snapshot at revision ${opened.snapshot.revision} and ${appliedSeq - opened.snapshot.revision} commands after it` : `replaying all ${appliedSeq} messages`;
    log(`Following the show ${show} in NATS stream ${opened.stream} at revision ${appliedSeq} (${from})`);
  }

  /** Logs where this hub is against the stream (and why it is looking), every request bounded. */
  const explain = (what: string) => void follower?.describe().then((state) => log(`${what}: ${state}, ${connected ? `connected to ${nc?.getServer()}` : 'disconnected'}`));

  function applyMessage(seq: number, message: Msg) {
    const msgID = message.headers?.get('Nats-Msg-Id') ?? '';
    const refused = msgID ? unconfirmed.get(msgID) : undefined;
    if (refused) {
      unconfirmed.delete(msgID);
      log(`${refused}, refused as unconfirmed, was stored after all at revision ${seq}`);
    }
    if (seq <= appliedSeq) return;
    const read = readParts(message);
    // A part of a whole show: the stream has moved on, the show has not (until its last part).
    if (read.kind === 'part') return skip(seq);
    let parsed: StreamMessage;
    try {
      parsed = JSON.parse(new TextDecoder().decode(read.data)) as StreamMessage;
    } catch (error) {
      log(`Stream message ${seq} is not JSON (${(error as Error).message}): skipped`);
      return apply(seq, null);
    }
    apply(seq, parsed);
  }

  function apply(seq: number, message: StreamMessage | null) {
    if (seq <= appliedSeq) return;
    const before = store.getState();
    let after: ShowState;
    if (!message) after = { ...before, revision: seq };
    else if (message.kind === 'replace') after = { ...message.state, revision: seq };
    else {
      const result = applyCommand(before, message.command, { now: message.at });
      // The publisher checked it against this very state; a refusal here would be a reducer that is not pure.
      if (!result.ok) log(`Stream message ${seq} (${message.command.type}) could not be applied here: ${result.error}`);
      after = { ...(result.ok ? result.state : before), revision: seq };
    }
    appliedSeq = seq;
    store.setState(after, true);
    if (message) onApplied?.(after, [{ revision: seq, at: message.at, sender: message.sender, command: message.kind === 'replace' ? { type: 'show.replace' } : message.command, before, after }]);
    for (const waiter of waiters) if (waiter.seq <= seq) waiter.done();
    if (seq - snapshotSeq >= SNAPSHOT_EVERY && snapshots) {
      snapshotSeq = seq;
      snapshots.write(seq, after).catch((error) => log(`The snapshot at ${seq} could not be written: ${(error as Error).message}`));
    }
  }

  function skip(seq: number) {
    if (seq <= appliedSeq) return;
    appliedSeq = seq;
    for (const waiter of waiters) if (waiter.seq <= seq) waiter.done();
  }

  function appliedUpTo(seq: number, timeoutMs: number): Promise<boolean> {
    if (appliedSeq >= seq) return Promise.resolve(true);
    if (timeoutMs <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter = { seq, done: () => finish(true) };
      const timer = setTimeout(() => finish(false), timeoutMs);
      function finish(ok: boolean) {
        clearTimeout(timer);
        waiters.delete(waiter);
        resolve(ok);
      }
      waiters.add(waiter);
    });
  }

  /** `deadline`: NATS_GRACE_MS after it arrived; a command still not stored by then is refused, queued or not. */
  type Job = { make: (current: ShowState) => Promise<StreamMessage | SubmitResult>; done: (result: SubmitResult) => void; deadline: number };
  const waiting: Job[] = [];
  let busy = false;

  async function drain() {
    if (busy) return;
    busy = true;
    try {
      for (let job = waiting.shift(); job; job = waiting.shift()) job.done(await publish(job));
    } finally {
      busy = false;
    }
  }

  async function publish(job: Job): Promise<SubmitResult> {
    const { deadline } = job;
    const reconnectBy = Math.min(deadline, Date.now() + RECONNECT_GRACE_MS);
    const refuse = (error: string): SubmitResult => ({ ok: false, reason: 'storage', revision: store.getState().revision, error });
    const left = () => deadline - Date.now();
    for (let conflicts = 0; conflicts < MAX_CONFLICTS; conflicts++) {
      if (left() <= 0) {
        const why = unavailable() ?? (conflicts > 0 ? "other hubs' commands kept getting in first" : "it waited behind this hub's earlier commands, which were waiting for NATS");
        return refuse(`NATS did not take the command within ${NATS_GRACE_MS / 1000} s (${why}); nothing was changed`);
      }
      // A dropped connection to one node of a cluster comes back within a second or so: wait for it, a little.
      while (ready && !connected && Date.now() < reconnectBy) await sleep(100);
      const current = store.getState();
      const refusal = unavailable();
      if (refusal || !target) return refuse(`${refusal ?? 'NATS is not connected'}; nothing was changed`);
      const expected = appliedSeq;
      let made: StreamMessage | SubmitResult;
      try {
        made = await withDeadline(job.make(current), Math.max(1000, left()), 'preparing the command');
      } catch (error) {
        return refuse(`Nothing was changed: ${(error as Error).message}`);
      }
      if ('ok' in made) return made;
      const sent = await publishInParts(target, encode(made), expected, deadline, partBytes);
      if (sent.kind === 'stored') {
        // Acknowledged: the stream has it. Applying it here normally takes a millisecond; if it does not come, the
        // follower starts again (the command is safe in the stream either way).
        if (!(await appliedUpTo(sent.seq, Math.max(APPLY_WAIT_MS, left())))) {
          explain(`Acknowledged revision ${sent.seq} but not applied here yet, following the stream again`);
          follower?.restart(`revision ${sent.seq} was acknowledged but has not arrived`);
        }
        storeTrouble = null;
        return { ok: true, revision: sent.seq };
      }
      if (sent.kind === 'conflict') {
        // Another hub's command got in first: catch up with the stream and check this one again.
        if (await appliedUpTo(sent.last, left())) continue;
        explain(`Behind the stream (at ${appliedSeq}, it is at ${sent.last}) with a command waiting, following it again`);
        follower?.restart(`behind the stream (${appliedSeq} of ${sent.last}) with a command waiting`);
        if (await appliedUpTo(sent.last, Math.max(APPLY_WAIT_MS, left()))) continue;
        return refuse(`This hub is behind the show in NATS (at revision ${appliedSeq}, the stream is at ${sent.last}) and could not catch up, so the command was refused; nothing was changed — try again or use another hub`);
      }
      explain(`A command got no answer from NATS within ${NATS_GRACE_MS / 1000} s (${sent.error})`);
      storeTrouble = `NATS at ${servers} did not take this hub's last command within ${NATS_GRACE_MS / 1000} s (${sent.error}): commands are being refused until it does (a stream without a leader or a majority, a frozen node)`;
      if (sent.kind === 'absent') return refuse(`NATS did not take the command within ${NATS_GRACE_MS / 1000} s (${sent.error}); nothing was changed`);
      unconfirmed.set(sent.msgID, `A ${'command' in made ? made.command.type : 'show replace'} from ${made.sender}`);
      return refuse(`NATS did not confirm the command within ${NATS_GRACE_MS / 1000} s (${sent.error}), so it was not acknowledged, but NATS may still store it: check the show before sending it again`);
    }
    return { ok: false, reason: 'busy', revision: store.getState().revision, error: 'Other hubs kept changing the show while this command was being sent: nothing was changed — try again' };
  }

  function enqueue(make: Job['make']): Promise<SubmitResult> {
    return new Promise((done) => {
      if (waiting.length >= maxWaiting) {
        return done({ ok: false, reason: 'busy', revision: store.getState().revision, error: `The hub is busy: ${waiting.length} commands are already waiting for NATS, so this one was refused rather than put on air late; nothing was changed — try again in a moment` });
      }
      waiting.push({ make, done, deadline: Date.now() + NATS_GRACE_MS });
      void drain();
    });
  }

  void start();

  return {
    store,
    now,
    // Health also says when NATS is connected but not taking commands; commands still try, so one gets through once it does.
    problem: () => unavailable() ?? storeTrouble,
    natsServer: () => (nc && connected ? nc.getServer() : null),
    submit: (command, baseRevision, sender = HUB_SENDER) =>
      enqueue(async (current) => {
        const refuse = (reason: 'refused' | 'stale', error: string): SubmitResult => ({ ok: false, reason, error, revision: current.revision });
        if (baseRevision !== undefined && baseRevision !== current.revision) {
          return refuse('stale', `The show has changed since you loaded it (you edited revision ${baseRevision}, it is now at ${current.revision}); nothing was changed — check the new state and try again`);
        }
        const at = now();
        const applied = applyCommand(current, command, themes ? { now: at, themes: themes() } : { now: at });
        if (!applied.ok) return refuse('refused', applied.error);
        const invalid = checkShow(applied.state);
        if (invalid) return refuse('refused', invalid);
        return { kind: 'command', command, sender, at };
      }),
    replace: (produce, sender = HUB_SENDER) =>
      enqueue(async (current) => {
        let next: ShowState | string;
        try {
          next = await produce(current);
        } catch (error) {
          return { ok: false, reason: 'storage', revision: current.revision, error: `Nothing was changed: ${(error as Error).message}` };
        }
        if (typeof next === 'string') return { ok: false, reason: 'refused', error: next, revision: current.revision };
        const invalid = checkShow({ ...next, revision: current.revision + 1 });
        if (invalid) return { ok: false, reason: 'refused', error: invalid, revision: current.revision };
        return { kind: 'replace', state: next, sender, at: now() };
      }),
    async close() {
      closing = true;
      follower?.stop();
      await nc?.drain().catch(() => {});
    },
  };
}

const encode = (message: StreamMessage) => new TextEncoder().encode(JSON.stringify(message));
