import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyShow, type ShowState } from '../state/showState';
import { createShowLibrary, showFileId } from './showLibrary';

describe('showFileId', () => {
  it('makes a safe file name from any show name', () => {
    expect(showFileId('London Marathon 2016')).toBe('london-marathon-2016');
    expect(showFileId('Zürich — Élite / Rehearsal #2')).toBe('zurich-elite-rehearsal-2');
    expect(showFileId('../../etc/passwd')).toBe('etc-passwd');
    expect(showFileId('***')).toBe('show');
  });

  it('gives distinct names in any script distinct files, and keeps Latin names as they were', () => {
    const ids = ['東京マラソン', '大阪マラソン', 'ソウル', 'Москва', 'Tokyo 東京', 'Tokyo 大阪'].map(showFileId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
    expect(showFileId('Tokyo 東京')).toMatch(/^tokyo-[0-9a-f]{8}$/);
    expect(showFileId('東京マラソン')).toBe(showFileId(' 東京マラソン'.normalize('NFD')));
    expect(showFileId('Łódź Maraton')).toBe('lodz-maraton');
    expect(showFileId('x'.repeat(100) + ' 東京')).toHaveLength(64);
  });
});

describe('show library', () => {
  it('lists saved shows and leaves out a damaged file instead of failing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shows-'));
    const library = createShowLibrary(dir);
    await library.saveAs({ ...emptyShow('Berlin 2016'), revision: 7 }, 'Berlin 2016', false);
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    const shows = await library.list();
    expect(shows.map(({ file, name, revision, items }) => ({ file, name, revision, items }))).toEqual([{ file: 'berlin-2016', name: 'Berlin 2016', revision: 7, items: 0 }]);
  });

  it('asks before a save-as or new show replaces a show with another non-Latin name', async () => {
    const library = createShowLibrary(mkdtempSync(join(tmpdir(), 'shows-')));
    const tokyo = await library.saveAs(emptyShow('Current'), '東京マラソン', false);
    expect(tokyo).toMatchObject({ name: '東京マラソン' });
    const osaka = await library.saveAs(tokyo as ShowState, '大阪マラソン', false);
    expect(osaka).toMatchObject({ name: '大阪マラソン' });
    expect(await library.startNew(osaka as ShowState, 'ソウル')).toMatchObject({ name: 'ソウル' });
    expect((await library.list()).map((s) => s.name).sort()).toEqual(['大阪マラソン', '東京マラソン'].sort());
    const again = await library.saveAs(emptyShow('ソウル'), '東京マラソン', false);
    expect(again).toBe(`A show is already saved as ${showFileId('東京マラソン')}.json; choose another name, or replace it (overwrite)`);
  });

  it('still lists and opens a show saved as show.json before non-Latin names had files of their own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shows-'));
    writeFileSync(join(dir, 'show.json'), JSON.stringify({ ...emptyShow('東京マラソン'), revision: 5 }));
    const library = createShowLibrary(dir);
    expect((await library.list()).map(({ file, name }) => ({ file, name }))).toEqual([{ file: 'show', name: '東京マラソン' }]);
    expect(await library.open({ ...emptyShow('Current'), revision: 9 }, 'show')).toMatchObject({ name: '東京マラソン', revision: 10 });
  });

  it('opens a saved show with nothing on air and its items restamped to the new revision', async () => {
    const library = createShowLibrary(mkdtempSync(join(tmpdir(), 'shows-')));
    const saved = {
      ...emptyShow('Boston 2016'),
      revision: 3,
      onAir: { lowerThird: { id: 'g3', layer: 'lowerThird' as const, graphic: { kind: 'nameCard' as const, props: { name: 'X', role: '' } }, takenAt: 0, updatedAt: 0 } },
      rundown: [{ id: 'r1', revision: 1, group: 'Commentators', graphic: { kind: 'nameCard' as const, props: { name: 'X', role: '' } } }],
    };
    await library.saveAs(saved, 'Boston 2016', false);
    const opened = await library.open({ ...emptyShow('Current'), revision: 40 }, 'boston-2016');
    expect(opened).toMatchObject({ name: 'Boston 2016', revision: 41, onAir: {}, rundown: [{ id: 'r1', revision: 41 }] });
    expect((await library.list()).map((s) => s.file)).toEqual(['boston-2016', 'current']);
  });
});
