import { describe, expect, it } from 'vitest';
import { emptyShow } from '../../state/showState';
import type { Race } from '../../protocol/race';
import { resolveSplitBanner } from './splitBannerModel';

const men: Race = {
  id: 'elite-men',
  name: 'ELITE MEN',
  kind: 'elite-men',
  distanceM: 42195,
  gunTime: 0,
  finishedAt: null,
  record: null,
  splits: [{ metres: 21097.5, label: 'HALFWAY', elapsedMs: 3_684_000, leaders: ['Kipchoge'] }],
};
const banner = (race: Race) => resolveSplitBanner({ raceId: 'elite-men', metres: 21097.5 }, { ...emptyShow(), races: [race] });

describe('the split banner’s pace', () => {
  it('is the average pace from the gun to the split, per km or per mile as the race is set', () => {
    expect(banner({ ...men, paceUnit: 'km' })).toEqual({ raceName: 'ELITE MEN', label: 'HALFWAY', time: '1:01:24', leaders: 'Kipchoge', pace: '2:55/km' });
    expect(banner({ ...men, paceUnit: 'mi' }).pace).toBe('4:41/mi');
  });

  it('is worked out from the time as shown: 5K in 14:27.6 reads 14:27, 2:53/km (the unrounded time gives 2:54)', () => {
    const fiveK = { ...men, paceUnit: 'km' as const, splits: [{ metres: 5000, label: '5K', elapsedMs: 867_600, leaders: [] }] };
    const shown = resolveSplitBanner({ raceId: 'elite-men', metres: 5000 }, { ...emptyShow(), races: [fiveK] });
    expect(shown.time).toBe('14:27');
    expect(shown.pace).toBe('2:53/km');
  });

  it('is left out when the race shows no pace', () => {
    expect(banner(men).pace).toBe('');
  });
});
