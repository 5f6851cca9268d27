import { describe, expect, it } from 'vitest';
import type { RundownItem } from '../protocol/rundownItem';
import { bestMatch, findItems, jumpGroup } from './rundownFind';

const card = (id: string, group: string, name: string, role = ''): RundownItem => ({ id, revision: 0, group, graphic: { kind: 'nameCard', props: { name, role } } });
const rundown: RundownItem[] = [
  card('r1', 'Commentators', 'Steve Cram', 'BBC athletics commentator'),
  card('r2', 'Elite men', 'Eliud Kipchoge', 'Kenya'),
  card('r3', 'Commentators', 'Brendan Foster'),
  card('r4', 'Elite women', 'Jemima Sumgong', 'Kenya'),
  { id: 'r5', revision: 0, group: 'Elite men', graphic: { kind: 'splitBanner' as const, props: { raceId: 'elite-men', metres: 10000 } } },
];

describe('findItems', () => {
  it('finds items by every typed word in their title, kind, group or text, in listed order', () => {
    expect(findItems(rundown, 'kenya')).toEqual(['r2', 'r4']);
    expect(findItems(rundown, 'KENYA women')).toEqual(['r4']);
    expect(findItems(rundown, 'split')).toEqual(['r5']);
    expect(findItems(rundown, 'commentators')).toEqual(['r1', 'r3']);
    expect(findItems(rundown, '  ')).toEqual(['r1', 'r3', 'r2', 'r5', 'r4']);
    expect(findItems(rundown, 'radcliffe')).toEqual([]);
  });
});

describe('jumpGroup', () => {
  it('cues the first item of the next or previous group, staying put at the ends', () => {
    expect(jumpGroup(rundown, 'r1', 1)).toBe('r2');
    expect(jumpGroup(rundown, 'r2', 1)).toBe('r4');
    expect(jumpGroup(rundown, 'r4', 1)).toBe('r4');
    expect(jumpGroup(rundown, 'r4', -1)).toBe('r2');
    expect(jumpGroup(rundown, 'r1', -1)).toBe('r1');
  });

  it('goes back to the start of the cued item’s own group first', () => {
    expect(jumpGroup(rundown, 'r5', -1)).toBe('r2');
    expect(jumpGroup(rundown, 'r3', -1)).toBe('r1');
  });

  it('cues the first item when nothing is cued, and nothing in an empty rundown', () => {
    expect(jumpGroup(rundown, null, 1)).toBe('r1');
    expect(jumpGroup([], null, 1)).toBeNull();
  });
});

describe('bestMatch', () => {
  it('is the first item of the group the query names, else the first match', () => {
    expect(bestMatch(rundown, 'elite MEN')).toBe('r2');
    expect(bestMatch(rundown, 'women')).toBe('r4');
    expect(bestMatch(rundown, 'kenya')).toBe('r2');
    expect(bestMatch(rundown, 'radcliffe')).toBeNull();
  });
});
