import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareToRecord, formatTime, latestSplit, projectFinish } from '../core';
import { describeIssues } from '../protocol/describeIssues';
import { raceReferenceProblem } from './raceReferences';
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

  it('started the wheelchair women at 09:00, the elite women at 09:15 and the elite men at 10:00 BST', () => {
    expect(['wheelchair-women', 'elite-women', 'elite-men'].map((id) => race(id).gunTime)).toEqual([bst('09:00:00'), bst('09:15:00'), bst('10:00:00')]);
  });

  it('holds its finishes as official times from the gun, so a corrected gun keeps 2:03:05, 2:22:58 and 1:44:20', () => {
    const finishes = ['elite-men', 'elite-women', 'wheelchair-women'].map((id) => race(id));
    expect(finishes.map((r) => formatTime(r.finishElapsedMs!))).toEqual(['2:03:05', '2:22:58', '1:44:20']);
    expect(finishes.map((r) => r.finishedAt! - r.gunTime!)).toEqual(finishes.map((r) => r.finishElapsedMs));
  });

  it('leaves the unfinished races (wheelchair men, mass race) unstarted, for the operator to start: a 2016 gun would read 87,000 hours today', () => {
    expect([race('wheelchair-men').gunTime, race('mass').gunTime]).toEqual([null, null]);
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

  it('has a card and a quote for every commentator, with the role as captioned on BBC One and the quote word for word', () => {
    const cards = demoShow().rundown.filter((item) => item.graphic.kind === 'nameCard' && item.group === 'Commentators').map((item) => item.graphic.props);
    const commentators = [
      ['Steve Cram', 'BBC athletics commentator on BBC One', 'That was the fastest ever first half of a London Marathon.'],
      ['Brendan Foster', 'Olympic medallist and BBC athletics commentator on BBC One', 'Too many of these athletes are going far too fast. This pace is very, very fast.'],
      ['Jonathan Edwards', 'Two-time world champion and BBC athletics expert on BBC One', "The women's race has become more tactical in the last couple of miles."],
      ['Baroness Tanni Grey-Thompson', 'Ex-British Paralympic wheelchair racer on BBC One', 'At the moment McFadden is unbeatable.'],
    ];
    expect(cards).toEqual([...commentators.map(([name, role]) => ({ name, role })), ...commentators.map(([name, role, quote]) => ({ name, role, quote }))]);
  });

  it('has a profile for every athlete the coverage names, with their country', () => {
    const profiles = demoShow().rundown.flatMap((item) => (item.graphic.kind === 'athleteProfile' ? [[item.graphic.props.name, item.graphic.props.country]] : []));
    expect(profiles).toEqual([
      ['Dennis Kimetto', 'KE'],
      ['Eliud Kipchoge', 'KE'],
      ['Stanley Biwott', 'KE'],
      ['Wilson Kipsang', 'KE'],
      ['Kenenisa Bekele', 'ET'],
      ['Mary Keitany', 'KE'],
      ['Jemima Sumgong', 'KE'],
      ['Mare Dibaba', 'ET'],
      ['Tigist Tufa', 'ET'],
      ['Marcel Hug', 'CH'],
      ['Manuela Schär', 'CH'],
      ['Tatyana McFadden', 'US'],
      ['Shelly Woods', 'GB'],
    ]);
    const kimetto = demoShow().rundown.find((item) => item.graphic.kind === 'athleteProfile' && item.graphic.props.name === 'Dennis Kimetto')!.graphic.props;
    expect(kimetto).toEqual({ name: 'Dennis Kimetto', age: 32, country: 'KE', bio: 'Ran each 5k of that Berlin Marathon in under 15 minutes', best: { label: 'World record', time: '2:02:57', note: 'Berlin 2014' } });
  });

  it('files the rundown by segment and race, and every race graphic in it can go to air', () => {
    const show = demoShow();
    expect([...new Set(show.rundown.map((item) => item.group))]).toEqual(['Commentators', 'Elite men', 'Elite women', 'Wheelchair', 'Mass race', 'Results', 'Crawl']);
    expect(show.rundown.map((item) => raceReferenceProblem(item.graphic, show)).filter(Boolean)).toEqual([]);
    const labelsOf = (kind: string) => show.rundown.filter((item) => item.graphic.kind === kind).map((item) => item.label);
    expect(labelsOf('splitBanner')).toEqual(['Elite men — 10K', 'Elite men — HALFWAY', 'Elite women — 15 MILES']);
    expect(labelsOf('projectionTicker')).toEqual(['Elite men — projection', 'Elite women — projection']);
    expect(show.rundown.filter((item) => item.graphic.kind === 'raceClock').map((item) => item.graphic.props)).toEqual([
      { raceIds: ['elite-men', 'elite-women'] },
      { raceIds: ['wheelchair-men', 'wheelchair-women'] },
      { raceIds: ['mass'] },
    ]);
    expect(show.rundown.flatMap(({ graphic }) => (graphic.kind === 'resultCard' ? [[graphic.props.winner, graphic.props.time, graphic.props.note]] : []))).toEqual([
      ['Eliud Kipchoge', '2:03:05', "Wins the men's race for the second year running"],
      ['Jemima Sumgong', '2:22:58', "Recovers from a fall to win the women's race"],
      ['Marcel Hug', '1:35:19', ''],
      ['Tatyana McFadden', '1:44:20', 'Her fourth straight win'],
    ]);
    expect(show.rundown.find((item) => item.graphic.kind === 'statCard')!.graphic.props).toEqual({ value: 39698, unit: '', caption: 'runners were set to start' });
  });
});
