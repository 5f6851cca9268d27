import { describe, expect, it } from 'vitest';
import type { PassingRow } from '../../protocol/passing';
import type { Race } from '../../protocol/race';
import { sortRows } from '../../state/passingTable';
import { emptyShow } from '../../state/showState';
import { gapSamples } from './samples';
import { resolveGap } from './gapModel';

const [sample] = gapSamples;

describe('resolveGap', () => {
  it('sets the leading group against the chasers at the furthest point, and says whether the gap grew', () => {
    expect(resolveGap({ raceId: 'elite-men' }, { ...emptyShow('Test'), ...sample!.show })).toEqual({
      raceName: 'ŁÓDŹ · МАРАФОН',
      point: '10K',
      leaders: 'Kipchoge · Biwott · Bekele',
      chasers: 'Κώστας Γκελαούζος',
      gap: '+0:15',
      trend: null,
    });
    expect(resolveGap({ raceId: 'elite-men' }, { ...emptyShow('Test'), ...sample!.updateShow })).toMatchObject({
      point: 'HALFWAY',
      leaders: 'Bekele · Kipchoge',
      chasers: 'Biwott',
      gap: '+0:07',
      // Biwott ran with Bekele at 10K: the gap between them grew (the 10K chaser, Γκελαούζος, is another athlete).
      trend: 'growing',
    });
  });
});

/** An elite race at 30K, 35K and 40K, from [bib, point, elapsed "h:mm:ss"] rows. */
function race(rows: [string, number, string][]): Race {
  const ms = (t: string) => t.split(':').reduce((sum, part) => sum * 60 + Number(part), 0) * 1000;
  return {
    id: 'r',
    name: 'ELITE',
    entrants: ['Kipchoge', 'Biwott', 'Bekele', 'Sumgong', 'Tufa', 'Kiplagat'].map((name) => ({ bib: name, name, displayName: name })),
    timingPoints: [30_000, 35_000, 40_000].map((metres) => ({ metres, label: `${metres / 1000}K` })),
    passings: sortRows(rows.map(([bib, point, t]): PassingRow => [bib, point, ms(t), 0])),
  } as Race;
}
const gapOf = (r: Race) => resolveGap({ raceId: 'r' }, { ...emptyShow('Test'), races: [r] });

describe('resolveGap while the chasers have not reached the leaders’ latest point', () => {
  // 30K and 35K: Kipchoge and Biwott together, Bekele behind.
  const to35: [string, number, string][] = [
    ['Kipchoge', 0, '1:28:20'],
    ['Biwott', 0, '1:28:21'],
    ['Bekele', 0, '1:28:35'],
    ['Kipchoge', 1, '1:43:10'],
    ['Biwott', 1, '1:43:11'],
    ['Bekele', 1, '1:43:31'],
  ];

  it('gives the gap at the latest point the leaders and the chasers have both passed, never NO CHASERS', () => {
    const kipchogeAt40 = race([...to35, ['Kipchoge', 2, '1:57:40']]);
    expect(gapOf(kipchogeAt40)).toEqual({ raceName: 'ELITE', point: '35K', leaders: 'Kipchoge · Biwott', chasers: 'Bekele', gap: '+0:21', trend: 'growing' });
    // Biwott through 40K 39 s later: the gap is told there, against the same two athletes at 35K.
    expect(gapOf(race([...to35, ['Kipchoge', 2, '1:57:40'], ['Biwott', 2, '1:58:19']]))).toMatchObject({ point: '40K', leaders: 'Kipchoge', chasers: 'Biwott', gap: '+0:39', trend: 'growing' });
  });

  it('says the chasers are not yet there when the leader broke away from the one group at the point before', () => {
    const together = race([
      ['Kipchoge', 1, '1:43:10'],
      ['Biwott', 1, '1:43:11'],
      ['Kipchoge', 2, '1:57:40'],
    ]);
    expect(gapOf(together)).toEqual({ raceName: 'ELITE', point: '40K', leaders: 'Kipchoge', chasers: 'CHASERS NOT YET AT 40K', gap: '', trend: null });
  });

  it('says NO CHASERS only when everyone at the point before is in the leading group here', () => {
    const together = race([
      ['Kipchoge', 1, '1:43:10'],
      ['Biwott', 1, '1:43:25'],
      ['Kipchoge', 2, '1:57:40'],
      ['Biwott', 2, '1:57:41'],
    ]);
    expect(gapOf(together)).toMatchObject({ point: '40K', leaders: 'Kipchoge · Biwott', chasers: 'NO CHASERS', gap: '' });
  });

  it('tells the 2500-runner mass race at 5K apart from its leader alone at 10K', () => {
    const mass = {
      id: 'r',
      name: 'MASS RACE',
      entrants: Array.from({ length: 2500 }, (_, i) => ({ bib: `M${i + 1}`, name: `Runner Number${i + 1}` })),
      timingPoints: [5000, 10_000].map((metres) => ({ metres, label: `${metres / 1000}K` })),
      passings: sortRows([...Array.from({ length: 2500 }, (_, i): PassingRow => [`M${i + 1}`, 0, 1_500_000 + i * 1000, 0]), ['M1', 1, 3_000_000, 0]]),
    } as Race;
    expect(gapOf(mass).chasers).not.toBe('NO CHASERS');
    expect(gapOf(mass)).toMatchObject({ point: '5K', gap: '+0:11' });
  });
});

