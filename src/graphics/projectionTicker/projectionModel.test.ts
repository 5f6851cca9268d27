import { describe, expect, it } from 'vitest';
import { MARATHON_M } from '../../core';
import { emptyShow } from '../../state/showState';
import { eliteMen, eliteWomen, MEN_10K, MEN_HALFWAY } from '../sampleRaces';
import { placeTickerItems, resolveProjection } from './projectionModel';

const show = (races: ReturnType<typeof eliteMen>[]) => ({ ...emptyShow(), races });

describe('resolveProjection', () => {
  it('projects the men’s halfway of 1:01:24 to 2:02:48, 9 S UNDER the 2:02:57 world record', () => {
    expect(resolveProjection({ raceId: 'elite-men' }, show([eliteMen([MEN_10K, MEN_HALFWAY])]))).toEqual({
      raceName: 'ELITE MEN',
      split: { caption: 'HALFWAY', value: '1:01:24' },
      projected: { caption: 'PROJECTED', value: '2:02:48' },
      record: { caption: 'WORLD RECORD', value: '2:02:57' },
      delta: { text: '9 S UNDER', direction: 'under' },
    });
  });

  it('projects from the latest split only', () => {
    const model = resolveProjection({ raceId: 'elite-men' }, show([eliteMen([MEN_10K])]));
    expect(model.projected).toEqual({ caption: 'PROJECTED', value: '2:00:45' });
    expect(model.delta).toEqual({ text: '2:12 UNDER', direction: 'under' });
  });

  it('shows the women’s 15 miles in 1:21:30 as 2:22:27 projected, 7:02 OVER Radcliffe’s 2:15:25', () => {
    const model = resolveProjection({ raceId: 'elite-women' }, show([eliteWomen()]));
    expect(model.projected?.value).toBe('2:22:27');
    expect(model.delta).toEqual({ text: '7:02 OVER', direction: 'over' });
  });

  it('compares the result itself at the finish, with no projection', () => {
    const finish = { metres: MARATHON_M, label: 'FINISH', elapsedMs: 7_385_000, leaders: ['Kipchoge'] };
    const model = resolveProjection({ raceId: 'elite-men' }, show([eliteMen([MEN_10K, MEN_HALFWAY, finish])]));
    expect(model.split).toEqual({ caption: 'FINISH', value: '2:03:05' });
    expect(model.projected).toBeNull();
    expect(model.delta).toEqual({ text: '8 S OVER', direction: 'over' });
  });

  it('compares the result as shown: a finish of 2:03:05.5 reads FINISH 2:03:05 · 8 S OVER the 2:02:57 record', () => {
    const finish = { metres: MARATHON_M, label: 'FINISH', elapsedMs: 7_385_500, leaders: ['Kipchoge'] };
    const model = resolveProjection({ raceId: 'elite-men' }, show([eliteMen([MEN_10K, MEN_HALFWAY, finish])]));
    expect(model.split).toEqual({ caption: 'FINISH', value: '2:03:05' });
    expect(model.delta).toEqual({ text: '8 S OVER', direction: 'over' });
  });

  it('gives one projection for one split shown: halfway in 1:01:24.4 or 1:01:24.9 is 2:02:48, 9 S UNDER', () => {
    for (const elapsedMs of [3_684_400, 3_684_900]) {
      const model = resolveProjection({ raceId: 'elite-men' }, show([eliteMen([MEN_10K, { ...MEN_HALFWAY, elapsedMs }])]));
      expect([model.split?.value, model.projected?.value, model.delta?.text]).toEqual(['1:01:24', '2:02:48', '9 S UNDER']);
    }
  });

  it('leaves the record and difference out when the race has no record', () => {
    const model = resolveProjection({ raceId: 'elite-men' }, show([{ ...eliteMen(), record: null }]));
    expect(model.record).toBeNull();
    expect(model.delta).toBeNull();
    expect(model.projected?.value).toBe('2:02:48');
  });
});

describe('placeTickerItems', () => {
  const slots = { split: 300, projected: 330, record: 360, delta: 200 };
  const withSplit = (race: ReturnType<typeof eliteMen>) => resolveProjection({ raceId: race.id }, show([race]));

  it('puts a separator between shown items only: none after the projection of a race with no record', () => {
    const noRecord = withSplit({ ...eliteMen([MEN_10K]), record: null });
    expect(placeTickerItems(noRecord, slots)).toEqual({ x: { split: 0, projected: 300, record: null, delta: null }, separators: ['projected'], width: 630 });
  });

  it('closes up the missing projection at the finish: the record follows the result', () => {
    const finished = withSplit(eliteMen([MEN_10K, MEN_HALFWAY, { metres: MARATHON_M, label: 'FINISH', elapsedMs: 7_385_000, leaders: ['Kipchoge'] }]));
    expect(finished.projected).toBeNull();
    expect(placeTickerItems(finished, slots)).toEqual({ x: { split: 0, projected: null, record: 300, delta: 660 }, separators: ['record', 'delta'], width: 860 });
  });

  it('keeps every slot of a full ticker where the template puts it', () => {
    expect(placeTickerItems(withSplit(eliteMen([MEN_10K])), slots)).toEqual({ x: { split: 0, projected: 300, record: 630, delta: 990 }, separators: ['projected', 'record', 'delta'], width: 1190 });
  });
});
