import { describe, expect, it } from 'vitest';
import type { Race } from '../../protocol/race';
import { athletePassingLines } from './athletePassings';

const race = {
  id: 'elite-men',
  name: 'ELITE MEN',
  timingPoints: [{ metres: 10_000, label: '10K' }, { metres: 21_097.5, label: 'HALFWAY' }, { metres: 42_195, label: 'FINISH' }],
  passingSources: ['rr-live', 'operator'],
  passings: [
    ['1', 0, 1_717_000, 0],
    ['2', 0, 1_718_000, 0],
    ['1', 2, 7_385_000, 1],
  ],
} as unknown as Race;

describe('athletePassingLines', () => {
  it("should list an athlete's passings in course order with their time and feed, and none for an athlete without", () => {
    expect(athletePassingLines(race, '1')).toEqual([
      { metres: 10_000, label: '10K', time: '28:37', source: 'rr-live' },
      { metres: 42_195, label: 'FINISH', time: '2:03:05', source: 'operator' },
    ]);
    expect(athletePassingLines(race, '3')).toEqual([]);
  });
});
