import { describe, expect, it } from 'vitest';
import type { PassingRow } from '../protocol/passing';
import type { Race } from '../protocol/race';
import { checkShow } from './checkShow';
import { changeRows } from './passingIndex';
import { emptyShow, ShowState } from './showState';

const race = (passings: PassingRow[], entrants = [{ bib: '1', name: 'Runner One' }]): Race => ({
  id: 'mass',
  name: 'MASS',
  kind: 'mass',
  distanceM: 42_195,
  gunTime: null,
  finishedAt: null,
  record: null,
  splits: [],
  entrants,
  timingPoints: [{ metres: 5000, label: '5K' }],
  passings,
});
const show = (r: Race): ShowState => ({ ...emptyShow(), races: [r] });

describe('the check after a change', () => {
  it('should find a bad row a passings change put into a race it had already found valid', () => {
    const rows: PassingRow[] = Array.from({ length: 3000 }, (_, i) => [String(i + 1), 0, 900_000 + i, 0]);
    expect(checkShow(show(race(rows)))).toBeNull();
    const good = changeRows(rows, [['3001', 0, 950_000, 0]]);
    expect(checkShow(show(race(good)))).toBeNull();
    // Sorted first: the refusal names the row where it stands.
    const bad = changeRows(good, [['3002', 0, 960_000, 0], ['3003', 0, -5, 0]]);
    expect(checkShow(show(race(bad)))).toBe('Refused: the show would no longer be valid (races.0.passings: row 0: elapsedMs must be whole ms under 24 hours); nothing was changed');
  });

  it('should say what the full schema says of any show, checked before or not', () => {
    const rows: PassingRow[] = [['1', 0, 900_000, 0]];
    const valid = race(rows);
    expect(checkShow(show(valid))).toBeNull();
    const broken: unknown[] = [
      show({ ...valid, name: '' }),
      show({ ...valid, entrants: [{ bib: '1', name: 'Runner One', shoe: 'left' } as never] }),
      show(race([['1', 99, 900_000, 0]])),
      { ...emptyShow(), races: [valid, valid] },
      { ...show(valid), rundown: [{ id: 'x' }] },
    ];
    for (const state of broken) {
      const parsed = ShowState.safeParse(state);
      expect(parsed.success).toBe(false);
      const message = checkShow(state as ShowState);
      expect(message).toMatch(/^Refused: the show would no longer be valid \(.+\); nothing was changed$/);
      // A valid part seen before (the race, its start list) is not read again, but a new bad one always is.
      expect(checkShow(state as ShowState)).toBe(message);
    }
  });
});
