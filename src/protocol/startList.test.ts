import { describe, expect, it } from 'vitest';
import { Command } from './command';
import { describeIssues } from './describeIssues';
import { describeRefused, describeWarnings, readStartList, readStartListInSlices } from './startList';

const marathon = { distanceM: 42_195, kind: 'elite-men' } as const;

describe('readStartList', () => {
  it('refuses a personal best no one could have run over the race’s distance (0:00 or 1:00 for a marathon), and keeps a 10K PB under the marathon’s pace', () => {
    const reading = readStartList('bib,name,country,pb\n6,Zero PB,KEN,0:00\n7,One Minute,KEN,1:00\n8,Real PB,KEN,2:04:00', marathon);
    if (!reading.ok) throw new Error(reading.error);
    expect(reading.entrants.map((e) => e.name)).toEqual(['Real PB']);
    expect(reading.refused).toEqual([
      { line: 2, bib: '6', problems: ["pb: A personal best of 0:00 over 42.195 km can't be right: it would be faster than anyone has run it (under 1:32:00)."] },
      { line: 3, bib: '7', problems: ["pb: A personal best of 1:00 over 42.195 km can't be right: it would be faster than anyone has run it (under 1:32:00)."] },
    ]);
    const tenK = readStartList('bib,name,pb\n1,Joshua Cheptegei,26:33', { distanceM: 10_000, kind: 'elite-men' });
    expect(tenK.ok && tenK.entrants.map((e) => e.pbMs)).toEqual([1_593_000]);
  });

  it('names each refused row by line and bib, and keeps the good ones', () => {
    const reading = readStartList('bib,name,country,pb,team\n1,Eliud Kipchoge,KEN,2:03:05,NN\n4,Someone,Narnia,,\n,No Bib,KEN,,\n1,Again,KEN,,\n5,Wilson Kipsang,KE,99:99,', marathon);
    if (!reading.ok) throw new Error(reading.error);
    expect(reading.entrants.map((e) => e.name)).toEqual(['Eliud Kipchoge']);
    expect(reading.ignoredColumns).toEqual(['team']);
    expect(reading.refused.map((r) => [r.line, r.bib])).toEqual([
      [3, '4'],
      [4, ''],
      [5, '1'],
      [6, '5'],
    ]);
    expect(describeRefused(reading.refused.slice(0, 1))).toMatch(/^line 3 \(bib 4\): country: "Narnia" is not a country/);
    expect(reading.refused[2]!.problems).toEqual(['bib: 1 is already on an earlier line']);
    expect(reading.refused[3]!.problems[0]).toMatch(/^pb: /);
  });

  it('folds line breaks and tabs in names to one space, and says a missing name is missing', () => {
    const reading = readStartList('bib,name,display name\n1,,Kipchoge\n2,"Stanley\r\n Biwott","Biwott\t "', marathon);
    if (!reading.ok) throw new Error(reading.error);
    expect(reading.refused).toEqual([{ line: 2, bib: '1', problems: ['name: is missing'] }]);
    expect(reading.entrants).toEqual([{ bib: '2', name: 'Stanley Biwott', displayName: 'Biwott' }]);
  });

  it('refuses a row the check refuses, with its reason, and keeps the others', () => {
    const reading = readStartList('bib,name\n1,Eliud Kipchoge\n2,Stanley Biwott', marathon, (e) => (e.bib === '1' ? 'on air' : null));
    if (!reading.ok) throw new Error(reading.error);
    expect(reading.refused).toEqual([{ line: 2, bib: '1', problems: ['on air'] }]);
    expect(reading.entrants.map((e) => e.bib)).toEqual(['2']);
  });

  it('keeps what an entrant has for a column the file leaves out, and clears a field given empty', () => {
    const before = { bib: '1', name: 'Eliud Kipchoge', displayName: 'Kipchoge', country: 'KEN', category: 'ELITE', pbMs: 7_385_000 };
    const existing = (bib: string) => (bib === '1' ? before : undefined);
    const renamed = readStartList('bib,name\n1,Eliud KIPCHOGE\n2,New Runner', marathon, undefined, existing);
    if (!renamed.ok) throw new Error(renamed.error);
    expect(renamed.entrants).toEqual([{ ...before, name: 'Eliud KIPCHOGE' }, { bib: '2', name: 'New Runner' }]);
    const cleared = readStartList('bib,name,display name,pb\n1,Eliud Kipchoge,,', marathon, undefined, existing);
    if (!cleared.ok) throw new Error(cleared.error);
    expect(cleared.entrants).toEqual([{ bib: '1', name: 'Eliud Kipchoge', country: 'KEN', category: 'ELITE' }]);
  });

  it('reads in slices to the same result, letting other work run between slices', async () => {
    const csv = ['bib,name,country', ...Array.from({ length: 50 }, (_, i) => `${i + 1},Runner ${i + 1},${i === 20 ? 'Narnia' : 'KEN'}`)].join('\n');
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const sliced = await readStartListInSlices(csv, marathon, undefined, undefined, 10);
    clearInterval(ticking);
    expect(sliced).toEqual(readStartList(csv, marathon));
    expect(turns, 'other timers ran while it read').toBeGreaterThan(0);
  });

  it('imports bibs that differ only by leading zeros as two athletes, and warns of each by line', () => {
    const reading = readStartList('bib,name\n7,Ruth Chepngetich\n12,Brigid Kosgei\n007,Peres Jepchirchir\n0012,Joyciline Jepkosgei\n70,Tigist Assefa', marathon);
    if (!reading.ok) throw new Error(reading.error);
    expect(reading.entrants.map((e) => e.bib)).toEqual(['7', '12', '007', '0012', '70']);
    expect(reading.refused).toEqual([]);
    expect(reading.warnings).toEqual([
      { line: 4, bib: '007', warning: 'differs from bib 7 on line 2 only by leading zeros: imported as two athletes' },
      { line: 5, bib: '0012', warning: 'differs from bib 12 on line 3 only by leading zeros: imported as two athletes' },
    ]);
    expect(describeWarnings(reading.warnings.slice(0, 1))).toBe('line 4 (bib 007): differs from bib 7 on line 2 only by leading zeros: imported as two athletes');
  });

  it('warns of a new bib that differs only by leading zeros from one on the race’s start list, not of one already on it', () => {
    const race = { ...marathon, entrants: [{ bib: '7', name: 'Ruth Chepngetich' }, { bib: '9', name: 'Tigist Assefa' }, { bib: '009', name: 'Amane Beriso' }] };
    const reading = readStartList('bib,name\n007,Peres Jepchirchir\n7,Ruth CHEPNGETICH\n009,Amane Beriso\n8,Worknesh Degefa', race);
    if (!reading.ok) throw new Error(reading.error);
    expect(reading.warnings).toEqual([{ line: 2, bib: '007', warning: 'differs from bib 7 on the start list only by leading zeros: imported as two athletes' }]);
    expect(readStartList('bib,name\n7,Ruth Chepngetich\n8,Worknesh Degefa', race)).toMatchObject({ ok: true, warnings: [] });
  });

  it('refuses a file without bib or name columns, saying which columns it has', () => {
    expect(readStartList('number,athlete\n1,X', marathon)).toEqual({ ok: false, error: 'The start list has no name column: its columns are number, athlete' });
  });
});

