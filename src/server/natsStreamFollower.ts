import { AckPolicy, createInbox, DeliverPolicy, isFlowControlMsg, isHeartbeatMsg, nanos, type JetStreamManager, type Msg, type NatsConnection } from 'nats';
import { describeStream, REQUEST_MS } from './natsShowStream';
import { sleep, withDeadline } from './withDeadline';

/** The stream sends a heartbeat this often when it has nothing else to send. */
const HEARTBEAT_MS = 1000;
/** Nothing heard for this long (three heartbeats): the consumer is gone (its NATS node died) or stuck; a new one is made. */
const SILENT_MS = 3 * HEARTBEAT_MS;

export type StreamFollower = {
  /** Drops the consumer and follows the stream again from the first message not applied yet. */
  restart(reason: string): void;
  /** The stream and the consumer as NATS sees them, for a log line when something is late (bounded requests). */
  describe(): Promise<string>;
  stop(): void;
};

/**
 * Applies a stream's messages in order, for ever, through a push consumer of our own rather than the client's
 * ordered consumer, whose re-creation retries without end and out of sight. Every step has a deadline: creating
 * the consumer (REQUEST_MS), hearing from it (a heartbeat each second; SILENT_MS of silence means it is gone), and
 * a gap in the consumer's or the stream's sequence ends it too. Each time, a new consumer starts at `nextSeq()`.
 * And every 2 s the stream's end is compared with what was applied: behind with nothing arriving (a consumer that
 * heartbeats but delivers nothing) ends it as well.
 */
export function followStream(options: {
  nc: NatsConnection;
  jsm: JetStreamManager;
  stream: string;
  nextSeq: () => number;
  apply: (seq: number, message: Msg) => void;
  log: (line: string) => void;
}): StreamFollower {
  const { nc, jsm, stream, nextSeq, apply, log } = options;
  let stopped = false;
  let consumer: string | null = null;
  let heard = Date.now();
  let endCurrent: ((reason: string) => void) | null = null;

  let lastChecked = -1;
  let checking = false;
  const watchdog = setInterval(() => {
    if (checking || stopped) return;
    checking = true;
    withDeadline(jsm.streams.info(stream), 1900, 'stream info')
      .then(({ state }) => {
        const applied = nextSeq() - 1;
        const stuck = state.last_seq > applied && applied === lastChecked;
        lastChecked = applied;
        if (stuck && endCurrent) {
          void describeAll().then((now) => log(`Behind the stream with nothing arriving, following it again: ${now}`));
          endCurrent(`behind the stream (${applied} of ${state.last_seq}) with nothing arriving`);
        }
      })
      .catch(() => {}) // NATS unreachable or electing a leader: the next look will tell
      .finally(() => (checking = false));
  }, 2000);
  watchdog.unref();

  void (async () => {
    while (!stopped) {
      const reason = await followOnce();
      if (stopped) return;
      log(`Following the stream ${stream} again from message ${nextSeq()}: ${reason}`);
      await sleep(250);
    }
  })();

  /** One consumer, from creation until it fails a check; resolves with the reason it ended. */
  function followOnce(): Promise<string> {
    return new Promise((resolve) => {
      let ended = false;
      let name: string | null = null;
      let delivered = 0;
      const inbox = createInbox();
      const end = (reason: string) => {
        if (ended) return;
        ended = true;
        endCurrent = null;
        consumer = null;
        clearInterval(silence);
        sub.unsubscribe();
        if (name) jsm.consumers.delete(stream, name).catch(() => {}); // bounded by the API timeout; it expires anyway
        resolve(reason);
      };
      endCurrent = end;
      const sub = nc.subscribe(inbox, {
        callback: (error, message) => {
          if (ended) return;
          if (error) return end(`the subscription failed (${error.message})`);
          heard = Date.now();
          if (isFlowControlMsg(message)) return message.respond();
          if (isHeartbeatMsg(message)) {
            const stalled = message.headers?.get('Nats-Consumer-Stalled');
            if (stalled) nc.publish(stalled);
            const sent = Number(message.headers?.get('Nats-Last-Consumer') || 0);
            if (sent > delivered) end(`the consumer sent ${sent} messages, ${delivered} arrived`);
            return;
          }
          const position = deliveryOf(message.reply);
          if (!position) return end(`a message came without its stream position (${message.reply})`);
          if (position.delivered !== delivered + 1) return end(`consumer message ${position.delivered} came after ${delivered}`);
          delivered = position.delivered;
          const next = nextSeq();
          if (position.seq < next) return; // applied already (a consumer starting from a snapshot's revision)
          if (position.seq > next) return end(`stream message ${position.seq} came when ${next} was next`);
          try {
            apply(position.seq, message);
          } catch (error) {
            end(`applying stream message ${position.seq} failed (${(error as Error).message})`);
          }
        },
      });
      heard = Date.now();
      const silence = setInterval(() => {
        if (Date.now() - heard > SILENT_MS) end(`nothing heard from the stream for ${SILENT_MS / 1000} s`);
      }, 250);
      const from = nextSeq();
      withDeadline(
        jsm.consumers.add(stream, {
          deliver_subject: inbox,
          deliver_policy: DeliverPolicy.StartSequence,
          opt_start_seq: from,
          ack_policy: AckPolicy.None,
          flow_control: true,
          idle_heartbeat: nanos(HEARTBEAT_MS),
          mem_storage: true,
          num_replicas: 1,
        }),
        REQUEST_MS,
        `creating a consumer of ${stream} from message ${from}`,
      ).then(
        (info) => {
          name = info.name;
          if (ended) return void jsm.consumers.delete(stream, name).catch(() => {});
          consumer = name;
          heard = Date.now();
        },
        (error) => end((error as Error).message),
      );
    });
  }

  async function describeAll() {
    return `applied ${nextSeq() - 1}, ${await describeStream(jsm, stream)}, ${await describeConsumer()}`;
  }
  async function describeConsumer() {
    const quiet = `last heard ${Date.now() - heard} ms ago`;
    if (!consumer) return `no consumer yet (${quiet})`;
    try {
      const info = await withDeadline(jsm.consumers.info(stream, consumer), 1500, 'consumer info');
      return `consumer ${consumer} on ${info.cluster?.leader ?? 'this server'}: delivered up to stream message ${info.delivered.stream_seq}, ${info.num_pending} pending (${quiet})`;
    } catch (error) {
      return `consumer ${consumer}: ${(error as Error).message} (${quiet})`;
    }
  }

  return {
    restart: (reason) => endCurrent?.(reason),
    describe: describeAll,
    stop() {
      stopped = true;
      clearInterval(watchdog);
      endCurrent?.('stopped');
    },
  };
}

/** Stream and consumer sequence from a JetStream delivery's reply subject (`$JS.ACK.<stream>.<consumer>.<n>.<seq>.<delivered>...`, or with domain and account). */
function deliveryOf(reply: string | undefined): { seq: number; delivered: number } | null {
  const tokens = reply?.split('.') ?? [];
  if (tokens[0] !== '$JS' || tokens[1] !== 'ACK') return null;
  const at = tokens.length === 9 ? 5 : tokens.length >= 11 ? 7 : -1;
  const seq = Number(tokens[at]);
  const delivered = Number(tokens[at + 1]);
  return at > 0 && seq > 0 && delivered > 0 ? { seq, delivered } : null;
}
