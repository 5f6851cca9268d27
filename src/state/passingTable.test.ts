import { describe, expect, it } from 'vitest';
import type { Passing } from '../protocol/passing';
import type { Race } from '../protocol/race';
import { feedSplits, mergePassings } from './passingTable';

const GUN = Date.parse('2016-04-24T10:00:00+01:00');
const NOW = GUN + 3 * 3_600_000;
const wheelchair: Race = {
  id: 'wheelchair-men',
  name: 'WHEELCHAIR MEN',
  kind: 'wheelchair-men',
  distanceM: 42_195,
  gunTime: GUN,
  finishedAt: null,
  record: null,
  splits: [],
  entrants: [{ bib: '13', name: 'Runner Thirteen' }],
  timingPoints: [
    { metres: 5000, label: '5K' },
    { metres: 10_000, label: '10K' },
    { metres: 21_097.5, label: 'HALFWAY' },
  ],
};
const pass = (metres: number, elapsedMs: number): Passing => ({ bib: '13', metres, elapsedMs, source: 'rr-live' });

function merge(race: Race, ...batch: Passing[]): Race {
  const merged = mergePassings(race, batch, NOW);
  if (typeof merged === 'string') throw new Error(merged);
  return merged.race;
}
const stored = (race: Race) => (race.passings ?? []).map(([, point, ms]) => [race.timingPoints![point]!.label, ms]);
const heldReasons = (race: Race) => (race.held ?? []).map((h) => h.reason);

describe('mergePassings', () => {
  it('should hold a passing not earlier than the athlete’s next point, in a later batch or the same one', () => {
    const later = merge(merge(wheelchair, pass(10_000, 1_300_000)), pass(5000, 1_350_000));
    expect(stored(later)).toEqual([['10K', 1_300_000]]);
    expect(heldReasons(later)).toEqual(["Runner Thirteen (13): 22:30 at 5K is not earlier than the same athlete's 21:40 at 10K"]);
    const together = merge(wheelchair, pass(10_000, 1_300_000), pass(5000, 1_350_000));
    expect(stored(together)).toEqual(stored(later));
    expect(heldReasons(together)).toEqual(heldReasons(later));
  });

  it('should hold a passing arriving after the next point with an impossible pace to it', () => {
    const race = merge(merge(wheelchair, pass(21_097.5, 2_110_000)), pass(10_000, 1_900_000));
    expect(stored(race)).toEqual([['HALFWAY', 2_110_000]]);
    expect(heldReasons(race)).toEqual(['Runner Thirteen (13): 31:40 at 10K means 0:19/km from there to HALFWAY (35:10), faster than anyone can race']);
  });

  it('should hold a correction that no longer fits before the next point, keeping the time it corrects', () => {
    const race = merge(merge(wheelchair, pass(5000, 680_000), pass(10_000, 1_190_000)), pass(5000, 1_185_000));
    expect(stored(race)).toEqual([
      ['5K', 680_000],
      ['10K', 1_190_000],
    ]);
    expect(heldReasons(race)).toEqual(['Runner Thirteen (13): 19:45 at 5K means 0:01/km from there to 10K (19:50), faster than anyone can race']);
  });

  it('should take a passing out of order that fits between both neighbours', () => {
    const race = merge(merge(wheelchair, pass(5000, 680_000), pass(21_097.5, 2_900_000)), pass(10_000, 1_400_000));
    expect(stored(race)).toEqual([
      ['5K', 680_000],
      ['10K', 1_400_000],
      ['HALFWAY', 2_900_000],
    ]);
    expect(race.held).toEqual([]);
  });
});

describe('feedSplits', () => {
  it("names as the leading group only athletes the standings group with the leader: within 3 s of the one in front and 10 s of the first", () => {
    // Eight athletes 2 s apart at 5K: each within 3 s of the one in front, but the chain spans 14 s.
    const entrants = Array.from({ length: 8 }, (_, i) => ({ bib: String(i + 1), name: `Runner ${i + 1}` }));
    const race: Race = { ...wheelchair, entrants, passings: entrants.map((e, i) => [e.bib, 0, 900_000 + i * 2000, 0] as [string, number, number, number]) };
    expect(feedSplits(race)[0]!.leaders, 'surnames, the first six: 0 to 10 s behind the first').toEqual(['1', '2', '3', '4', '5', '6']);
  });
});
