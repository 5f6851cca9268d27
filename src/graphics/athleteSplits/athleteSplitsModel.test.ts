import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Command } from '../../protocol/command';
import { FeedFile } from '../../protocol/feedFile';
import type { Race } from '../../protocol/race';
import { applyCommand } from '../../state/applyCommand';
import { raceReferenceProblem } from '../../state/raceReferences';
import { emptyShow, ShowState } from '../../state/showState';
import { athleteSplitsSamples } from './samples';
import { formatTime } from '../../core';
import { resolveAthleteSplits } from './athleteSplitsModel';

const [sample] = athleteSplitsSamples;
const before: ShowState = { ...emptyShow('Test'), ...sample!.show };
const after: ShowState = { ...emptyShow('Test'), ...sample!.updateShow };
const props = { raceId: 'elite-men', bib: '7' };
const ms = (m: number, s: number) => (m * 60 + s) * 1000;
const withRace = (show: ShowState, change: (race: Race) => Race): ShowState => ({ ...show, races: show.races.map(change) });

describe('resolveAthleteSplits', () => {
  it('gives each 5 km point reached its split, time, pace per km and per mile, and the time against world-record pace', () => {
    expect(resolveAthleteSplits(props, before)).toEqual({
      raceName: 'ŁÓDŹ · МАРАФОН',
      name: 'Κώστας Γκελαούζος',
      country: 'GR',
      comparison: 'VS WORLD RECORD PACE',
      status: null,
      rows: [
        // The world record (2:02:57) at an even pace passes 5K in 14:34.16 and 10K in 29:08.31.
        { key: '0', point: '5K', split: '14:25', time: '14:25', perKm: '2:53', perMile: '4:38', vsRecord: { text: '9 S UNDER', direction: 'under' } },
        { key: '1', point: '10K', split: '14:27', time: '28:52', perKm: '2:53', perMile: '4:39', vsRecord: { text: '16 S UNDER', direction: 'under' } },
        // No chip read at 15K: a gap, and the next split covers both segments at its true pace.
        { key: '2', point: '15K', split: '–', time: '–', perKm: '–', perMile: '–', vsRecord: null },
        { key: '3', point: '10K–20K', split: '30:48', time: '59:40', perKm: '3:05', perMile: '4:57', vsRecord: { text: '1:23 OVER', direction: 'over' } },
      ],
    });
  });

  it('adds rows as passings arrive and takes a corrected time, changing only what follows from it', () => {
    const earlier = resolveAthleteSplits(props, before).rows;
    const rows = resolveAthleteSplits(props, after).rows;
    expect(rows.map((r) => r.point)).toEqual(['5K', '10K', '15K', '10K–20K', '25K', '30K']);
    expect(rows[0]).toEqual(earlier[0]);
    expect(rows[1]).toMatchObject({ split: '14:25', time: '28:50', vsRecord: { text: '18 S UNDER' } });
    expect(rows[3]).toMatchObject({ split: '30:50', time: '59:40', perMile: '4:58', vsRecord: { text: '1:23 OVER' } });
    expect(rows.slice(4).map((r) => [r.split, r.time, r.perKm, r.perMile, r.vsRecord?.text])).toEqual([
      ['15:15', '1:14:55', '3:03', '4:55', '2:04 OVER'],
      ['15:25', '1:30:20', '3:05', '4:58', '2:55 OVER'],
    ]);
  });

  it('takes a correction sent as passings, as the hub stores it (the new time replaces the old)', () => {
    const corrected = applyCommand(before, Command.parse({ type: 'recordPassings', raceId: 'elite-men', passings: [{ bib: '7', metres: 5000, elapsedMs: ms(14, 31), source: 'rr-live' }] }), { now: 0 });
    if (!corrected.ok) throw new Error(corrected.error);
    const rows = resolveAthleteSplits(props, corrected.state).rows;
    expect(rows[0]).toMatchObject({ split: '14:31', time: '14:31', perKm: '2:54', perMile: '4:40', vsRecord: { text: '3 S UNDER' } });
    expect(rows[1]).toMatchObject({ split: '14:21', time: '28:52' });
  });

  it('derives the split and the difference to the record from the times as shown, so they agree with arithmetic on the screen', () => {
    const finish = 10; // LONDON_TIMING_POINTS: the finish is the last point.
    const show = withRace(before, (race) => ({
      ...race,
      passings: [
        ['7', 0, ms(14, 33) + 600, 0],
        ['7', 1, ms(29, 10) + 200, 0],
        ['7', finish, ms(123, 5) + 500, 0],
      ],
    }));
    const rows = resolveAthleteSplits(props, show).rows;
    // 29:10 − 14:33 is 14:37 (the times themselves are 14:36.6 apart).
    expect(rows[1]).toMatchObject({ point: '10K', split: '14:37', time: '29:10' });
    // 2:03:05.5 is shown 2:03:05: 8 s over the 2:02:57 world record, as the projection ticker says.
    expect(rows.at(-1)).toMatchObject({ point: '10K–FINISH', time: '2:03:05', vsRecord: { text: '8 S OVER', direction: 'over' } });
  });

  it('converts pace to miles of 1609.344 m: 5 km in 16:05.5 is 3:13 per km and 5:11 per mile', () => {
    const show = withRace(before, (race) => ({ ...race, passings: [['7', 0, ms(16, 5) + 500, 0]] }));
    expect(resolveAthleteSplits(props, show).rows[0]).toMatchObject({ perKm: '3:13', perMile: '5:11' });
  });

  it('shows no comparison for a race without a record, rather than inventing one', () => {
    const model = resolveAthleteSplits(props, withRace(before, (race) => ({ ...race, record: null })));
    expect(model.comparison).toBeNull();
    expect(model.rows.map((r) => r.vsRecord)).toEqual([null, null, null, null]);
    expect(model.rows[0]).toMatchObject({ split: '14:25', perMile: '4:38' });
  });

  it('says it awaits times before the athlete reaches a 5 km point, and when the race has no 5 km points', () => {
    const halfwayOnly = withRace(before, (race) => ({ ...race, passings: [['7', 4, ms(63, 5), 0]] }));
    expect(resolveAthleteSplits(props, halfwayOnly)).toMatchObject({ name: 'Κώστας Γκελαούζος', rows: [], status: 'AWAITING TIMES' });
    const noFiveKm = withRace(before, (race) => ({ ...race, timingPoints: [{ metres: 21_097.5, label: 'HALFWAY' }], passings: [['7', 0, ms(63, 5), 0]] }));
    expect(resolveAthleteSplits(props, noFiveKm)).toMatchObject({ rows: [], status: 'NO 5 KM TIMING POINTS' });
  });

  it('names a bib the start list does not have, on air and in the hub’s refusal of the take', () => {
    expect(resolveAthleteSplits({ raceId: 'elite-men', bib: '99' }, before)).toEqual({
      raceName: 'ŁÓDŹ · МАРАФОН',
      name: '#99',
      country: null,
      comparison: 'VS WORLD RECORD PACE',
      rows: [],
      status: 'BIB 99 IS NOT ON THE START LIST',
    });
    const take = (bib: string, show = before) => applyCommand(show, Command.parse({ type: 'take', graphic: { kind: 'athleteSplits', props: { raceId: 'elite-men', bib } } }), { now: 0 });
    expect(take('99')).toEqual({ ok: false, error: "Bib 99 is not on ŁÓDŹ · МАРАФОН's start list: its bibs are 1, 2, 3, 7, 8, 9." });
    expect(take('99', withRace(before, (race) => ({ ...race, entrants: [] })))).toEqual({
      ok: false,
      error: "Bib 99 is not on ŁÓDŹ · МАРАФОН's start list: it has no start list yet (Import start list… in Race data).",
    });
    expect(take('7').ok).toBe(true);
    expect(raceReferenceProblem({ kind: 'athleteSplits', props: { raceId: 'mass', bib: '7' } }, before)).toBe('No race "mass": the races are elite-men.');
  });

  it('draws nothing for a race the show does not have', () => {
    expect(resolveAthleteSplits({ raceId: 'mass', bib: '7' }, before)).toEqual({ raceName: '', name: '', country: null, comparison: null, rows: [], status: null });
  });

  it('follows the shipped London rehearsal feed through: the winner against the world record, a correction taken', () => {
    const file = FeedFile.parse(JSON.parse(readFileSync(new URL('../../../shows/feeds/london-2016-elite.rehearsal.json', import.meta.url), 'utf8')));
    let show = ShowState.parse(JSON.parse(readFileSync(new URL('../../../shows/london-2016.json', import.meta.url), 'utf8')));
    const START = Date.parse('2016-04-24T09:00:00+01:00');
    const run = (input: unknown, now: number) => {
      const result = applyCommand(show, Command.parse(input), { now });
      if (!result.ok) throw new Error(result.error);
      show = result.state;
    };
    const men = file.races.find((r) => r.raceId === 'elite-men')!;
    run({ type: 'setEntrants', raceId: 'elite-men', entrants: men.entrants }, START);
    run({ type: 'setTimingPoints', raceId: 'elite-men', points: men.timingPoints }, START);
    run({ type: 'setGunTime', raceId: 'elite-men', gunTime: START + men.gunAtMs }, START);
    const passings = file.passings.filter((p) => p.raceId === 'elite-men');
    for (const p of passings) run({ type: 'recordPassings', raceId: 'elite-men', passings: [{ bib: p.bib, metres: p.metres, elapsedMs: p.elapsedMs, source: 'rehearsal' }] }, START + p.atMs);

    const kipchoge = resolveAthleteSplits({ raceId: 'elite-men', bib: '1' }, show);
    expect(kipchoge).toMatchObject({ raceName: 'ELITE MEN', name: 'Kipchoge', country: 'KE', comparison: 'VS WORLD RECORD PACE', status: null });
    expect(kipchoge.rows.map((r) => r.point)).toEqual(['5K', '10K', '15K', '20K', '25K', '30K', '35K', '40K', 'FINISH']);
    // 2:03:05 against Kimetto's 2:02:57.
    expect(kipchoge.rows.at(-1)).toMatchObject({ time: '2:03:05', vsRecord: { text: '8 S OVER', direction: 'over' } });
    // The feed sends Bekele's 20K, the same again, then a correction 2 s later: his row shows the correction.
    const bekele20K = passings.filter((p) => p.bib === '3' && p.metres === 20_000).map((p) => p.elapsedMs);
    expect(bekele20K).toEqual([3_512_915, 3_512_915, 3_514_915]);
    const bekele = resolveAthleteSplits({ raceId: 'elite-men', bib: '3' }, show).rows;
    expect(bekele[3]).toMatchObject({ point: '20K', time: formatTime(3_514_915) });
    expect(bekele[3]!.time).toBe('58:34');
    // Kebede drops out after 25K; a misread chip puts him at 40K five minutes later, held for the operator, never drawn.
    expect(show.races.find((r) => r.id === 'elite-men')!.held!.map((h) => [h.bib, h.metres])).toEqual([['9', 40_000]]);
    expect(resolveAthleteSplits({ raceId: 'elite-men', bib: '9' }, show).rows.at(-1)!.point).toBe('25K');
  });
});
