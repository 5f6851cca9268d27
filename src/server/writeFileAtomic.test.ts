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

  it('replaces the file only once renameAfter has resolved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const file = join(dir, 'show.json');
    await writeFileAtomic(file, 'old');
    let release!: () => void;
    const writing = writeFileAtomic(file, 'new', { renameAfter: new Promise<void>((resolve) => (release = resolve)) });
    // Long enough for the temp file to be written and synced: it must still wait.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readFileSync(file, 'utf8')).toBe('old');
    release();
    await writing;
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['show.json']);
  });

  it('keeps the old content and no temp file when renameAfter fails, and throws its error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const file = join(dir, 'show.json');
    await writeFileAtomic(file, 'old');
    await expect(writeFileAtomic(file, 'new', { renameAfter: Promise.reject(new Error('the as-run log could not be synced')) })).rejects.toThrow('the as-run log could not be synced');
    expect(readFileSync(file, 'utf8')).toBe('old');
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
