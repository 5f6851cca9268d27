import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../test/harness/browser';

/**
 * npx tsx bench/massEntrants.ts [--compare=/work/main] [--rounds=3] [--runners=40000]
 *
 * A mass start's start list (issue #13), on this checkout's built hub and, alternated, another's (`--compare`, built
 * there already: its build/hub/main.mjs and dist/ are run as they are, never rebuilt): the time to import a start list
 * as CSV (POST /api/races/mass/start-list), the snapshot a page gets (bytes of its first WebSocket message), a
 * command's round trip with the list in the show (its check and save), and the panel: from a command's answer to the
 * panel showing that revision, with the mass race's start list in its Race data card. At 1000 runners both sides run;
 * at `--runners` a side refusing the list (a hub capped at 1000 entrants) is reported as refusing it.
 * Build this checkout first (`npm run build`).
 */
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const rounds = Number(arg('rounds') ?? 3);
const runners = Number(arg('runners') ?? 40_000);
const sides = [{ name: 'this checkout', root: resolve(import.meta.dirname, '..') }, ...(arg('compare') ? [{ name: `--compare ${arg('compare')}`, root: resolve(arg('compare')!) }] : [])];
const TOKEN = 'bench-token-0123';

type Hub = { url: string; port: number; child: ChildProcess; dir: string };
async function startHub(root: string): Promise<Hub> {
  const dir = mkdtempSync(join(tmpdir(), 'mass-entrants-'));
  const child = spawn(process.execPath, [join(root, 'build/hub/main.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SHOW_FILE: join(dir, 'show.json'), HUB_TOKEN: TOKEN, SEED_SHOW: join(root, 'shows/london-2016.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const port = await new Promise<number>((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      log += chunk;
      const ready = log.match(/HUB_READY (\d+)/);
      if (ready) done(Number(ready[1]));
    });
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk));
    child.on('exit', (code) => fail(new Error(`hub exited with ${code}:\n${log}`)));
  });
  return { url: `http://127.0.0.1:${port}`, port, child, dir };
}
function stopHub(hub: Hub) {
  hub.child.kill('SIGKILL');
  rmSync(hub.dir, { recursive: true, force: true });
}

function csv(count: number): string {
  // Short rows, so 1000 of them fit the 64 KiB body a hub capped at 1000 entrants takes.
  const rows = Array.from({ length: count }, (_, i) => `${i + 1},Runner ${i + 1},${['KEN', 'GBR', 'ETH', 'USA'][i % 4]},${['M40', 'F35', 'SEN'][i % 3]},3:${String(10 + (i % 50)).padStart(2, '0')}:00`);
  return ['bib,name,country,category,pb', ...rows].join('\n');
}

async function importList(hub: Hub, text: string): Promise<{ ms: number; status: number; answer: string }> {
  const start = performance.now();
  const response = await fetch(`${hub.url}/api/races/mass/start-list`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: text });
  const answer = await response.text();
  return { ms: performance.now() - start, status: response.status, answer };
}

/** The bytes of the first snapshot a page (a viewer, as an output connects) gets. */
function snapshotBytes(hub: Hub): Promise<number> {
  return new Promise((done, fail) => {
    const socket = new WebSocket(`ws://127.0.0.1:${hub.port}/ws?role=output`);
    socket.on('message', (data: Buffer) => {
      if (!data.subarray(0, 40).toString().includes('"snapshot"')) return;
      done(data.length);
      socket.close();
    });
    socket.on('error', fail);
  });
}

async function command(hub: Hub, body: unknown): Promise<{ ms: number; revision: number }> {
  const start = performance.now();
  const response = await fetch(`${hub.url}/api/commands`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await response.json()) as { revision: number; error?: string };
  if (!response.ok) throw new Error(answer.error);
  return { ms: performance.now() - start, revision: answer.revision };
}

/** Ten commands' round trips, and the panel's time from each answer to showing its revision. */
async function commandsAndPanel(hub: Hub, browser: Browser) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const opened = performance.now();
  await page.goto(`${hub.url}/?token=${TOKEN}`);
  await page.waitForFunction(() => window.finishlinePanel?.revision() != null, null, { timeout: 60_000 });
  const load = performance.now() - opened;
  const index = ((await (await fetch(`${hub.url}/api/state`)).json()) as { races: { id: string }[] }).races.findIndex((r) => r.id === 'mass');
  await page.keyboard.press(String(index + 1));
  await page.locator('#race-data').getByRole('heading', { name: /^Entrants of MASS RACE/ }).waitFor();
  const rtt: number[] = [];
  const panel: number[] = [];
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const sent = await command(hub, { type: 'crawlSpeed', speedPxPerS: 100 + (i % 2) });
    rtt.push(sent.ms);
    const answered = performance.now();
    await page.waitForFunction((revision) => window.finishlinePanel!.revision() === revision, sent.revision, { polling: 5, timeout: 30_000 });
    panel.push(performance.now() - answered);
  }
  await page.close();
  return { load, rtt, panel };
}

const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (values: number[]) => (values.length === 0 ? '–' : `${p50(values).toFixed(0)} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`);
const kB = (bytes: number[]) => (bytes.length === 0 ? '–' : `${(p50(bytes) / 1024).toFixed(1)} kB`);

type Figures = { import: number[]; snapshot: number[]; whole: number[]; rtt: number[]; panel: number[]; load: number[]; refused?: string };
async function main() {
  const browser = await launchBrowser();
  const figures = new Map<string, Figures>();
  const at = (side: string, size: number) => {
    const key = `${side}|${size}`;
    if (!figures.has(key)) figures.set(key, { import: [], snapshot: [], whole: [], rtt: [], panel: [], load: [] });
    return figures.get(key)!;
  };
  const loads: string[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const side of round % 2 ? [...sides].reverse() : sides) {
      for (const size of [1000, runners]) {
        console.error(`${side.name}, ${size} runners…`);
        const hub = await startHub(side.root);
        try {
          const f = at(side.name, size);
          const imported = await importList(hub, csv(size));
          if (imported.status !== 200) {
            f.refused = `${imported.status} ${imported.answer.slice(0, 160)}`;
            continue;
          }
          f.import.push(imported.ms);
          f.snapshot.push(await snapshotBytes(hub));
          f.whole.push(Buffer.byteLength(await (await fetch(`${hub.url}/api/state`)).text()));
          const measured = await commandsAndPanel(hub, browser);
          f.rtt.push(...measured.rtt);
          f.panel.push(...measured.panel);
          f.load.push(measured.load);
          loads.push(loadavg()[0]!.toFixed(1));
        } finally {
          stopHub(hub);
        }
      }
    }
  }
  await browser.close();
  console.log(`\nMass start lists, ${rounds} rounds alternated; 1-min load average during the runs: ${loads.join(' ')} (now ${loadavg().map((l) => l.toFixed(1)).join(' ')}). ms as median (min–max).`);
  console.log('| side | runners | CSV import | first snapshot to a page | whole show (GET /api/state) | command round trip | command answered → panel shows it | panel load |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [key, f] of figures) {
    const [side, size] = key.split('|');
    if (f.refused && f.import.length === 0) console.log(`| ${side} | ${size} | refused: ${f.refused.replace(/\|/g, '/')} | | | | | |`);
    else console.log(`| ${side} | ${size} | ${fmt(f.import)} | ${kB(f.snapshot)} | ${kB(f.whole)} | ${fmt(f.rtt)} | ${fmt(f.panel)} | ${fmt(f.load)} |`);
  }
}

main().catch((error: Error) => {
  console.error(`Benchmark failed: ${error.stack}`);
  process.exitCode = 1;
});
