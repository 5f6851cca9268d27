import { describe, expect, it } from 'vitest';
import type { Race } from '../../protocol/race';
import { projectionText, readFinishTime, readSplitEntry } from './raceEntry';

const hms = (h: number, m: number, s: number) => ((h * 60 + m) * 60 + s) * 1000;
const men: Race = {
  id: 'elite-men',
  name: 'ELITE MEN',
  kind: 'elite-men',
  distanceM: 42195,
  gunTime: 1_461_488_400_000,
  finishedAt: null,
  record: { label: 'WORLD RECORD', holder: 'Dennis Kimetto (Berlin 2014)', ms: hms(2, 2, 57) },
  splits: [{ metres: 10000, label: '10K', elapsedMs: hms(0, 28, 37), leaders: ['Kipchoge'] }],
};
const problems = (read: ReturnType<typeof readSplitEntry>) => (read.ok ? null : read.problems);
const entry = (distance: string, time: string, leaders = '', race: Race = men) => readSplitEntry(race, { distance, time, leaders });

describe('doubting a split that reads but does not fit the race', () => {
  it('should doubt 12850 typed at 25K while the clock reads 1:12: ahead of the clock and a pace elite men do not run', () => {
    const now = men.gunTime! + hms(1, 12, 3);
    const read = readSplitEntry(men, { distance: '25K', time: '12850', leaders: '' }, now);
    expect(read.ok && read.preview.time).toBe('3:34:10');
    expect(read.ok && read.preview.doubts).toEqual([
      "25K at 3:34:10 is later than ELITE MEN's clock, which reads 1:12:03 now.",
      '25K at 3:34:10 is a pace of 8:34/km: elite men reach 25K in 1:08:08 to 1:34:48.',
    ]);
  });

  it('should not doubt a split that fits the clock and the race kind', () => {
    const read = readSplitEntry(men, { distance: '25K', time: '1:12:00', leaders: '' }, men.gunTime! + hms(1, 12, 3));
    expect(read.ok && read.preview.doubts).toEqual([]);
  });
});

describe('reading the split form before anything is sent', () => {
  it('reads 1:01:24 at HALFWAY for the elite men: the reading, the caption and PROJECTED 2:02:48 · 9 S UNDER WORLD RECORD', () => {
    const read = entry('HALFWAY', '1:01:24', 'Kipchoge, Biwott , Bekele');
    expect(read).toEqual({
      ok: true,
      command: { type: 'addSplit', raceId: 'elite-men', metres: 21097.5, elapsedMs: hms(1, 1, 24), leaders: ['Kipchoge', 'Biwott', 'Bekele'] },
      preview: { caption: 'HALFWAY', reading: 'read as 1 h 1 min 24 s', time: '1:01:24', projection: 'PROJECTED 2:02:48 · 9 S UNDER WORLD RECORD', corrects: null, doubts: [] },
    });
  });

  it('reads miles and says which reading of an h:mm.ss caption it chose, from the race kind', () => {
    const women: Race = { ...men, id: 'elite-women', name: 'ELITE WOMEN', kind: 'elite-women', record: { label: 'WORLD RECORD', ms: hms(2, 15, 25) }, splits: [] };
    const read = entry('15 mi', '1:21.30', '', women);
    expect(read.ok && read.preview).toEqual({
      caption: '15 MILES',
      reading: 'read as 1 h 21 min 30 s (h:mm.ss), not 1 min 21.30 s',
      time: '1:21:30',
      projection: 'PROJECTED 2:22:27 · 7:02 OVER WORLD RECORD',
      corrects: null,
      doubts: [],
    });
  });

  it('says at the time field when a time is not a time, and sends nothing', () => {
    const read = entry('HALFWAY', '1:75:00');
    expect(read.ok).toBe(false);
    expect(problems(read)).toEqual({ time: '"1:75:00": minutes must be 0–59 in h:mm:ss.' });
    expect(read.preview).toEqual({ caption: 'HALFWAY', reading: null, time: null, projection: null, corrects: null, doubts: [] });
  });

  it('says at the distance field when the split is beyond the race distance', () => {
    const read = entry('30 mi', '2:30:00');
    expect(problems(read)).toEqual({ distance: '30 miles is beyond the race distance of 42.195 km (26.2 mi).' });
  });

  it('says at the time field when the split is earlier than the one before it', () => {
    const after: Race = { ...men, splits: [...men.splits, { metres: 21097.5, label: 'HALFWAY', elapsedMs: hms(1, 1, 24), leaders: [] }] };
    const read = entry('25K', '1:00:00', '', after);
    expect(problems(read)).toEqual({ time: '25K at 1:00:00 is earlier than HALFWAY at 1:01:24.' });
  });

  it('says at the distance field when the split is not after the latest one', () => {
    const after: Race = { ...men, splits: [...men.splits, { metres: 21097.5, label: 'HALFWAY', elapsedMs: hms(1, 1, 24), leaders: [] }] };
    const read = entry('15K', '45:00', '', after);
    expect(problems(read)).toEqual({ distance: '15K is not after the latest split, HALFWAY: enter splits in course order.' });
  });

  it('says an impossible pace is impossible, at the time field', () => {
    expect(problems(entry('20K', '30:00'))).toEqual({
      time: '20K at 30:00 means 0:08/km since 10K, faster than anyone can race (1:30/km). Check the time and the distance.',
    });
  });

  it('names every empty required field and a race not started yet', () => {
    const read = entry('', '', '', { ...men, gunTime: null, splits: [] });
    expect(problems(read)).toEqual({
      distance: 'Enter a distance, for example 10K, 15 mi, HALFWAY or FINISH.',
      time: 'Enter a time, for example 2:02:48, 28:37 or 1:44.20.',
      form: 'ELITE MEN has not started: start its clock (G) or set its gun time before entering splits.',
    });
  });

  it('corrects a split already entered at that distance, keeping its leaders unless new ones are typed', () => {
    const read = entry('10 km', '28:40');
    expect(read).toMatchObject({ ok: true, command: { type: 'correctSplit', raceId: 'elite-men', metres: 10000, elapsedMs: hms(0, 28, 40) }, preview: { caption: '10K', corrects: men.splits[0] } });
    expect(read.ok && 'leaders' in read.command).toBe(false);
  });

  it('refuses a correction that would put a split after the one that follows it', () => {
    const after: Race = { ...men, splits: [...men.splits, { metres: 21097.5, label: 'HALFWAY', elapsedMs: hms(1, 1, 24), leaders: [] }] };
    expect(problems(entry('10K', '1:02:00', '', after))).toEqual({
      time: 'HALFWAY at 1:01:24 is earlier than 10K at 1:02:00.',
    });
  });

  it('names a leader whose name is too long', () => {
    expect(problems(entry('HALFWAY', '1:01:24', `Kipchoge, ${'x'.repeat(41)}`))).toEqual({
      leaders: `${'x'.repeat(41)}: Too big: expected string to have <=40 characters`,
    });
  });
});

