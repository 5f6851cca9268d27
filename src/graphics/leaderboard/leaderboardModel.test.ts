import { describe, expect, it } from 'vitest';
import { emptyShow } from '../../state/showState';
import { leaderboardSamples } from './samples';
import { resolveLeaderboard } from './leaderboardModel';

const [sample] = leaderboardSamples;
const before = { ...emptyShow('Test'), ...sample!.show };
const after = { ...emptyShow('Test'), ...sample!.updateShow };

describe('resolveLeaderboard', () => {
  it('shows the latest timing point: the leader with a time, the rest with gaps, flags by alpha-2', () => {
    const model = resolveLeaderboard({ raceId: 'elite-men', top: 3, page: 1 }, before);
    expect(model.point).toBe('10K');
    expect(model.rows).toEqual([
      { bib: '1', place: '1', name: 'Kipchoge', country: 'KE', time: '28:37', change: null },
      { bib: '2', place: '2', name: 'Biwott', country: 'KE', time: '+0:01', change: null },
      { bib: '3', place: '2', name: 'Bekele', country: 'ET', time: '+0:01', change: null },
    ]);
  });

  it('gives a gap under a second as the difference of the times shown: 29:10.2 and 29:11.0 read 29:10 and +0:01, never +0:00', () => {
    const close = {
      ...before,
      races: before.races.map((race) => ({
        ...race,
        passings: [
          ['1', 1, 1_750_200, 0],
          ['2', 1, 1_751_000, 0],
        ] as typeof race.passings,
      })),
    };
    expect(resolveLeaderboard({ raceId: 'elite-men', top: 2, page: 1 }, close).rows.map((r) => [r.name, r.time])).toEqual([
      ['Kipchoge', '29:10'],
      ['Biwott', '+0:01'],
    ]);
  });

  it('follows new passings to the next point with places gained and lost, and pages through the rest', () => {
    const model = resolveLeaderboard({ raceId: 'elite-men', top: 3, page: 1 }, after);
    expect(model.point).toBe('HALFWAY');
    expect(model.rows.map((r) => [r.name, r.time, r.change])).toEqual([
      ['Bekele', '1:01:24', 1],
      ['Kipchoge', '+0:01', -1],
      ['Biwott', '+0:07', -1],
    ]);
    expect(resolveLeaderboard({ raceId: 'elite-men', top: 3, page: 2 }, after).rows.map((r) => [r.place, r.name, r.change])).toEqual([
      ['4', 'Lukas Schär', 1],
      ['5', 'Κώστας Γκελαούζος', -1],
      ['6', 'Гонсалес Шварц', 0],
    ]);
  });

  it('shows a chosen timing point, and waits for times before any passing', () => {
    expect(resolveLeaderboard({ raceId: 'elite-men', metres: 10_000, top: 8, page: 1 }, after).rows).toHaveLength(6);
    const empty = { ...before, races: before.races.map((r) => ({ ...r, passings: [] })) };
    expect(resolveLeaderboard({ raceId: 'elite-men', top: 8, page: 1 }, empty)).toEqual({ raceName: 'ELITE MEN', point: '', rows: [], status: 'AWAITING TIMES' });
  });

  it('says AWAITING TIMES in place of rows at a chosen point no one has passed, and on a page past the last athlete there', () => {
    expect(resolveLeaderboard({ raceId: 'elite-men', metres: 21_097.5, top: 8, page: 1 }, before)).toEqual({ raceName: 'ELITE MEN', point: 'HALFWAY', rows: [], status: 'AWAITING TIMES' });
    expect(resolveLeaderboard({ raceId: 'elite-men', top: 2, page: 4 }, before)).toEqual({ raceName: 'ELITE MEN', point: '10K', rows: [], status: 'PLACES 7–8 AWAITING TIMES' });
    expect(resolveLeaderboard({ raceId: 'elite-men', top: 1, page: 9 }, before).status).toBe('PLACE 9 AWAITING TIMES');
    expect(resolveLeaderboard({ raceId: 'elite-men', top: 4, page: 2 }, before)).toMatchObject({ point: '10K', status: null });
    expect(resolveLeaderboard({ raceId: 'elite-men', top: 4, page: 2 }, before).rows).toHaveLength(2);
  });
});
