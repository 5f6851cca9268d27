import { describe, expect, it } from 'vitest';
import { describeInstant, readGunTime } from './gunTimeText';

const local = (y: number, mo: number, d: number, h: number, mi: number, s = 0, ms = 0) => new Date(y, mo - 1, d, h, mi, s, ms).getTime();

describe('readGunTime', () => {
  const now = local(2026, 5, 1, 8, 30);

  it('puts a time of day on the day of the race’s current gun, so a correction keeps its day', () => {
    const current = local(2016, 4, 24, 10, 0);
    expect(readGunTime('10:00:02', { currentGun: current, now })).toEqual({
      ok: true,
      value: { ms: local(2016, 4, 24, 10, 0, 2), reading: `gun at ${describeInstant(local(2016, 4, 24, 10, 0, 2))} (the day of its current gun)` },
    });
    expect(readGunTime('9:15', { currentGun: current, now })).toMatchObject({ ok: true, value: { ms: local(2016, 4, 24, 9, 15) } });
    expect(readGunTime('10:00:00.4', { currentGun: current, now })).toMatchObject({ ok: true, value: { ms: local(2016, 4, 24, 10, 0, 0, 400) } });
  });

  it('puts a time of day on today when the race has no gun yet', () => {
    expect(readGunTime('10:00:00', { currentGun: null, now })).toMatchObject({ ok: true, value: { ms: local(2026, 5, 1, 10, 0), reading: expect.stringMatching(/\(today\)$/) } });
  });

  it('takes a full ISO date-time with its offset as it is', () => {
    expect(readGunTime('2016-04-24T10:00:00+01:00', { currentGun: null, now })).toMatchObject({ ok: true, value: { ms: Date.UTC(2016, 3, 24, 9, 0) } });
    expect(readGunTime('2016-04-24T09:00:00Z', { currentGun: null, now })).toMatchObject({ ok: true, value: { ms: Date.UTC(2016, 3, 24, 9, 0) } });
  });

  it('says what is wrong with a time that is not one', () => {
    const read = (text: string) => readGunTime(text, { currentGun: null, now });
    expect(read('')).toEqual({ ok: false, error: 'Enter the time of day of the gun, like 10:00:00, or a date-time like 2016-04-24T10:00:00+01:00.' });
    expect(read('25:00')).toEqual({ ok: false, error: '"25:00": hours must be 0–23 (a time of day, 24-hour clock).' });
    expect(read('10:61:00')).toEqual({ ok: false, error: '"10:61:00": minutes must be 0–59.' });
    expect(read('10:00:75')).toEqual({ ok: false, error: '"10:00:75": seconds must be 0–59.' });
    expect(read('ten o’clock')).toEqual({ ok: false, error: '"ten o’clock" is not a time of day. Use 10:00:00 (24-hour clock, local time) or a date-time like 2016-04-24T10:00:00+01:00.' });
  });
});

describe('describeInstant', () => {
  it('names the time, the day and the zone in English', () => {
    expect(describeInstant(local(2016, 4, 24, 10, 0, 0))).toMatch(/^10:00:00 on Sun 24 Apr 2016, local time \(UTC[+−]\d\d:\d\d\)$/);
  });
});
