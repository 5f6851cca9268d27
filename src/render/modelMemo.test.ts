import { describe, expect, it } from 'vitest';
import { resolveLeaderboard } from '../graphics/leaderboard/leaderboardModel';
import { leaderboardSamples } from '../graphics/leaderboard/samples';
import type { LeaderboardProps } from '../protocol/kinds/leaderboard';
import { emptyShow, type OnAirGraphic, type ShowState } from '../state/showState';
import { createModelMemo } from './modelMemo';

const [sample] = leaderboardSamples;
const board: OnAirGraphic = { id: 'g1', layer: 'centre', graphic: { kind: 'leaderboard', props: { raceId: 'elite-men', top: 3, page: 1 } }, takenAt: 0, updatedAt: 0 };
const withBoard = (extra: Partial<ShowState>): ShowState => ({ ...emptyShow('Test'), ...extra, onAir: { centre: board } });

describe('createModelMemo', () => {
  it('resolves a graphic once per snapshot, with the model the full resolve gives', () => {
    let resolved = 0;
    const modelOf = createModelMemo((onAir, show) => {
      resolved++;
      return resolveLeaderboard(onAir.graphic.props as LeaderboardProps, show);
    });
    const show = withBoard(sample!.show!);
    const first = modelOf(board, show);
    expect(modelOf(board, show)).toBe(first);
    expect(resolved).toBe(1);
    expect(first).toEqual(resolveLeaderboard(board.graphic.props as LeaderboardProps, show));
  });

  it('resolves a new snapshot afresh, even one with the same revision, and another graphic on its own', () => {
    let resolved = 0;
    const modelOf = createModelMemo((onAir, show) => {
      resolved++;
      return resolveLeaderboard(onAir.graphic.props as LeaderboardProps, show);
    });
    const before = withBoard(sample!.show!);
    const after = withBoard({ ...sample!.updateShow!, revision: before.revision });
    expect((modelOf(board, before) as { point: string }).point).toBe('10K');
    const updated = modelOf(board, after);
    expect(updated).toEqual(resolveLeaderboard(board.graphic.props as LeaderboardProps, after));
    expect((updated as { point: string }).point).toBe('HALFWAY');
    const page2: OnAirGraphic = { ...board, id: 'g2', graphic: { kind: 'leaderboard', props: { raceId: 'elite-men', top: 3, page: 2 } } };
    expect(modelOf(page2, after)).toEqual(resolveLeaderboard(page2.graphic.props as LeaderboardProps, after));
    expect(resolved).toBe(3);
  });
});
