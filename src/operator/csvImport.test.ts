import { describe, expect, it } from 'vitest';
import { importCsv } from './csvImport';

const commentators = (text: string) => importCsv(text, { kind: 'nameCard', group: 'Commentators' });

describe('importCsv', () => {
  it('imports each row as a rundown item of the kind, in any column order and header case', () => {
    const result = commentators('Role,NAME,Quote\nBBC athletics commentator,Steve Cram,\nOlympic medallist,Brendan Foster,"Relentless, from the start."\n');
    expect(result).toEqual({
      ok: true,
      rejected: [],
      ignoredColumns: [],
      items: [
        { group: 'Commentators', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC athletics commentator' } } },
        { group: 'Commentators', graphic: { kind: 'nameCard', props: { name: 'Brendan Foster', role: 'Olympic medallist', quote: 'Relentless, from the start.' } } },
      ],
    });
  });

  it('takes the group and label from their own columns when a row has them', () => {
    const result = commentators('name,group,label\nPaula Radcliffe,Studio,Radcliffe studio\nSteve Cram,,\n');
    expect(result.ok && result.items.map((i) => [i.group, i.label])).toEqual([
      ['Studio', 'Radcliffe studio'],
      ['Commentators', undefined],
    ]);
  });

  it('reports each bad row with its line and field, and still imports the good ones', () => {
    const csv = ['name,role', 'Steve Cram,BBC', '   ,Nobody', '', `"Brendan`, `Foster",${'x'.repeat(121)}`, 'Paula Radcliffe', 'Tanni Grey-Thompson,BBC,extra'].join('\n');
    const result = commentators(csv);
    expect(result).toEqual({
      ok: true,
      ignoredColumns: [],
      items: [{ group: 'Commentators', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC' } } }],
      rejected: [
        { line: 3, problems: ['name: is required'] },
        { line: 5, problems: ['role: Too big: expected string to have <=120 characters'] },
        { line: 7, problems: ['has 1 value; the header has 2 columns'] },
        { line: 8, problems: ['has 3 values; the header has 2 columns'] },
      ],
    });
  });

  it('refuses a file without a required column, naming it and the columns it reads', () => {
    expect(commentators('role,quote\nBBC,\n')).toEqual({
      ok: false,
      error: 'The file has no column name: a commentator name card needs name and may have role, quote, group, label',
    });
  });

  it('lists columns it does not know so a misspelt header is noticed', () => {
    const result = commentators('name,rôle\nSteve Cram,BBC\n');
    expect(result.ok && result.ignoredColumns).toEqual(['rôle']);
  });

  it('refuses an empty file and one with only a header', () => {
    expect(commentators('')).toEqual({ ok: false, error: 'The file is empty: the first line must name the columns' });
    expect(commentators('name,role\n')).toEqual({ ok: false, error: 'The file has column names but no rows' });
  });

  it('refuses control characters in on-air text', () => {
    const result = commentators('name\n"Cram\u0007"\n');
    expect(result.ok && result.rejected).toEqual([{ line: 2, problems: ['name: must not contain control characters'] }]);
  });
});

describe('importCsv countries', () => {
  it('takes a country’s English name as well as its code, and rejects an unknown one with a hint', () => {
    const result = importCsv('name,country\nKenenisa Bekele,Ethiopia\nEliud Kipchoge,ke\nNobody,Etiopia\n', { kind: 'athleteProfile', group: 'Elite men' });
    expect(result.ok && result.items.map((item) => (item.graphic.props as { country: string }).country)).toEqual(['ETH', 'KE']);
    expect(result.ok && result.rejected).toEqual([
      { line: 4, problems: [`country: "Etiopia" is not a country (did you mean Ethiopia, ETH?): give a World Athletics or ISO 3166 code (KEN, GER or KE) or the country’s English name (Kenya)`] },
    ]);
  });
});

describe('importCsv optional groups', () => {
  it('leaves an optional group out of a row whose cells for it are all empty, and checks it when any is filled', () => {
    const result = importCsv('name,country,best.label,best.time\nEliud Kipchoge,KEN,,\nKenenisa Bekele,ETH,Personal best,\n', { kind: 'athleteProfile', group: 'Elite men' });
    expect(result.ok && result.items.map((item) => item.graphic.props)).toEqual([{ name: 'Eliud Kipchoge', country: 'KEN', bio: '' }]);
    expect(result.ok && result.rejected.map((r) => r.line)).toEqual([3]);
  });
});
