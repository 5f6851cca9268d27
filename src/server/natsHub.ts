import { randomUUID } from 'node:crypto';
import { connect, DeliverPolicy, StorageType, type JetStreamClient, type KV, type NatsConnection } from 'nats';
import type { Command } from '../protocol/command';
import { describeIssues } from '../protocol/describeIssues';
import { applyCommand } from '../state/applyCommand';
import { createShowStore } from '../state/createShowStore';
import { ShowState } from '../state/showState';
import { checkShow, DEFAULT_MAX_WAITING, HUB_SENDER, type Applied, type Hub, type SubmitResult } from './hub';

/** What goes into the show's stream: a command with who sent it and the hub time it was applied at, or a whole show. */
type StreamMessage =
  | { kind: 'command'; command: Command; sender: string; at: number }
  | { kind: 'replace'; state: ShowState; sender: string; at: number };

export type NatsHubOptions = {
  /** NATS servers, comma-separated (`nats://a:4222,nats://b:4222`). */
  servers: string;
  /** The show's name in NATS: its stream is `FINISHLINE_<show>`, its snapshot the key `<show>` in the `finishline-snapshots` bucket. */
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
const PUBLISH_TIMEOUT_MS = 2000;
/**
 * How long a command waits for NATS before it is refused: long enough for the client to move to another node
 * of a cluster and the stream to elect a new leader, short enough that an operator hears "no" while it matters.
 */
const NATS_GRACE_MS = 6000;
/** How long a command waits for a lost connection to NATS to come back (another node of the cluster) before it is refused. */
const RECONNECT_GRACE_MS = 2000;
/** Publishing again after another hub's command got in first: a handful of tries covers any real contention. */
const MAX_CONFLICTS = 50;

/**
 * A hub whose show lives in a NATS JetStream stream shared with other hubs. A command is checked against this
 * hub's state at stream position n and published with "expected last sequence n": if another hub's command got
 * in first, this hub catches up and checks again. The stream's acknowledgement is the command's; the revision is
 * its stream sequence. Every hub applies the whole stream in order (an ordered consumer) from the latest
 * snapshot in the KV bucket, so all hubs hold the same show. Without NATS, commands are refused, never held.
 */
export function createNatsHub(options: NatsHubOptions): Hub & { problem(): string | null; close(): Promise<void> } {
  const { servers, show, initial, now = Date.now, themes, replicas = 1, maxWaiting = DEFAULT_MAX_WAITING, onApplied, log = console.log } = options;
  const stream = `FINISHLINE_${show}`;
  const subject = `finishline.${show}.commands`;
  const store = createShowStore(initial);
  let nc: NatsConnection | null = null;
  let js: JetStreamClient | null = null;
  let kv: KV | null = null;
  let appliedSeq = 0;
  let snapshotSeq = 0;
  let ready = false;
  let connected = false;
  let closing = false;
  let problem: string | null = `Connecting to NATS at ${servers}: commands are refused until this hub has read the show from it`;
  const waiters = new Set<{ seq: number; done: () => void }>();

  const setProblem = (text: string | null) => {
    if (text && text !== problem) log(text);
    problem = text;
  };
  const unavailable = () =>
    problem ?? (ready ? null : `The hub is still reading the show from NATS at ${servers}`);

  async function start() {
    while (!closing) {
      try {
        nc = await connect({ servers: servers.split(','), maxReconnectAttempts: -1, reconnectTimeWait: 250, timeout: 2000, name: `finishline-hub ${show}` });
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
        if (ready) void followAgain();
      }
    }
  }

  /** Reads the snapshot, makes sure the stream exists (seeding it with this hub's show when it is new) and applies it for ever. */
  async function follow(conn: NatsConnection) {
    const jsm = await conn.jetstreamManager();
    try {
      await jsm.streams.info(stream);
    } catch {
      await jsm.streams.add({ name: stream, subjects: [subject], storage: StorageType.File, num_replicas: replicas });
    }
    js = conn.jetstream();
    kv = await js.views.kv('finishline-snapshots', { history: 1, replicas });
    const saved = await kv.get(show);
    const { state } = await jsm.streams.info(stream);
    let fromSnapshot = 0;
    // A snapshot past the end of the stream belongs to a stream that was deleted since: it is not this show.
    if (saved && saved.value.length > 0 && saved.json<{ seq: number }>().seq <= state.last_seq) {
      const parsed = ShowState.safeParse(saved.json<{ seq: number; state: unknown }>().state);
      if (parsed.success) {
        appliedSeq = snapshotSeq = fromSnapshot = parsed.data.revision;
        store.setState(parsed.data, true);
      } else log(`The NATS snapshot of ${show} is not a valid show (${describeIssues(parsed.error)}): replaying the whole stream`);
    }
    if (state.last_seq === 0) {
      await js.publish(subject, encode({ kind: 'replace', state: initial, sender: HUB_SENDER, at: now() }), { expect: { lastSequence: 0 } }).catch(() => {
        // Another hub seeded it first: its show is the show.
      });
    }
    const end = Math.max(state.last_seq, 1);
    await resubscribe();
    await appliedUpTo(end, 60_000);
    ready = true;
    setProblem(connected ? null : problem);
    const from = fromSnapshot > 0 ? `from the snapshot at revision ${fromSnapshot} and ${appliedSeq - fromSnapshot} commands after it` : `replaying all ${appliedSeq} messages`;
    log(`Following the show ${show} in NATS stream ${stream} at revision ${appliedSeq} (${from})`);
  }

  let stopConsuming: (() => void) | null = null;
  /**
   * Follows the stream from the first message not applied yet. Also called after NATS comes back and whenever
   * this hub finds itself behind: a consumer that lived through a server restart may stay silent for a while.
   */
  async function resubscribe() {
    if (!js) return;
    stopConsuming?.();
    const consumer = await js.consumers.get(stream, { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: appliedSeq + 1 });
    const messages = await consumer.consume({ idle_heartbeat: 1000, expires: 5000 });
    const stop = () => messages.stop();
    stopConsuming = stop;
    void (async () => {
      for await (const message of messages) apply(message.seq, message.json<StreamMessage>());
    })()
      .catch((error) => log(`Stopped following the stream: ${(error as Error).message}`))
      .finally(() => {
        // Ended without being replaced (its consumer lived on a NATS node that died): follow the stream again.
        if (stopConsuming === stop && !closing) void followAgain();
      });
  }

  /**
   * A hub that only serves pages sends no commands, so nothing else would notice a consumer gone quiet (it lived
   * on a NATS node that died, or the stream was electing a leader): every 2 s the stream's end is compared with what
   * this hub has applied, and a hub behind with nothing arriving follows the stream again.
   */
  let lastChecked = -1;
  const watchdog = setInterval(() => {
    if (!ready || !connected || closing || !nc) return;
    void nc
      .jetstreamManager()
      .then((jsm) => jsm.streams.info(stream))
      .then(({ state }) => {
        const stuck = state.last_seq > appliedSeq && appliedSeq === lastChecked;
        lastChecked = appliedSeq;
        if (stuck) {
          log(`Behind the stream (${appliedSeq} of ${state.last_seq}) with nothing arriving: following it again`);
          void followAgain();
        }
      })
      .catch(() => {});
  }, 2000);
  watchdog.unref();

  /** After NATS comes back: follows the stream again, retrying while the cluster is still electing its leaders. */
  let following = false;
  async function followAgain() {
    if (following) return;
    following = true;
    try {
      for (let tries = 0; !closing && connected; tries++) {
        try {
          // Bounded: a consumer request made while the cluster elects a leader may never answer, and a hung
          // attempt here would stop every later one (the watchdog's too).
          return await Promise.race([resubscribe(), sleep(RESUBSCRIBE_WAIT_MS).then(() => Promise.reject(new Error(`no answer within ${RESUBSCRIBE_WAIT_MS / 1000} s`)))]);
        } catch (error) {
          if (tries === 0) log(`Could not follow the stream again yet (${(error as Error).message}): retrying`);
          await sleep(500);
        }
      }
    } finally {
      following = false;
    }
  }

  function apply(seq: number, message: StreamMessage) {
    if (seq <= appliedSeq) return; // delivered again after a reconnect
    const before = store.getState();
    let after: ShowState;
    if (message.kind === 'replace') after = { ...message.state, revision: seq };
    else {
      const result = applyCommand(before, message.command, { now: message.at });
      // The publisher checked it against this very state; a refusal here would be a reducer that is not pure.
      if (!result.ok) log(`Stream message ${seq} (${message.command.type}) could not be applied here: ${result.error}`);
      after = { ...(result.ok ? result.state : before), revision: seq };
    }
    appliedSeq = seq;
    store.setState(after, true);
    onApplied?.(after, [{ revision: seq, at: message.at, sender: message.sender, command: message.kind === 'replace' ? { type: 'show.replace' } : message.command, before, after }]);
    for (const waiter of waiters) if (waiter.seq <= seq) waiter.done();
    if (seq - snapshotSeq >= SNAPSHOT_EVERY && kv) {
      snapshotSeq = seq;
      kv.put(show, JSON.stringify({ seq, state: after })).catch((error) => log(`The snapshot at ${seq} could not be written: ${(error as Error).message}`));
    }
  }

  function appliedUpTo(seq: number, timeoutMs = PUBLISH_TIMEOUT_MS): Promise<boolean> {
    if (appliedSeq >= seq) return Promise.resolve(true);
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
    const late = (current: ShowState): SubmitResult => ({
      ok: false,
      reason: 'storage',
      revision: current.revision,
      error: `NATS did not take the command within ${NATS_GRACE_MS / 1000} s (${unavailable() ?? 'the stream did not answer in time'}), so it was not acknowledged: check the show before sending it again`,
    });
    for (let conflicts = 0; conflicts < MAX_CONFLICTS; conflicts++) {
      if (Date.now() > deadline) return late(store.getState());
      // A dropped connection to one node of a cluster comes back within a second or so: wait for it, a little.
      while (ready && !connected && Date.now() < reconnectBy) await sleep(100);
      const current = store.getState();
      const refusal = unavailable();
      if (refusal || !js) return { ok: false, reason: 'storage', revision: current.revision, error: `${refusal ?? 'NATS is not connected'}; nothing was changed` };
      const expected = appliedSeq;
      const made = await job.make(current);
      if ('ok' in made) return made;
      const sent = await publishOnce(made, expected, deadline);
      if (sent.ok) {
        // Acknowledged: the stream has it. Applying it here normally takes a millisecond; if this hub's
        // consumer is stuck, it follows the stream again (the command is safe in the stream either way).
        if (!(await appliedUpTo(sent.seq))) void followAgain();
        return { ok: true, revision: sent.seq };
      }
      if (sent.last !== undefined) {
        // Another hub's command got in first: catch up with the stream and check this one again.
        if (await appliedUpTo(sent.last, Math.max(0, deadline - Date.now()))) continue;
        if (Date.now() > deadline) return late(current);
        await resubscribe().catch(() => {});
        if (await appliedUpTo(sent.last, Math.max(0, deadline - Date.now()))) continue;
        return { ok: false, reason: 'storage', revision: current.revision, error: `This hub is behind the show in NATS (at revision ${appliedSeq}, the stream is at ${sent.last}) and could not catch up, so the command was refused; nothing was changed — try again or use another hub` };
      }
      return {
        ok: false,
        reason: 'storage',
        revision: current.revision,
        error: `NATS did not confirm the command within ${NATS_GRACE_MS / 1000} s (${sent.error}), so it was not acknowledged: check the show before sending it again`,
      };
    }
    return { ok: false, reason: 'busy', revision: store.getState().revision, error: 'Other hubs kept changing the show while this command was being sent: nothing was changed — try again' };
  }

  /**
   * Publishes one message, expecting the stream to end at `expected`. A timeout is retried with the same
   * message id until the deadline: if the first try was stored after all, the stream answers with that copy
   * (duplicate detection) instead of storing it twice.
   */
  async function publishOnce(message: StreamMessage, expected: number, deadline: number): Promise<{ ok: true; seq: number } | { ok: false; last?: number; error: string }> {
    const msgID = randomUUID();
    let error = '';
    do {
      try {
        const ack = await js!.publish(subject, encode(message), { msgID, expect: { lastSequence: expected }, timeout: PUBLISH_TIMEOUT_MS });
        return { ok: true, seq: ack.seq };
      } catch (caught) {
        error = (caught as Error).message;
        const last = /wrong last sequence: (\d+)/.exec(error);
        if (last) return { ok: false, last: Number(last[1]), error };
        await sleep(200);
      }
    } while (Date.now() < deadline);
    return { ok: false, error };
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
    problem: () => unavailable(),
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
      clearInterval(watchdog);
      await nc?.drain().catch(() => {});
    },
  };
}

const encode = (message: StreamMessage) => new TextEncoder().encode(JSON.stringify(message));
/** How long one attempt to follow the stream again may take before the next is made. */
const RESUBSCRIBE_WAIT_MS = 5000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
