import { describe, expect, it } from 'vitest';
import { leaderboardSamples } from '../../graphics/leaderboard/samples';
import { withFeedSplits } from '../../state/passingTable';
import { raceDataModel } from './raceDataModel';

const race = leaderboardSamples[0]!.updateShow!.races![0]!;

describe('raceDataModel', () => {
  it('shows standings at the furthest point with gaps, places gained and groups', () => {
    const model = raceDataModel({ ...race, feedSplits: 'direct' }, 4);
    expect(model.point).toBe('HALFWAY');
    expect(model.standings.map((s) => [s.place, s.name, s.time, s.change, s.group])).toEqual([
      [1, 'Bekele', '1:01:24', '▲1', 1],
      [2, 'Kipchoge', '+0:01', '▼1', 1],
      [3, 'Biwott', '+0:07', '▼1', 2],
      [4, 'Lukas Schär', '+1:16', '▲1', 3],
    ]);
    expect(model.toApprove).toEqual([]);
  });

  it("lists the feed's splits still waiting for approval, and none once approved", () => {
    const waiting = raceDataModel({ ...race, feedSplits: 'approve', splits: [] });
    expect(waiting.toApprove.map((s) => [s.label, s.elapsedMs])).toEqual([
      ['10K', 1_717_000],
      ['HALFWAY', 3_684_000],
    ]);
    const approved = raceDataModel({ ...race, feedSplits: 'approve', splits: waiting.toApprove });
    expect(approved.toApprove).toEqual([]);
  });

  it('says which feed splits a race that takes them directly could not use, and why', () => {
    // A 5K typed at 29:10: the feed's 10K (28:37) is earlier, so the hub leaves it out; its HALFWAY goes in.
    const typed = { metres: 5000, label: '5K', elapsedMs: 1_750_000, leaders: [] };
    const state = withFeedSplits({ ...race, feedSplits: 'direct', splits: [typed] });
    expect(state.splits.map((s) => s.label)).toEqual(['5K', 'HALFWAY']);
    const model = raceDataModel(state);
    expect(model.notUsed.map(({ split, reason }) => [split.label, reason])).toEqual([['10K', '10K at 28:37 is earlier than 5K at 29:10.']]);
    expect(model.toApprove).toEqual([]);
    expect(raceDataModel(withFeedSplits({ ...race, feedSplits: 'direct', splits: [] })).notUsed).toEqual([]);
  });
});