describe('a mass start list in one command', () => {
  const rows = Array.from({ length: 40_000 }, (_, i) => `${i + 1},${i % 7 === 0 ? 'Zoë Çelik-Yılmaz' : `Runner ${i + 1}`},KEN,M40,3:15:00`);
  const reading = readStartList(['bib,name,country,category,pb', ...rows].join('\n'), { distanceM: 42_195, kind: 'mass' });

  it('reads 40,000 rows into one upsertEntrants the hub takes, so an import is one change', () => {
    if (!reading.ok) throw new Error(reading.error);
    expect(reading.entrants).toHaveLength(40_000);
    expect(Command.safeParse({ type: 'upsertEntrants', raceId: 'mass', entrants: reading.entrants }).success).toBe(true);
  });

  it('refuses an edit (upsertEntrants with was) of more than 1000 entrants, saying so', () => {
    if (!reading.ok) throw new Error(reading.error);
    const parsed = Command.safeParse({ type: 'upsertEntrants', raceId: 'mass', entrants: reading.entrants.slice(0, 1001), was: [] });
    expect(parsed.success ? null : describeIssues(parsed.error)).toBe('entrants: at most 1000 entrants in an edit (an upsertEntrants with was)');
  });

  it('refuses an upsertEntrants of more entrants than a race holds', () => {
    if (!reading.ok) throw new Error(reading.error);
    const entrants = [...reading.entrants, ...reading.entrants.slice(0, 10_001).map((e) => ({ ...e, bib: `x${e.bib}` }))];
    const parsed = Command.safeParse({ type: 'upsertEntrants', raceId: 'mass', entrants });
    expect(parsed.success ? null : describeIssues(parsed.error)).toBe('entrants: at most 50000 entrants: a race holds no more');
  });
});
