import { loadavg } from 'node:os';
import WebSocket from 'ws';
import { percentiles } from '../src/render/frameStats';
import { startHub } from '../test/harness/hubProcess';

/**
 * npm run bench:take [-- --takes=60]
 *
 * The hub's share of take to air, without a browser: a real hub process, one raw output connection, and
 * `takes` name-card takes POSTed one at a time (a pause between, as an operator would). Per take: POST sent →
 * the snapshot with its revision at the output connection (published), and → the POST's response (acknowledged).
 */
const takes = Number(process.argv.find((a) => a.startsWith('--takes='))?.slice(8) ?? 60);

async function main() {
  const hub = await startHub();
  const socket = new WebSocket(`ws://127.0.0.1:${hub.port}/ws?role=output`);
  const arrivals = new Map<number, number>();
  socket.on('message', (data) => {
    const match = /^\{"type":"snapshot","revision":(\d+)/.exec(String(data));
    if (match) arrivals.set(Number(match[1]), performance.now());
  });
  await new Promise((resolve) => socket.once('open', resolve));
  try {
    const published: number[] = [];
    const acked: number[] = [];
    const sent = new Map<number, number>();
    for (let i = 0; i < takes; i++) {
      await new Promise((resolve) => setTimeout(resolve, 40 + Math.random() * 40));
      const start = performance.now();
      const { status, body } = await hub.post({ type: 'take', graphic: { kind: 'nameCard', props: { name: `Runner ${i}`, role: 'Bench' } } });
      if (status !== 200) throw new Error(`take refused: ${status} ${JSON.stringify(body)}`);
      acked.push(performance.now() - start);
      sent.set(body.revision, start);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const [revision, start] of sent) if (arrivals.has(revision)) published.push(arrivals.get(revision)! - start);
    const line = (name: string, values: number[]) => {
      const p = percentiles(values);
      console.log(`| ${name} | ${p.p50} | ${p.p95} | ${p.max} | ${values.length} |`);
    };
    console.log(`\nTake at the hub, ${takes} takes, load ${loadavg().map((l) => l.toFixed(1)).join(' ')} (ms from the POST being sent):`);
    console.log('| until | p50 | p95 | max | n |');
    console.log('|---|---|---|---|---|');
    line('snapshot at an output connection', published);
    line("hub's acknowledgement (POST response)", acked);
  } finally {
    socket.close();
    await hub.kill();
  }
}

main().catch((error: Error) => {
  console.error(`Benchmark failed: ${error.message}`);
  process.exit(1);
});
