import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Command } from '../../protocol/command';
import { applyCommand } from '../../state/applyCommand';
import { emptyShow, type ShowState } from '../../state/showState';
import { clockText, resolveRaceClock, type ClockRow } from './raceClockModel';

const hms = (h: number, m: number, s: number) => ((h * 60 + m) * 60 + s) * 1000;
const GUN = Date.parse('2016-04-24T10:00:00+01:00');
const running: ClockRow = { id: 'elite-men', name: 'ELITE MEN', gunTime: GUN, finishedAt: null };

/** Parses h:mm:ss / m:ss (with a leading minus) back to whole seconds. */
function seconds(text: string): number {
  const sign = text.startsWith('-') ? -1 : 1;
  return sign * text.replace('-', '').split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

describe('clockText', () => {
  it('shows m:ss under an hour and h:mm:ss from the hour', () => {
    expect(clockText(running, GUN + hms(0, 28, 37) + 999)).toBe('28:37');
    expect(clockText(running, GUN + hms(1, 1, 24))).toBe('1:01:24');
  });

  it('shows 0:00 before the gun is set, and counts down to a gun set in the future', () => {
    expect(clockText({ ...running, gunTime: null }, GUN)).toBe('0:00');
    expect(clockText(running, GUN - 5000)).toBe('-0:05');
    expect(clockText(running, GUN - 1)).toBe('-0:01');
    expect(clockText(running, GUN)).toBe('0:00');
  });

  it('still reads an official finish of 2:03:05.5 as 2:03:05 after the gun is corrected by 2 s', () => {
    let show: ShowState = emptyShow('London');
    for (const input of [
      { type: 'addRace', raceId: 'elite-men', name: 'ELITE MEN', kind: 'elite-men' },
      { type: 'setGunTime', raceId: 'elite-men', gunTime: '2016-04-24T10:00:00+01:00' },
      { type: 'finishRace', raceId: 'elite-men', elapsedMs: 7_385_500 },
      { type: 'setGunTime', raceId: 'elite-men', gunTime: '2016-04-24T10:00:02+01:00' },
    ]) {
      const result = applyCommand(show, Command.parse(input), { now: GUN + hms(2, 5, 0) });
      if (!result.ok) throw new Error(result.error);
      show = result.state;
    }
    const [row] = resolveRaceClock({ raceIds: ['elite-men'] }, show).rows;
    expect(clockText(row!, GUN + hms(2, 5, 0))).toBe('2:03:05');
  });

  it('stands still at the finish', () => {
    const finished = { ...running, finishedAt: GUN + hms(2, 3, 5) };
    expect(clockText(finished, GUN + hms(2, 3, 4) + 999)).toBe('2:03:04');
    expect(clockText(finished, GUN + hms(2, 3, 5))).toBe('2:03:05');
    expect(clockText(finished, GUN + hms(9, 0, 0))).toBe('2:03:05');
  });

  it('never skips or repeats a second for increasing frame times a frame or less apart', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: hms(3, 0, 0) }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 300 }), (start, steps) => {
        let t = GUN + start;
        let shown = seconds(clockText(running, t));
        for (const step of steps) {
          t += step;
          const next = seconds(clockText(running, t));
          expect([shown, shown + 1]).toContain(next);
          shown = next;
        }
      }),
    );
  });
});

describe('resolveRaceClock', () => {
  it('takes the races in the order named, with their gun and finish', () => {
    const show = {
      ...emptyShow(),
      races: [
        { id: 'elite-women', name: 'ELITE WOMEN', kind: 'elite-women' as const, distanceM: 42195, gunTime: GUN - hms(0, 45, 0), finishedAt: null, record: null, splits: [] },
        { id: 'elite-men', name: 'ELITE MEN', kind: 'elite-men' as const, distanceM: 42195, gunTime: GUN, finishedAt: null, record: null, splits: [] },
      ],
    };
    expect(resolveRaceClock({ raceIds: ['elite-men', 'elite-women'] }, show).rows.map((r) => [r.id, r.gunTime])).toEqual([
      ['elite-men', GUN],
      ['elite-women', GUN - hms(0, 45, 0)],
    ]);
  });
});
