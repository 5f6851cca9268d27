import { describe, expect, it } from 'vitest';
import { sameValue } from './sameValue';

describe('sameValue', () => {
  it('compares what values say, at every depth, whatever the order of their keys', () => {
    expect(sameValue({ kind: 'splitBanner', props: { raceId: 'elite-men', metres: 21097.5 } }, { props: { metres: 21097.5, raceId: 'elite-men' }, kind: 'splitBanner' })).toBe(true);
    expect(sameValue({ props: { raceIds: ['mass', 'elite-men'] } }, { props: { raceIds: ['elite-men', 'mass'] } })).toBe(false);
    expect(sameValue({ kind: 'headline', text: 'A' }, { kind: 'headline', text: 'B' })).toBe(false);
    expect(sameValue({ kind: 'social', tag: '' }, { kind: 'social' })).toBe(false);
  });
});
