import { describe, expect, it } from 'vitest';
import { Command } from '../command';
import { describeIssues } from '../describeIssues';

function problem(input: unknown): string {
  const result = Command.safeParse(input);
  if (result.success) throw new Error('expected the command to be refused');
  return describeIssues(result.error);
}

describe('race commands', () => {
  it('are listed among the command types an unknown type is told about', () => {
    expect(problem({ type: 'startClock', raceId: 'elite-men' })).toContain("'startRace' | 'setGunTime' | 'finishRace' | 'resetRace' | 'addSplit'");
  });

  it('default a new race to a marathon and a new split to no leaders', () => {
    expect(Command.parse({ type: 'addRace', raceId: 'mass', name: 'MASS RACE', kind: 'mass' })).toMatchObject({ distanceM: 42195 });
    expect(Command.parse({ type: 'addSplit', raceId: 'elite-men', metres: 10000, elapsedMs: 1717000 })).toMatchObject({ leaders: [] });
  });

  it('take a gun time as epoch ms or as an ISO date-time with its offset', () => {
    expect(Command.parse({ type: 'setGunTime', raceId: 'elite-men', gunTime: '2016-04-24T10:00:00+01:00' })).toEqual({
      type: 'setGunTime',
      raceId: 'elite-men',
      gunTime: 1_461_488_400_000,
    });
    expect(problem({ type: 'setGunTime', raceId: 'elite-men', gunTime: '10:00' })).toBe(
      'gunTime: must be ms since the epoch, or a date-time with its offset like 2016-04-24T10:00:00+01:00',
    );
  });

  it("refuse a gun or finish time in seconds or microseconds (a timing system's epoch seconds would put 1970 on the clock)", () => {
    expect(problem({ type: 'setGunTime', raceId: 'elite-men', gunTime: 1_461_488_400 })).toBe(
      'gunTime: is 1970-01-17T21:58:08.400Z: must be a time between 2000 and 2100, in ms since the epoch (1461488400000 is 2016-04-24T09:00:00Z; a time in seconds reads as 1970) or a date-time like 2016-04-24T10:00:00+01:00',
    );
    expect(problem({ type: 'finishRace', raceId: 'elite-men', at: 1_461_496_000_000_000 })).toMatch(/^at: is \+048282-12-18T23:06:40Z: must be a time between 2000 and 2100.*a time in µs reads far in the future/);
    expect(problem({ type: 'setGunTime', raceId: 'elite-men', gunTime: '1970-01-17T21:58:08Z' })).toMatch(/^gunTime: is 1970-01-17T21:58:08Z: must be a time between 2000 and 2100/);
  });

  it('keep times and distances typed as text for the hub to read against the race', () => {
    expect(Command.parse({ type: 'addSplit', raceId: 'elite-men', metres: ' HALFWAY ', elapsedMs: '1:01:24' })).toMatchObject({
      metres: 'HALFWAY',
      elapsedMs: '1:01:24',
    });
  });

  it('refuse a race id that is not a slug, naming the rule', () => {
    expect(problem({ type: 'startRace', raceId: 'Elite Men' })).toBe(
      'raceId: must be a slug like elite-men (lower-case letters, digits and single hyphens)',
    );
  });

  it('refuse a finish given both as a hub time and as a time from the gun', () => {
    expect(problem({ type: 'finishRace', raceId: 'elite-men', at: 1_461_496_000_000, elapsedMs: 2 })).toBe(
      'give the finish as at (a hub time) or elapsedMs (time from the gun), not both',
    );
  });

  it('refuse negative and day-long elapsed times', () => {
    expect(problem({ type: 'addSplit', raceId: 'elite-men', metres: 10000, elapsedMs: -1 })).toBe('elapsedMs: Too small: expected number to be >=0');
    expect(problem({ type: 'addSplit', raceId: 'elite-men', metres: 10000, elapsedMs: 86_400_001 })).toBe('elapsedMs: Too big: expected number to be <=86400000');
    expect(problem({ type: 'addSplit', raceId: 'elite-men', metres: true, elapsedMs: 1 })).toBe('metres: must be metres, or a distance as text like 10K, 15 mi or HALFWAY');
  });

  it('refuse race graphics naming no race, too many or the same twice', () => {
    const clock = (raceIds: string[]) => ({ type: 'take', graphic: { kind: 'raceClock', props: { raceIds } } });
    expect(problem(clock([]))).toBe('graphic.props.raceIds: name at least one race');
    expect(problem(clock(['a', 'b', 'c', 'd']))).toBe('graphic.props.raceIds: show at most three races at once');
    expect(problem(clock(['a', 'a']))).toBe('graphic.props.raceIds: name each race once');
  });
});
