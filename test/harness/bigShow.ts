import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A seed show file of about 1 MB of JSON (the demo show with 2000 long rundown items), for tests where every
 * unread snapshot or GET /api/state must cost the hub real memory. Returns its path.
 */
export function bigShowSeed(): string {
  const seed = JSON.parse(readFileSync(join(import.meta.dirname, '../../shows/london-2016.json'), 'utf8'));
  seed.rundown = Array.from({ length: 2000 }, (_, i) => ({
    id: `big${i}`,
    revision: 0,
    group: 'Filler',
    graphic: { kind: 'nameCard', props: { name: `Filler name ${i} `.padEnd(80, 'x'), role: 'A role long enough to make the show big '.padEnd(120, 'y') } },
  }));
  const seedFile = join(mkdtempSync(join(tmpdir(), 'finishline-big-')), 'big.json');
  writeFileSync(seedFile, JSON.stringify(seed));
  return seedFile;
}
