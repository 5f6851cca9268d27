import { describe, expect, it } from 'vitest';
import { leaderboardSamples } from '../../graphics/leaderboard/samples';
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
});
