import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyShow } from '../state/showState';
import { createShowLibrary, showFileId } from './showLibrary';

describe('showFileId', () => {
  it('makes a safe file name from any show name', () => {
    expect(showFileId('London Marathon 2016')).toBe('london-marathon-2016');
    expect(showFileId('Zürich — Élite / Rehearsal #2')).toBe('zurich-elite-rehearsal-2');
    expect(showFileId('../../etc/passwd')).toBe('etc-passwd');
    expect(showFileId('***')).toBe('show');
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
