import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildHub } from '../scripts/buildHub';

/**
 * `npx tsx bench/hubStart.ts [--runs=10]`: time from spawning the hub to HUB_READY, for the hub as `npm start`
 * runs it (the esbuild bundle) and as `npm run dev` does (tsx compiling src/server at start), alternated in
 * one run on the same show file: what a crashed hub restarted by systemd, or a test's restart, waits for.
 */
const root = resolve(import.meta.dirname, '..');
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 10);
const bundle = await buildHub(root);
const dataDir = mkdtempSync(join(tmpdir(), 'finishline-hubstart-'));
const ways = { bundle: [bundle], tsx: ['--import', 'tsx', 'src/server/main.ts'] };
const times: Record<keyof typeof ways, number[]> = { bundle: [], tsx: [] };

function start(args: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SHOW_FILE: join(dataDir, 'show.json'), HUB_TOKEN: 'bench-token-0123' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((done, fail) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
      if (!out.includes('HUB_READY')) return;
      const ms = performance.now() - started;
      child.stdout.removeAllListeners('data');
      child.removeAllListeners('exit');
      child.once('exit', () => done(ms));
      child.kill('SIGTERM');
    });
    child.once('exit', (code) => fail(new Error(`hub exited with ${code} before HUB_READY:\n${out}`)));
  });
}

const load = [loadavg()[0]!];
await start(ways.bundle); // seeds the show file, so every timed start reads the same one
for (let i = 0; i < runs; i++) {
  for (const way of i % 2 ? (['tsx', 'bundle'] as const) : (['bundle', 'tsx'] as const)) times[way].push(await start(ways[way]));
  load.push(loadavg()[0]!);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`hub start to HUB_READY, ${runs} runs each, alternated; load average ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}`);
for (const way of ['bundle', 'tsx'] as const) {
  const xs = times[way];
  console.log(`  ${way.padEnd(6)} median ${median(xs).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}`);
}
console.log(`  tsx / bundle (medians): ${(median(times.tsx) / median(times.bundle)).toFixed(1)}×`);
