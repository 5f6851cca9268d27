import { describe, expect, it } from 'vitest';
import { emptyShow } from '../../state/showState';
import { gapSamples } from './samples';
import { resolveGap } from './gapModel';

const [sample] = gapSamples;

describe('resolveGap', () => {
  it('sets the leading group against the chasers at the furthest point, and says whether the gap grew', () => {
    expect(resolveGap({ raceId: 'elite-men' }, { ...emptyShow('Test'), ...sample!.show })).toEqual({
      raceName: 'ŁÓDŹ · МАРАФОН',
      point: '10K',
      leaders: 'Kipchoge · Biwott · Bekele',
      chasers: 'Κώστας Γκελαούζος',
      gap: '+0:15',
      trend: null,
    });
    expect(resolveGap({ raceId: 'elite-men' }, { ...emptyShow('Test'), ...sample!.updateShow })).toMatchObject({
      point: 'HALFWAY',
      leaders: 'Bekele · Kipchoge',
      chasers: 'Biwott',
      gap: '+0:07',
      trend: 'shrinking',
    });
  });
});
