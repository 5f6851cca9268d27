import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { percentiles } from '../src/render/frameStats';
import { ShowState } from '../src/state/showState';
import { saveShowFile } from '../src/server/showFile';
import { createShowFileWriter, showText } from '../src/server/showFileWriter';
import { MIN_SLOT_BYTES, openShowJournal } from '../src/server/showJournal';
import { appendSynced } from '../src/server/writeFileAtomic';

/**
 * npx tsx bench/showSave.ts [--saves=80] [--dir=<folder>]
 *
 * The disk's share of a Take: saving the demo show with a line appended and synced alongside (the as-run log),
 * as the hub did (writeFileAtomic: temp file, fsync, rename, directory fsync, all on the way), as it did next
 * (createShowFileWriter: a spare made ahead, fsync, rename; the directory sync after), and as it does (the take
 * journal: the record written over a slot of a preallocated file and fdatasynced; that save follows off the
 * way, untimed), alternated, a pause between saves as between takes. Times until the hub may publish.
 */
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const saves = Number(arg('saves') ?? 80);
const root = mkdtempSync(join(arg('dir') ?? tmpdir(), 'show-save-'));
const show = ShowState.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '../shows/london-2016.json'), 'utf8')));


async function main() {
  const oldDir = mkdtempSync(join(root, 'old-'));
  const newDir = mkdtempSync(join(root, 'new-'));
  const journalDir = mkdtempSync(join(root, 'journal-'));
  const writer = createShowFileWriter(join(newDir, 'show.json'));
  const journal = openShowJournal(join(journalDir, 'show.json.journal'), MIN_SLOT_BYTES);
  const journalWriter = createShowFileWriter(join(journalDir, 'show.json'));
  const times = { 'temp file, fsync, rename, directory fsync (first)': [] as number[], 'spare made ahead, fsync, rename (next)': [] as number[], 'take journal: slot overwritten in place, fdatasync (now)': [] as number[] };
  const [before, spare, inPlace] = Object.values(times);
  const order = ['old', 'spare', 'journal'] as const;
  for (let i = 0; i < saves; i++) {
    const state = { ...show, revision: i + 1 };
    const line = `${JSON.stringify({ t: 'cmd', entry: { revision: i + 1 } })}\n`;
    for (const which of [...order.slice(i % 3), ...order.slice(0, i % 3)]) {
      await new Promise((r) => setTimeout(r, 40 + Math.random() * 40));
      const start = performance.now();
      if (which === 'old') await saveShowFile(join(oldDir, 'show.json'), state, appendSynced(join(oldDir, 'asrun.jsonl'), line));
      else if (which === 'spare') await writer.save(state, appendSynced(join(newDir, 'asrun.jsonl'), line));
      else {
        journal.write(i, { revision: state.revision, logs: { asRun: [line], passings: [] }, showText: showText(state) });
        inPlace!.push(performance.now() - start);
        // The save that follows, untimed, and done before the next variant's so it does not slow that one down.
        await journalWriter.save(state, appendSynced(join(journalDir, 'asrun.jsonl'), line));
        continue;
      }
      (which === 'old' ? before : spare)!.push(performance.now() - start);
    }
  }
  journal.close();
  console.log(`\nShow saves, ${saves} each, alternated, in ${root}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')} (ms until published):`);
  console.log('| save | p50 | p95 | max |');
  console.log('|---|---|---|---|');
  for (const [name, values] of Object.entries(times)) {
    const p = percentiles(values);
    console.log(`| ${name} | ${p.p50} | ${p.p95} | ${p.max} |`);
  }
}

main()
  .catch((error: Error) => {
    console.error(`Benchmark failed: ${error.message}`);
    process.exitCode = 1;
  })
  .finally(() => rmSync(root, { recursive: true, force: true }));