describe('projectionText', () => {
  it('says the result against the record at the finish, and leaves the record out when there is none', () => {
    expect(projectionText(men, { metres: 42195, elapsedMs: hms(2, 3, 5) })).toBe('FINISH 2:03:05 · 8 S OVER WORLD RECORD');
    expect(projectionText({ ...men, record: null }, { metres: 21097.5, elapsedMs: hms(1, 1, 24) })).toBe('PROJECTED 2:02:48');
    expect(projectionText(men, { metres: 42195, elapsedMs: hms(2, 2, 57.5) })).toBe('FINISH 2:02:57 · LEVEL WITH WORLD RECORD');
  });
});

describe('projectionText from the split as the panel shows it', () => {
  it('compares a finish of 2:03:05.5 as 2:03:05, 8 S OVER, and 2:02:50.5 as 2:02:50, 7 S UNDER', () => {
    expect(projectionText(men, { metres: 42195, elapsedMs: hms(2, 3, 5) + 500 })).toBe('FINISH 2:03:05 · 8 S OVER WORLD RECORD');
    expect(projectionText(men, { metres: 42195, elapsedMs: hms(2, 2, 50) + 500 })).toBe('FINISH 2:02:50 · 7 S UNDER WORLD RECORD');
  });

  it('projects 1:01:24.4 and 1:01:24.9 at halfway alike, as the 1:01:24 both show: 2:02:48, 9 S UNDER', () => {
    expect(projectionText(men, { metres: 21097.5, elapsedMs: 3_684_400 })).toBe('PROJECTED 2:02:48 · 9 S UNDER WORLD RECORD');
    expect(projectionText(men, { metres: 21097.5, elapsedMs: 3_684_900 })).toBe('PROJECTED 2:02:48 · 9 S UNDER WORLD RECORD');
  });
});

describe('readFinishTime', () => {
  it('reads an official time against the race kind: 1:44.20 in a wheelchair race is 1:44:20', () => {
    const wheelchair: Race = { ...men, kind: 'wheelchair-women', name: 'WHEELCHAIR WOMEN' };
    expect(readFinishTime(wheelchair, '1:44.20')).toEqual({ ok: true, elapsedMs: hms(1, 44, 20), reading: 'read as 1 h 44 min 20 s (h:mm.ss), not 1 min 44.20 s' });
    expect(readFinishTime({ ...men, gunTime: null }, '2:03:05')).toEqual({ ok: false, error: 'ELITE MEN has no gun time yet: start it or set its gun time before finishing it.' });
    expect(readFinishTime(men, 'soon')).toMatchObject({ ok: false, error: expect.stringContaining('"soon" is not a time') });
  });
});
