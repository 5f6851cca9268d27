import { describe, expect, it } from 'vitest';
import { MAX_PASSINGS, PassingRows } from './passing';

describe('PassingRows', () => {
  // Parses a mass race's whole table twice: about 1 s on a quiet machine, over 5 s on a loaded one.
  it('takes a full race of rows and names the first bad one', { timeout: 30_000 }, () => {
    const rows = Array.from({ length: MAX_PASSINGS }, (_, i) => [String(i % 1000), i % 16, 1_000_000 + i, 0]);
    expect(PassingRows.safeParse(rows).success).toBe(true);
    const bad = PassingRows.safeParse([...rows.slice(0, 10), ['1', 3, -5, 0]]);
    expect(bad.success ? '' : bad.error.issues[0]!.message).toBe('row 10: elapsedMs must be whole ms under 24 hours');
    const tooMany = PassingRows.safeParse([...rows, ['1', 0, 1, 0]]);
    expect(tooMany.success ? '' : tooMany.error.issues[0]!.message).toBe(`at most ${MAX_PASSINGS} passings per race`);
  });
});
