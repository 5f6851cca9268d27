import { launchBrowser, openOutput } from '../test/harness/browser';
import { startHub, type HubProcess } from '../test/harness/hubProcess';
import { startNatsCluster, startNatsServer } from '../test/harness/natsServer';
import { loopForAsync, takeToOutputs } from './hubThroughput';

/**
 * npm run bench:nats [-- --seconds=<n>] [-- --kills=<n>]
 *
 * Hubs sharing one show through NATS JetStream against the file hub, in the same run on the same machine:
 * commands/s (one client sending one after another; 8 clients at once, spread over the hubs) and take → 20
 * outputs (raw WebSocket output connections on another hub than the one taking), for the file hub, two hubs on
 * one nats-server, and three hubs on a three-node cluster (stream with 3 copies). Then failover: a real output
 * page in Chromium given the other hubs (`?hubs=`); the hub it is on is killed (SIGKILL) `kills` times, and the
 * time from the kill until the page is connected to another hub is recorded.
 */
const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const seconds = Number(args.get('seconds') ?? 3);
const kills = Number(args.get('kills') ?? 10);

const take = (i: number) => ({ type: 'take', graphic: { kind: 'nameCard', props: { name: `Runner ${i}`, role: 'Bench' } } });
const round = (value: number) => Math.round(value * 10) / 10;

async function following(hub: HubProcess) {
  for (const end = Date.now() + 60_000; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    if ((await fetch(`${hub.url}/api/health`)).status === 200) return;
  }
  throw new Error(`hub did not follow the show in NATS:\n${hub.log()}`);
}

type Row = { setup: string; sequentialPerS: number; concurrent8PerS: number; takeToOutputs: { p50: number; p95: number; max: number } };

async function measure(setup: string, hubs: HubProcess[]): Promise<Row> {
  let n = 0;
  const post = (hub: HubProcess) => async () => {
    const result = await hub.post(take(n++));
    if (result.status !== 200) throw new Error(`bench command refused: ${result.status} ${JSON.stringify(result.body)}`);
  };
  const sequentialPerS = await loopForAsync(seconds, post(hubs[0]!));
  const concurrent8PerS = round((await Promise.all(Array.from({ length: 8 }, (_, i) => loopForAsync(seconds, post(hubs[i % hubs.length]!))))).reduce((a, b) => a + b, 0));
  const { p50, p95, max } = await takeToOutputs(hubs[0]!, 20, 30, hubs.at(-1)!);
  return { setup, sequentialPerS, concurrent8PerS, takeToOutputs: { p50, p95, max } };
}

async function failover(count: number) {
  const nats = await startNatsServer();
  const hubs = await Promise.all(['a', 'b', 'c'].map((name) => startHub({ env: { NATS_URL: nats.url, HUB_NAME: `hub-${name}` } })));
  for (const hub of hubs) await following(hub);
  const browser = await launchBrowser();
  const times: number[] = [];
  try {
    const list = hubs.map((h) => `127.0.0.1:${h.port}`).join(',');
    const page = await openOutput(browser, hubs[0]!.url, 'canvas', `&hubs=${list}`);
    await hubs[0]!.post(take(0));
    for (let i = 0; i < count; i++) {
      const on = await page.evaluate(() => document.documentElement.dataset.hubName);
      const victim = hubs.find((_, k) => `hub-${'abc'[k]}` === on)!;
      const started = performance.now();
      await victim.kill('SIGKILL');
      await page.waitForFunction((was) => document.documentElement.dataset.hub === 'open' && document.documentElement.dataset.hubName !== was, on, { timeout: 30_000, polling: 5 });
      times.push(performance.now() - started);
      await victim.restart();
      await following(victim);
    }
  } finally {
    await browser.close();
    await Promise.all(hubs.map((h) => h.kill()));
    await nats.kill();
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => round(times[Math.min(times.length - 1, Math.floor(q * times.length))]!);
  return { kills: times.length, p50: at(0.5), p95: at(0.95), max: round(times.at(-1)!) };
}

async function main() {
  const rows: Row[] = [];
  const file = await startHub();
  try {
    rows.push(await measure('file hub (fsync per group)', [file]));
  } finally {
    await file.kill();
  }

  const single = await startNatsServer();
  const pair = await Promise.all([startHub({ env: { NATS_URL: single.url } }), startHub({ env: { NATS_URL: single.url } })]);
  try {
    for (const hub of pair) await following(hub);
    rows.push(await measure('2 hubs, 1 nats-server', pair));
  } finally {
    await Promise.all(pair.map((h) => h.kill()));
    await single.kill();
  }

  const cluster = await startNatsCluster(3);
  const trio = await Promise.all([0, 1, 2].map(() => startHub({ env: { NATS_URL: cluster.url, NATS_REPLICAS: '3' } })));
  try {
    for (const hub of trio) await following(hub);
    rows.push(await measure('3 hubs, 3-node cluster, 3 copies', trio));
  } finally {
    await Promise.all(trio.map((h) => h.kill()));
    await cluster.kill();
  }

  const moved = kills > 0 ? await failover(kills) : null;
  console.log(`## Hubs on NATS JetStream against the file hub (${seconds} s per measure)\n`);
  console.log('| setup | commands/s, 1 client | commands/s, 8 clients | take → 20 outputs p50 / p95 / max (ms) |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.setup} | ${r.sequentialPerS} | ${r.concurrent8PerS} | ${r.takeToOutputs.p50} / ${r.takeToOutputs.p95} / ${r.takeToOutputs.max} |`);
  if (moved) console.log(`\nFailover (output page in Chromium, its hub killed with SIGKILL, until it is on another hub) over ${moved.kills} kills: p50 ${moved.p50} ms, p95 ${moved.p95} ms, max ${moved.max} ms`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