describe('resolveGap’s gap', () => {
  it('is the difference of the times as shown: 1:57:44.0 behind 1:57:40.9 is 1:57:44 against 1:57:40, so +0:04', () => {
    const apart = race([
      ['Kipchoge', 2, '1:57:40.9'],
      ['Biwott', 2, '1:57:44'],
    ]);
    expect(gapOf(apart)).toMatchObject({ point: '40K', leaders: 'Kipchoge', chasers: 'Biwott', gap: '+0:04' });
  });
});

describe('resolveGap’s trend', () => {
  it('compares the gap between the same two athletes: a leader dropping from the group is a growing gap', () => {
    // 30K: Sumgong and Tufa together, Kiplagat 13 s back. 35K: Tufa 3 s behind Sumgong, Kiplagat further back.
    const women = race([
      ['Sumgong', 0, '1:40:00'],
      ['Tufa', 0, '1:40:01'],
      ['Kiplagat', 0, '1:40:14'],
      ['Sumgong', 1, '1:56:40'],
      ['Tufa', 1, '1:56:44'],
      ['Kiplagat', 1, '1:56:58'],
    ]);
    expect(gapOf(women)).toMatchObject({ point: '35K', leaders: 'Sumgong', chasers: 'Tufa', gap: '+0:04', trend: 'growing' });
  });

  it('compares the gaps as shown, in whole seconds: +0:10 then +0:11 is steady, whatever the tenths were', () => {
    const women = (tufaAt35: string) =>
      race([
        ['Sumgong', 0, '1:40:00'],
        ['Tufa', 0, '1:40:10.0'],
        ['Sumgong', 1, '1:56:40'],
        ['Tufa', 1, tufaAt35],
      ]);
    // 10.0 s then 11.05 s: more than a second apart unrounded, one second as shown.
    expect(gapOf(women('1:56:51.05'))).toMatchObject({ gap: '+0:11', trend: 'steady' });
    expect(gapOf(women('1:56:52.0'))).toMatchObject({ gap: '+0:12', trend: 'growing' });
  });

  it('shows no trend when the two were not both timed at the point before', () => {
    const women = race([
      ['Sumgong', 0, '1:40:00'],
      ['Sumgong', 1, '1:56:40'],
      ['Tufa', 1, '1:56:44'],
    ]);
    expect(gapOf(women).trend).toBeNull();
  });
});
