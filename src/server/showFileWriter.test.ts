import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShowState } from '../state/showState';
import { createShowFileWriter, recoverShowFile, showText } from './showFileWriter';

const seed = ShowState.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../shows/london-2016.json'), 'utf8')));
const at = (revision: number, name = `Revision ${revision}`): ShowState => ({ ...seed, revision, name });
const folder = () => mkdtempSync(join(tmpdir(), 'showfile-'));
const noLog = () => undefined;

describe('createShowFileWriter', () => {
  it('replaces the show file on every save and keeps one spare beside it, empty', async () => {
    const dir = folder();
    const file = join(dir, 'show.json');
    const writer = createShowFileWriter(file);
    await writer.save(at(1));
    await writer.save(at(2), Promise.resolve());
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ revision: 2 });
    await writer.save(at(3));
    const spares = readdirSync(dir).filter((n) => n !== 'show.json');
    expect(spares).toHaveLength(1);
    expect(readFileSync(join(dir, spares[0]!), 'utf8')).toBe('');
  });

  it('replaces nothing when the lines saved alongside fail, and says why', async () => {
    const dir = folder();
    const file = join(dir, 'show.json');
    const writer = createShowFileWriter(file);
    await writer.save(at(1));
    await expect(writer.save(at(2), Promise.reject(new Error('the as-run log could not be synced')))).rejects.toThrow('the as-run log could not be synced');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ revision: 1 });
    // The refused show is not left to be rolled forward, and the next save still works.
    for (const name of readdirSync(dir)) if (name !== 'show.json') expect(readFileSync(join(dir, name), 'utf8')).toBe('');
    await writer.save(at(2, 'Again'));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ revision: 2, name: 'Again' });
  });
});

describe('recoverShowFile', () => {
  /** A folder as the power cut could leave it: the show file, and files beside it named as the writer names them. */
  function leftAfterPowerCut(beside: Record<string, string>) {
    const dir = folder();
    const file = join(dir, 'show.json');
    writeFileSync(file, showText(at(5)));
    for (const [name, text] of Object.entries(beside)) writeFileSync(join(dir, name), text);
    return { dir, file };
  }

  it('rolls forward the newest saved show whose revision the as-run log has, and removes every leftover', async () => {
    const { dir, file } = leftAfterPowerCut({ '.show.json.12.1700000000000001.tmp': showText(at(6)), '.show.json.12.1700000000000002.tmp': showText(at(7)), '.show.json.12.1700000000000003.tmp': '' });
    const lines: string[] = [];
    const state = await recoverShowFile(file, at(5), 7, (line) => lines.push(line));
    expect(state.revision).toBe(7);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ revision: 7, name: 'Revision 7' });
    expect(readdirSync(dir)).toEqual(['show.json']);
    expect(lines.join('\n')).toContain('Recovered revision 7 of the show');
  });

  it('keeps the show file when the newer show never had its as-run lines synced, or was cut short', async () => {
    const { dir, file } = leftAfterPowerCut({ '.show.json.12.1700000000000001.tmp': showText(at(6)), '.show.json.12.1700000000000002.tmp': showText(at(7)).slice(0, 300) });
    const state = await recoverShowFile(file, at(5), 5, noLog);
    expect(state.revision).toBe(5);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ revision: 5 });
    expect(readdirSync(dir)).toEqual(['show.json']);
  });

  it('never goes back to an older show, nor touches files that are not its own', async () => {
    const { dir, file } = leftAfterPowerCut({ '.show.json.12.1700000000000001.tmp': showText(at(4)), 'notes.txt': 'mine' });
    const state = await recoverShowFile(file, at(5), 9, noLog);
    expect(state.revision).toBe(5);
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'show.json']);
  });
});
