import { describe, expect, it } from 'vitest';
import { HALF_MARATHON_M, MARATHON_M } from './distance';
import { compareToRecord, describeRecordDelta, projectFinish } from './projectFinish';

const hms = (h: number, m: number, s: number) => ((h * 60 + m) * 60 + s) * 1000;
const WORLD_RECORD_2016 = hms(2, 2, 57);

describe('projectFinish', () => {
  it('projects the London 2016 men’s halfway of 1:01:24 to exactly 2:02:48', () => {
    expect(projectFinish(hms(1, 1, 24), HALF_MARATHON_M, MARATHON_M)).toBe(hms(2, 2, 48));
  });

  it('projects the London 2016 men’s 10K of 28:37 to 2:00:45 (7244.88 s rounded)', () => {
    expect(projectFinish(hms(0, 28, 37), 10_000, MARATHON_M)).toBe(hms(2, 0, 45));
  });

  it('projects from the split as shown, so one split on screen gives one projection: 1:01:24.4 and 1:01:24.9 are both 2:02:48', () => {
    expect(projectFinish(hms(1, 1, 24) + 400, HALF_MARATHON_M, MARATHON_M)).toBe(hms(2, 2, 48));
    expect(projectFinish(hms(1, 1, 24) + 900, HALF_MARATHON_M, MARATHON_M)).toBe(hms(2, 2, 48));
  });

  it('refuses to project from the start line', () => {
    expect(() => projectFinish(0, 0, MARATHON_M)).toThrow(/split distance greater than zero/);
  });
});

describe('compareToRecord', () => {
  it('shows 2:02:48 against the 2:02:57 world record as 9 S UNDER', () => {
    expect(compareToRecord(hms(2, 2, 48), WORLD_RECORD_2016)).toEqual({
      deltaMs: -9000,
      direction: 'under',
      text: '9 S UNDER',
      sentence: '9 s under world-record pace',
    });
  });

  it('shows a minute or more as m:ss', () => {
    expect(compareToRecord(hms(2, 4, 2), WORLD_RECORD_2016)).toMatchObject({
      deltaMs: 65_000,
      direction: 'over',
      text: '1:05 OVER',
      sentence: '1:05 over world-record pace',
    });
  });

  it('should show an hour or more as h:mm:ss, never as 238:31', () => {
    expect(compareToRecord(WORLD_RECORD_2016 + hms(3, 58, 31), WORLD_RECORD_2016)).toMatchObject({ text: '3:58:31 OVER', sentence: '3:58:31 over world-record pace' });
    expect(compareToRecord(WORLD_RECORD_2016 + hms(1, 0, 5), WORLD_RECORD_2016).text).toBe('1:00:05 OVER');
    expect(compareToRecord(WORLD_RECORD_2016 + hms(0, 59, 59), WORLD_RECORD_2016).text).toBe('59:59 OVER');
  });

  it('compares the times as shown: 2:03:05.5 is shown 2:03:05, 8 S OVER the 2:02:57 record, not 9', () => {
    expect(compareToRecord(hms(2, 3, 5) + 500, WORLD_RECORD_2016)).toMatchObject({ deltaMs: 8000, text: '8 S OVER' });
  });

  it('compares the times as shown: 2:02:50.5 is shown 2:02:50, 7 S UNDER the 2:02:57 record, not 6', () => {
    expect(compareToRecord(hms(2, 2, 50) + 500, WORLD_RECORD_2016)).toMatchObject({ deltaMs: -7000, text: '7 S UNDER' });
  });

  it('takes a record with tenths as it is shown: 2:02:48 is 9 S UNDER a record of 2:02:57.9', () => {
    expect(compareToRecord(hms(2, 2, 48), WORLD_RECORD_2016 + 900).text).toBe('9 S UNDER');
  });

  it('calls it LEVEL when the time is shown as the record', () => {
    expect(compareToRecord(WORLD_RECORD_2016 + 900, WORLD_RECORD_2016).text).toBe('LEVEL');
    expect(compareToRecord(WORLD_RECORD_2016 + 400, WORLD_RECORD_2016)).toEqual({
      deltaMs: 0,
      direction: 'level',
      text: 'LEVEL',
      sentence: 'level with world-record pace',
    });
  });

  it('rounds a difference to the nearest second when the screen shows only one side of it: 1:23.38 is 1:23 OVER', () => {
    expect(describeRecordDelta(83_380)).toMatchObject({ deltaMs: 83_000, direction: 'over', text: '1:23 OVER' });
    expect(describeRecordDelta(-9_155.7)).toMatchObject({ deltaMs: -9000, text: '9 S UNDER' });
    expect(describeRecordDelta(-400)).toMatchObject({ deltaMs: 0, direction: 'level', text: 'LEVEL' });
  });

  it('uses the record label given for the sentence', () => {
    expect(compareToRecord(hms(2, 2, 48), WORLD_RECORD_2016, 'course-record').sentence).toBe(
      '9 s under course-record pace',
    );
  });
});
