import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { latestPoint, standingsAt } from '../core';
import { Command } from '../protocol/command';
import { FeedFile } from '../protocol/feedFile';
import { applyCommand } from './applyCommand';
import { timedPassings } from './passingTable';
import { ShowState } from './showState';

// The shipped rehearsal feed, played message by message through the reducers with the race clock where it
// would be: every passing is plausible except the one misread chip, the duplicate is one, the correction wins.
const file = FeedFile.parse(JSON.parse(readFileSync(new URL('../../shows/feeds/london-2016-elite.rehearsal.json', import.meta.url), 'utf8')));
const demo = ShowState.parse(JSON.parse(readFileSync(new URL('../../shows/london-2016.json', import.meta.url), 'utf8')));

describe('the London 2016 rehearsal feed', () => {
  it('is labelled a rehearsal, and plays through with only the misread chip held', () => {
    expect(file.rehearsal).toBe(true);
    expect(file.description).toMatch(/^REHEARSAL FEED, NOT OFFICIAL RESULTS/);
    const START = Date.parse('2016-04-24T09:00:00+01:00');
    let show = demo;
    const run = (input: unknown, now: number) => {
      const result = applyCommand(show, Command.parse(input), { now });
      if (!result.ok) throw new Error(result.error);
      show = result.state;
    };
    for (const race of file.races) {
      run({ type: 'setEntrants', raceId: race.raceId, entrants: race.entrants }, START);
      run({ type: 'setTimingPoints', raceId: race.raceId, points: race.timingPoints }, START);
      run({ type: 'setFeedSplits', raceId: race.raceId, feedSplits: 'direct' }, START);
      run({ type: 'setGunTime', raceId: race.raceId, gunTime: START + race.gunAtMs }, START);
    }
    for (const p of file.passings) run({ type: 'recordPassings', raceId: p.raceId, passings: [{ bib: p.bib, metres: p.metres, elapsedMs: p.elapsedMs, source: 'rehearsal' }] }, START + p.atMs);
    expect(ShowState.safeParse(show).success).toBe(true);

    const men = show.races.find((r) => r.id === 'elite-men')!;
    const women = show.races.find((r) => r.id === 'elite-women')!;
    expect(men.held!.map((h) => [h.bib, h.metres])).toEqual([['9', 40_000]]);
    expect(women.held).toEqual([]);
    const finish = (race: typeof men) => standingsAt(timedPassings(race), latestPoint(timedPassings(race))!).map((s) => s.bib);
    expect(finish(men)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(finish(women)).toEqual(['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7']);
    const bekele20K = men.passings!.filter((row) => row[0] === '3' && row[1] === 3);
    expect(bekele20K).toHaveLength(1);
    // The feed's splits went to the race: 10K and halfway as the show had them, the winner's time at the finish.
    expect(men.splits.find((s) => s.label === 'HALFWAY')!.elapsedMs).toBe(3_684_000);
    expect(men.splits.at(-1)).toMatchObject({ label: 'FINISH', elapsedMs: 7_385_000, leaders: ['Kipchoge'] });
  });
});
