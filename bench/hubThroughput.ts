import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { writeFileAtomic } from '../src/server/writeFileAtomic';
import { startHub, type HubProcess } from '../test/harness/hubProcess';

/**
 * npm run bench:hub [-- --seconds=<n>]   (also the last case of npm run bench)
 *
 * The hub's command throughput against a real hub process, and the disk it stands on measured in the same run:
 * a bare write+fsync loop and writeFileAtomic (temp file, fsync, rename, fsync dir) of a show-sized file are the
 * baselines. Then commands/s from 1 client sending one after another and from 8 clients at once (HTTP, each
 * waiting for its answer), and the time from POSTing a take until 20 connected outputs (raw WebSocket clients)
 * have each received the snapshot with it.
 */
export type HubBenchResult = {
  showBytes: number;
  bareFsyncPerS: number;
  atomicWritesPerS: number;
  sequentialPerS: number;
  concurrent8PerS: number;
  takeToOutputsMs: { p50: number; p95: number; max: number; outputs: number; takes: number };
};

const take = (i: number) => ({ type: 'take', graphic: { kind: 'nameCard', props: { name: `Runner ${i}`, role: 'Bench' } } });

export async function measureHub(seconds = 3): Promise<HubBenchResult> {
  const show = readFileSync(resolve(import.meta.dirname, '../shows/london-2016.json'), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'finishline-bench-'));
  const bareFsyncPerS = loopFor(seconds, () => {
    const fd = openSync(join(dir, 'bare.json'), 'w');
    writeSync(fd, show);
    fsyncSync(fd);
    closeSync(fd);
  });
  const atomicWritesPerS = await loopForAsync(seconds, () => writeFileAtomic(join(dir, 'atomic.json'), show));

  const hub = await startHub();
  try {
    let n = 0;
    const post = async () => {
      const result = await hub.post(take(n++));
      if (result.status !== 200) throw new Error(`bench command refused: ${result.status} ${JSON.stringify(result.body)}`);
    };
    const sequentialPerS = await loopForAsync(seconds, post);
    const concurrent8PerS = round((await Promise.all(Array.from({ length: 8 }, () => loopForAsync(seconds, post)))).reduce((a, b) => a + b, 0));
    const takeToOutputsMs = await takeToOutputs(hub, 20, 30);
    return { showBytes: Buffer.byteLength(show), bareFsyncPerS, atomicWritesPerS, sequentialPerS, concurrent8PerS, takeToOutputsMs };
  } finally {
    await hub.kill();
  }
}

/** Opens `outputs` raw output connections (to `outputsOn`), then times `takes` takes posted to `hub` until every output has the new snapshot. */
export async function takeToOutputs(hub: HubProcess, outputs: number, takes: number, outputsOn: HubProcess = hub) {
  const sockets = await Promise.all(
    Array.from({ length: outputs }, async () => {
      const socket = new WebSocket(`ws://127.0.0.1:${outputsOn.port}/ws?role=output`);
      let revision = -1;
      const waiters: (() => void)[] = [];
      socket.on('message', (data) => {
        const message = JSON.parse(String(data));
        if (message.type !== 'snapshot') return;
        revision = message.revision;
        for (const wake of waiters.splice(0)) wake();
      });
      await new Promise((ready) => socket.once('open', ready));
      const reached = async (wanted: number) => {
        while (revision < wanted) await new Promise<void>((wake) => waiters.push(wake));
      };
      return { socket, reached };
    }),
  );
  const times: number[] = [];
  try {
    for (let i = 0; i < takes; i++) {
      const started = performance.now();
      const { body } = await hub.post(take(i));
      await Promise.all(sockets.map((s) => s.reached(body.revision)));
      times.push(performance.now() - started);
    }
  } finally {
    for (const s of sockets) s.socket.close();
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => round(times[Math.min(times.length - 1, Math.floor(q * times.length))]!);
  return { p50: at(0.5), p95: at(0.95), max: round(times.at(-1)!), outputs, takes };
}

function loopFor(seconds: number, work: () => void): number {
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  let count = 0;
  while (performance.now() < end) {
    work();
    count++;
  }
  return round(count / ((performance.now() - start) / 1000));
}

export async function loopForAsync(seconds: number, work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  const end = start + seconds * 1000;
  let count = 0;
  while (performance.now() < end) {
    await work();
    count++;
  }
  return round(count / ((performance.now() - start) / 1000));
}

const round = (value: number) => Math.round(value * 10) / 10;

export function formatHubReport(r: HubBenchResult): string {
  return [
    `## Hub throughput (show file ${(r.showBytes / 1024).toFixed(1)} KB)`,
    '',
    '| measure | value | against the disk |',
    '|---|---|---|',
    `| bare write+fsync loop (baseline) | ${r.bareFsyncPerS} /s | 1.00 |`,
    `| writeFileAtomic loop (write, fsync, rename, fsync dir) | ${r.atomicWritesPerS} /s | ${(r.atomicWritesPerS / r.bareFsyncPerS).toFixed(2)} |`,
    `| commands, 1 client, one after another | ${r.sequentialPerS} /s | ${(r.sequentialPerS / r.bareFsyncPerS).toFixed(2)} |`,
    `| commands, 8 clients at once | ${r.concurrent8PerS} /s | ${(r.concurrent8PerS / r.bareFsyncPerS).toFixed(2)} |`,
    `| take → all ${r.takeToOutputsMs.outputs} outputs have it (${r.takeToOutputsMs.takes} takes) | p50 ${r.takeToOutputsMs.p50} ms, p95 ${r.takeToOutputsMs.p95} ms, max ${r.takeToOutputsMs.max} ms | |`,
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const secondsArg = process.argv.find((a) => a.startsWith('--seconds='))?.slice('--seconds='.length);
  const seconds = secondsArg ? Number(secondsArg) : 3;
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`--seconds must be a number of seconds, not "${secondsArg}"`);
  measureHub(seconds).then(
    (result) => console.log(formatHubReport(result)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
