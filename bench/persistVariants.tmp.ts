import { closeSync, fsync, fsyncSync, mkdtempSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { writeFileAtomic } from '../src/server/writeFileAtomic';
const fsyncAsync = promisify(fsync);
const show = readFileSync(resolve(import.meta.dirname, '../shows/london-2016.json'), 'utf8');
const pretty = JSON.stringify(JSON.parse(show), null, 2);
const dir = mkdtempSync(join(tmpdir(), 'persist-'));
const line = '{"t":"cmd","entry":{"revision":1,"at":1,"action":"take","layer":"lowerThird","itemId":"","item":"","kind":"nameCard","text":"Runner","by":"op","expect":[]}}\n';
let n = 0;
async function asIs() {
  const handle = await open(join(dir, 'asrun.jsonl'), 'a');
  await handle.appendFile(line); await handle.sync(); await handle.close();
  await writeFileAtomic(join(dir, 'show.json'), pretty);
}
async function lean() {
  const a = openSync(join(dir, 'asrun.jsonl'), 'a');
  writeSync(a, line);
  const temp = join(dir, `.show.json.${n++}.tmp`);
  const t = openSync(temp, 'w');
  writeSync(t, pretty);
  try { await Promise.all([fsyncAsync(a), fsyncAsync(t)]); } finally { closeSync(a); closeSync(t); }
  renameSync(temp, join(dir, 'show.json'));
  const d = openSync(dir, 'r');
  try { await fsyncAsync(d); } finally { closeSync(d); }
}
async function leanSyncDir() {
  const a = openSync(join(dir, 'asrun.jsonl'), 'a');
  writeSync(a, line);
  const temp = join(dir, `.show.json.${n++}.tmp`);
  const t = openSync(temp, 'w');
  writeSync(t, pretty);
  try { await Promise.all([fsyncAsync(a), fsyncAsync(t)]); } finally { closeSync(a); closeSync(t); }
  renameSync(temp, join(dir, 'show.json'));
  const d = openSync(dir, 'r'); fsyncSync(d); closeSync(d);
}
async function mainSyncsTemp() {
  const a = openSync(join(dir, 'asrun.jsonl'), 'a');
  writeSync(a, line);
  const logged = fsyncAsync(a);
  const temp = join(dir, `.show.json.${n++}.tmp`);
  const t = openSync(temp, 'w');
  writeSync(t, pretty); fsyncSync(t); closeSync(t);
  try { await logged; } finally { closeSync(a); }
  renameSync(temp, join(dir, 'show.json'));
  const d = openSync(dir, 'r'); fsyncSync(d); closeSync(d);
}
async function allSync() {
  const a = openSync(join(dir, 'asrun.jsonl'), 'a');
  writeSync(a, line); fsyncSync(a); closeSync(a);
  const temp = join(dir, `.show.json.${n++}.tmp`);
  const t = openSync(temp, 'w'); writeSync(t, pretty); fsyncSync(t); closeSync(t);
  renameSync(temp, join(dir, 'show.json'));
  const d = openSync(dir, 'r'); fsyncSync(d); closeSync(d);
}
const variants: [string, () => Promise<void>][] = [['as shipped', asIs], ['sync writes, fsyncs async in parallel', lean], ['all sync', allSync], ['lean, dir fsync sync', leanSyncDir], ['temp+dir fsync on main, as-run in pool', mainSyncsTemp]];
const times = new Map<string, number[]>(variants.map(([name]) => [name, []]));
for (let i = 0; i < 80; i++) for (const [name, run] of variants) {
  await new Promise((r) => setTimeout(r, 10));
  const s = performance.now(); await run(); times.get(name)!.push(performance.now() - s);
}
const pct = (v: number[], p: number) => [...v].sort((a, b) => a - b)[Math.ceil(p / 100 * v.length) - 1]!.toFixed(1);
console.log(`load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, show ${pretty.length} B`);
for (const [name, v] of times) console.log(`${name.padEnd(40)} p50 ${pct(v, 50)} p95 ${pct(v, 95)} ms`);
