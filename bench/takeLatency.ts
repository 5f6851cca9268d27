import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import WebSocket from 'ws';
import { percentiles } from '../src/render/frameStats';
import { startHub, type HubProcess } from '../test/harness/hubProcess';

/**
 * npm run bench:take [-- --takes=60] [-- --compare=<checkout>]
 *
 * The hub's share of take to air, without a browser: a real hub process, one raw output connection, and
 * `takes` name-card takes POSTed one at a time (a pause between, as an operator would). Per take: POST sent →
 * the snapshot with its revision at the output connection (published), and → the POST's response (acknowledged).
 * --compare starts another checkout's hub too (e.g. the commit before a change) and alternates the takes
 * between the two, so both see the same load.
 */
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const takes = Number(arg('takes') ?? 60);
const compare = arg('compare');

type Side = { name: string; hub: HubProcess; socket: WebSocket; arrivals: Map<number, number>; sent: Map<number, number>; acked: number[] };

async function side(name: string, root?: string): Promise<Side> {
  const hub = await startHub(root ? { root: resolve(root) } : {});
  const socket = new WebSocket(`ws://127.0.0.1:${hub.port}/ws?role=output`);
  const arrivals = new Map<number, number>();
  socket.on('message', (data) => {
    const match = /^\{"type":"snapshot","revision":(\d+)/.exec(String(data));
    if (match) arrivals.set(Number(match[1]), performance.now());
  });
  await new Promise((resolve) => socket.once('open', resolve));
  return { name, hub, socket, arrivals, sent: new Map(), acked: [] };
}

async function main() {
  const sides = [await side('this checkout')];
  if (compare) sides.push(await side(`--compare ${compare}`, compare));
  try {
    for (let i = 0; i < takes * sides.length; i++) {
      const s = sides[i % sides.length]!;
      await new Promise((resolve) => setTimeout(resolve, 40 + Math.random() * 40));
      const start = performance.now();
      const { status, body } = await s.hub.post({ type: 'take', graphic: { kind: 'nameCard', props: { name: `Runner ${i}`, role: 'Bench' } } });
      if (status !== 200) throw new Error(`take refused: ${status} ${JSON.stringify(body)}`);
      s.acked.push(performance.now() - start);
      s.sent.set(body.revision, start);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const line = (name: string, values: number[]) => {
      const p = percentiles(values);
      console.log(`| ${name} | ${p.p50} | ${p.p95} | ${p.max} | ${values.length} |`);
    };
    console.log(`\nTake at the hub, ${takes} takes${compare ? ' each, alternated' : ''}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')} (ms from the POST being sent):`);
    console.log('| until | p50 | p95 | max | n |');
    console.log('|---|---|---|---|---|');
    for (const s of sides) {
      const published = [...s.sent].filter(([revision]) => s.arrivals.has(revision)).map(([revision, start]) => s.arrivals.get(revision)! - start);
      const of = sides.length > 1 ? ` (${s.name})` : '';
      line(`snapshot at an output connection${of}`, published);
      line(`hub's acknowledgement (POST response)${of}`, s.acked);
    }
  } finally {
    for (const s of sides) {
      s.socket.close();
      await s.hub.kill();
    }
  }
}

main().catch((error: Error) => {
  console.error(`Benchmark failed: ${error.message}`);
  process.exit(1);
});
