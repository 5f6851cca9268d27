import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCsv } from './csvImport';

describe('README’s CSV import example', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('### CSV import');
  const section = readme.slice(start, readme.indexOf('\n## ', start));
  const example = /```csv\n([\s\S]*?)```/.exec(section)?.[1];

  it('is imported by the importer as it stands: every row and every column taken, the country name as its code', () => {
    expect(example).toBeDefined();
    const result = importCsv(example!, { kind: 'athleteProfile', group: 'Elite men' });
    expect(result).toMatchObject({ ok: true, rejected: [], ignoredColumns: [] });
    expect(result.ok && result.items.map((item) => item.graphic)).toEqual([
      {
        kind: 'athleteProfile',
        props: { name: 'Eliud Kipchoge', age: 31, country: 'KEN', bio: 'Olympic 5000 m medallist in 2004 and 2008', best: { label: 'Personal best', time: '2:04:05', note: 'Berlin 2013' } },
      },
      {
        kind: 'athleteProfile',
        props: { name: 'Kenenisa Bekele', age: 33, country: 'ETH', bio: 'World record holder at 5000 m and 10000 m', best: { label: 'Personal best', time: '2:05:04', note: 'Paris 2014' } },
      },
    ]);
  });
});
