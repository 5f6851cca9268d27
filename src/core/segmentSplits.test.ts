import { describe, expect, it } from 'vitest';
import { HALF_MARATHON_M, MARATHON_M, METRES_PER_MILE } from './distance';
import { isSegmentPoint, segmentSplits } from './segmentSplits';

const WORLD_RECORD_MS = 7_377_000; // 2:02:57
const ms = (m: number, s: number) => (m * 60 + s) * 1000;
const points = [
  { metres: 5000, label: '5K' },
  { metres: 10_000, label: '10K' },
  { metres: 15_000, label: '15K' },
  { metres: 20_000, label: '20K' },
  { metres: HALF_MARATHON_M, label: 'HALFWAY' },
  { metres: 15 * METRES_PER_MILE, label: '15 MILES' },
  { metres: 25_000, label: '25K' },
  { metres: 40_000, label: '40K' },
  { metres: MARATHON_M, label: 'FINISH' },
];

describe('segmentSplits', () => {
  it('takes splits at every 5 km and the finish, never at halfway or a mile point', () => {
    expect(points.filter((p) => isSegmentPoint(p.metres, MARATHON_M)).map((p) => p.label)).toEqual(['5K', '10K', '15K', '20K', '25K', '40K', 'FINISH']);
    expect(isSegmentPoint(5000.4, MARATHON_M)).toBe(true);
    expect(isSegmentPoint(2500, MARATHON_M)).toBe(false);
    // In a 10 km race the 10 km point is the finish.
    expect(isSegmentPoint(10_000, 10_000)).toBe(true);
  });

  it('gives each segment its split, pace per km and per mile, and the time against the record at an even pace', () => {
    const rows = segmentSplits(points, new Map([[0, ms(14, 25)], [1, ms(28, 52)]]), MARATHON_M, WORLD_RECORD_MS);
    expect(rows.map((r) => [r.label, r.elapsedMs, r.fromMetres, r.splitMs, r.msPerKm, r.spansMissing])).toEqual([
      ['5K', ms(14, 25), 0, ms(14, 25), 173_000, false],
      ['10K', ms(28, 52), 5000, ms(14, 27), 173_400, false],
    ]);
    // A mile is 1609.344 m: 14:25 for 5 km is 278.417 s per mile.
    expect(rows[0]!.msPerMile).toBeCloseTo((ms(14, 25) * METRES_PER_MILE) / 5000, 6);
    expect(rows[0]!.msPerMile).toBeCloseTo(278_416.512, 3);
    // The record's even pace reaches 5 km in 14:34.16 and 10 km in 29:08.31: 9.16 s and 16.31 s ahead of it.
    expect(rows[0]!.vsRecordMs).toBeCloseTo(-9155.706, 2);
    expect(rows[1]!.vsRecordMs).toBeCloseTo(-16_311.411, 2);
  });

  it('gives the split between the times as shown, with its pace: 14:33.6 to 29:10.2 is 14:33 to 29:10, 14:37 at 2:55.4 per km', () => {
    const rows = segmentSplits(points, new Map([[0, ms(14, 33) + 600], [1, ms(29, 10) + 200]]), MARATHON_M, null);
    expect(rows.map((r) => [r.splitMs, r.msPerKm])).toEqual([
      [ms(14, 33), 174_600],
      [ms(14, 37), 175_400],
    ]);
  });

  it('measures against the record from the time as shown: 14:25.9 at 5K is 14:25, 9.16 s ahead of the record’s 14:34.16', () => {
    const [fiveK] = segmentSplits(points, new Map([[0, ms(14, 25) + 900]]), MARATHON_M, WORLD_RECORD_MS + 900);
    expect(fiveK!.vsRecordMs).toBeCloseTo(-9155.706, 2);
  });

  it('shows a point with no chip read as a gap, and the next split over both segments at its true pace', () => {
    const rows = segmentSplits(points, new Map([[0, ms(14, 25)], [1, ms(28, 52)], [3, ms(59, 40)]]), MARATHON_M, WORLD_RECORD_MS);
    expect(rows.map((r) => r.label)).toEqual(['5K', '10K', '15K', '20K']);
    expect(rows[2]).toEqual({ point: 2, label: '15K', metres: 15_000, elapsedMs: null, fromMetres: null, splitMs: null, msPerKm: null, msPerMile: null, spansMissing: false, vsRecordMs: null });
    expect(rows[3]).toMatchObject({ fromMetres: 10_000, splitMs: ms(30, 48), msPerKm: 184_800, spansMissing: true });
    expect(rows[3]!.msPerMile).toBeCloseTo(297_406.771, 3);
  });

  it('shows nothing before the first time and nothing past the furthest point with one; the finish segment is its own length', () => {
    expect(segmentSplits(points, new Map(), MARATHON_M, WORLD_RECORD_MS)).toEqual([]);
    // A time at halfway only (not a segment point) gives no segment yet.
    expect(segmentSplits(points, new Map([[4, ms(61, 24)]]), MARATHON_M, WORLD_RECORD_MS)).toEqual([]);
    const finish = segmentSplits(points, new Map([[7, ms(116, 0)], [8, ms(122, 20)]]), MARATHON_M, WORLD_RECORD_MS);
    expect(finish.map((r) => r.label)).toEqual(['5K', '10K', '15K', '20K', '25K', '40K', 'FINISH']);
    expect(finish.at(-1)).toMatchObject({ fromMetres: 40_000, splitMs: ms(6, 20), spansMissing: false, vsRecordMs: -37_000 });
    expect(finish.at(-1)!.msPerKm).toBeCloseTo(ms(6, 20) / 2.195, 6);
  });

  it('gives no comparison without a record', () => {
    expect(segmentSplits(points, new Map([[0, ms(14, 25)]]), MARATHON_M, null)[0]!.vsRecordMs).toBeNull();
  });

  it('gives no split or pace where a time is not after the one before (a correction still to come), and never throws', () => {
    const rows = segmentSplits(points, new Map([[0, ms(14, 25)], [1, ms(14, 20)]]), MARATHON_M, WORLD_RECORD_MS);
    expect(rows[1]).toMatchObject({ elapsedMs: ms(14, 20), splitMs: null, msPerKm: null, msPerMile: null });
  });
});
