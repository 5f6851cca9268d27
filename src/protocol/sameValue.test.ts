import { describe, expect, it } from 'vitest';
import { sameValue, sameValueAs } from './sameValue';

describe('sameValue', () => {
  it('compares what values say, at every depth, whatever the order of their keys', () => {
    expect(sameValue({ kind: 'splitBanner', props: { raceId: 'elite-men', metres: 21097.5 } }, { props: { metres: 21097.5, raceId: 'elite-men' }, kind: 'splitBanner' })).toBe(true);
    expect(sameValue({ props: { raceIds: ['mass', 'elite-men'] } }, { props: { raceIds: ['elite-men', 'mass'] } })).toBe(false);
    expect(sameValue({ kind: 'headline', text: 'A' }, { kind: 'headline', text: 'B' })).toBe(false);
    expect(sameValue({ kind: 'social', tag: '' }, { kind: 'social' })).toBe(false);
  });

  it('sameValueAs tests many values against one the same way', () => {
    const same = sameValueAs({ kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC' } });
    expect(same({ props: { role: 'BBC', name: 'Steve Cram' }, kind: 'nameCard' })).toBe(true);
    expect(same({ kind: 'nameCard', props: { name: 'Steve Cram', role: 'bbc' } })).toBe(false);
    // Keys that sort differently by code unit and by locale (upper case before lower) still match in any order.
    expect(sameValueAs({ b: 1, B: 2, a: 3 })({ a: 3, B: 2, b: 1 })).toBe(true);
  });
});
