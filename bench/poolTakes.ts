import { readFileSync } from 'node:fs';
import { percentiles } from '../src/render/frameStats';

/**
 * npx tsx bench/poolTakes.ts <old.jsonl> <new.jsonl> [...]
 *
 * Pools the take-to-air figures `npm run bench:timing -- --only=take --raw=<file>` appended over several runs
 * (two builds run alternately, each with its own file) and prints p50 / p95 per step, one column per file,
 * with the load at the end of each run.
 */
const files = process.argv.slice(2);
if (files.length === 0) throw new Error('Give the --raw files to pool: npx tsx bench/poolTakes.ts old.jsonl new.jsonl');
const steps = new Map<string, Map<string, number[]>>();
const loads = new Map<string, number[]>();
for (const file of files) {
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const { load, figures } = JSON.parse(line) as { load: number; figures: Record<string, number[]> };
    loads.set(file, [...(loads.get(file) ?? []), load]);
    for (const [step, values] of Object.entries(figures)) {
      const byFile = steps.get(step) ?? new Map<string, number[]>();
      byFile.set(file, [...(byFile.get(file) ?? []), ...values]);
      steps.set(step, byFile);
    }
  }
}
const cell = (values: number[] = []) => (values.length === 0 ? '–' : `${percentiles(values).p50} / ${percentiles(values).p95} (${values.length})`);
console.log(`| ms from the POST | ${files.map((f) => `${f} p50 / p95 (takes)`).join(' | ')} |`);
console.log(`|---|${files.map(() => '---').join('|')}|`);
for (const [step, byFile] of steps) console.log(`| ${step} | ${files.map((f) => cell(byFile.get(f))).join(' | ')} |`);
console.log(`load at the end of each run: ${files.map((f) => `${f}: ${(loads.get(f) ?? []).map((l) => l.toFixed(1)).join(', ')}`).join('; ')}`);
