import { describe, expect, it } from 'vitest';
import { describeRefused, readStartList } from './startList';

const marathon = { distanceM: 42_195, kind: 'elite-men' } as const;

describe('readStartList', () => {
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

  it('refuses a file without bib or name columns, saying which columns it has', () => {
    expect(readStartList('number,athlete\n1,X', marathon)).toEqual({ ok: false, error: 'The start list has no name column: its columns are number, athlete' });
  });
});
