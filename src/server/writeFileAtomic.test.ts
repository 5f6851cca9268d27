import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from './writeFileAtomic';

const writer = resolve(import.meta.dirname, 'writeFileAtomic.ts');

describe('writeFileAtomic', () => {
  it('replaces the whole content of a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const file = join(dir, 'show.json');
    await writeFileAtomic(file, 'first');
    await writeFileAtomic(file, 'second');
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readdirSync(dir)).toEqual(['show.json']);
  });

  it('leaves the old or the new content, never a torn file, when the writer is killed with SIGKILL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const file = join(dir, 'show.json');
    // Two large, different contents, written alternately as fast as possible by a separate process.
    const a = `${'A'.repeat(400_000)}\n`;
    const b = `${'B'.repeat(400_000)}\n`;
    await writeFileAtomic(file, a);
    const script = `
      import { writeFileAtomic } from ${JSON.stringify(writer)};
      const contents = ['A'.repeat(400_000) + '\\n', 'B'.repeat(400_000) + '\\n'];
      let i = 0;
      console.log('go');
      for (;;) await writeFileAtomic(${JSON.stringify(file)}, contents[i++ % 2]);
    `;
    for (let round = 0; round < 8; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((ready) => child.stdout.once('data', () => ready()));
      await new Promise((r) => setTimeout(r, 30 + round * 17));
      await new Promise<void>((exited) => {
        child.once('exit', () => exited());
        child.kill('SIGKILL');
      });
      const content = readFileSync(file, 'utf8');
      expect(content === a || content === b, `round ${round}: file is ${content.length} bytes of a torn write`).toBe(true);
    }
  }, 60_000);
});
