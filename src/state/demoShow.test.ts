import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareToRecord, formatTime, latestSplit, projectFinish } from '../core';
import { describeIssues } from '../protocol/describeIssues';
import { ShowState } from './showState';

const file = resolve(import.meta.dirname, '../../shows/london-2016.json');

function demoShow(): ShowState {
  const parsed = ShowState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`shows/london-2016.json is not a valid show: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
const race = (id: string) => demoShow().races.find((r) => r.id === id)!;
const bst = (time: string) => Date.parse(`2016-04-24T${time}+01:00`);

describe('the London 2016 demo show', () => {
  it('is a valid show with the five races of the day', () => {
    expect(demoShow().races.map((r) => [r.id, r.name])).toEqual([
      ['elite-men', 'ELITE MEN'],
      ['elite-women', 'ELITE WOMEN'],
      ['wheelchair-men', 'WHEELCHAIR MEN'],
      ['wheelchair-women', 'WHEELCHAIR WOMEN'],
      ['mass', 'MASS RACE'],
    ]);
  });

  it('starts the wheelchair races at 09:00, the elite women at 09:15, the elite men and mass race at 10:00 BST', () => {
    expect(['wheelchair-men', 'wheelchair-women', 'elite-women', 'elite-men', 'mass'].map((id) => race(id).gunTime)).toEqual([
      bst('09:00:00'),
      bst('09:00:00'),
      bst('09:15:00'),
      bst('10:00:00'),
      bst('10:00:00'),
    ]);
  });

  it('has the men through 10K in 28:37 and halfway in 1:01:24, projecting 2:02:48, 9 S UNDER the world record', () => {
    const men = race('elite-men');
    expect(men.splits.map((s) => [s.label, formatTime(s.elapsedMs)])).toEqual([
      ['10K', '28:37'],
      ['HALFWAY', '1:01:24'],
    ]);
    const halfway = latestSplit(men.splits)!;
    const projected = projectFinish(halfway.elapsedMs, halfway.metres, men.distanceM);
    expect(formatTime(projected)).toBe('2:02:48');
    expect(men.record).toEqual({ label: 'WORLD RECORD', holder: 'Dennis Kimetto (Berlin 2014)', ms: 7_377_000 });
    expect(compareToRecord(projected, men.record!.ms).text).toBe('9 S UNDER');
  });

  it('has the women through 15 miles in 1 hour 21 minutes and change', () => {
    expect(race('elite-women').splits.map((s) => [s.label, formatTime(s.elapsedMs)])).toEqual([['15 MILES', '1:21:30']]);
  });

  it('stops the clocks at the winning times: Kipchoge 2:03:05, Sumgong 2:22:58, McFadden 1:44:20', () => {
    const clock = (id: string) => formatTime(race(id).finishedAt! - race(id).gunTime!);
    expect([clock('elite-men'), clock('elite-women'), clock('wheelchair-women')]).toEqual(['2:03:05', '2:22:58', '1:44:20']);
    expect(race('wheelchair-men').finishedAt).toBeNull();
    expect(race('mass').finishedAt).toBeNull();
  });
});
