import { describe, expect, it } from 'vitest';
import type { RundownItem } from '../protocol/rundownItem';
import { emptyShow } from '../state/showState';
import { groupRundown, layersOnAir, moveCue, onAirDiffers } from './rundownOrder';

const item = (id: string, group: string, name = id): RundownItem => ({ id, revision: 1, group, graphic: { kind: 'nameCard', props: { name, role: '' } } });
const rundown = [item('a', 'Commentators'), item('m1', 'Elite men'), item('b', 'Commentators'), item('m2', 'Elite men')];

describe('rundown order', () => {
  it('lists groups in order of first appearance', () => {
    expect(groupRundown(rundown).map((g) => [g.group, g.items.map((i) => i.id)])).toEqual([
      ['Commentators', ['a', 'b']],
      ['Elite men', ['m1', 'm2']],
    ]);
  });

  it('moves the cue through the listed order and stops at the ends', () => {
    expect(moveCue(rundown, 'b', 'next')).toBe('m1');
    expect(moveCue(rundown, 'a', 'previous')).toBe('a');
    expect(moveCue(rundown, 'm2', 'next')).toBe('m2');
    expect(moveCue(rundown, null, 'next')).toBe('a');
    expect(moveCue(rundown, 'a', 'last')).toBe('m2');
    expect(moveCue([], null, 'next')).toBeNull();
  });

  it('finds where an item is on air, and whether it was edited since', () => {
    const show = { ...emptyShow(), rundown, onAir: { lowerThird: { id: 'g1', layer: 'lowerThird' as const, graphic: item('a', 'x').graphic, takenAt: 0, updatedAt: 0, itemId: 'a' } } };
    expect(layersOnAir(show, 'a')).toEqual(['lowerThird']);
    expect(layersOnAir(show, 'b')).toEqual([]);
    expect(onAirDiffers(show, rundown[0]!)).toBe(false);
    expect(onAirDiffers(show, item('a', 'Commentators', 'changed'))).toBe(true);
  });
});
