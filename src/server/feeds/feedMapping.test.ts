import { describe, expect, it } from 'vitest';
import { FeedMapping, readMappedBody } from './feedMapping';

const mapping = FeedMapping.parse({
  format: 'json',
  rows: 'data.passings',
  fields: { bib: 'Bib', point: 'Split', gunTime: 'GunTime', race: 'Contest' },
  points: { '10K': 10_000, HALF: 21_097.5 },
  races: { 'Elite Men': 'elite-men' },
});
const body = (rows: unknown[]) => JSON.stringify({ data: { passings: rows } });

describe('readMappedBody', () => {
  it("reads rows with the mapping: the feed's point and race names, times as text or ms", () => {
    expect(readMappedBody(body([{ Bib: 1, Split: '10K', GunTime: '28:37', Contest: 'Elite Men' }, { Bib: '2', Split: 'HALF', GunTime: 3_684_000 }]), 'application/json', mapping, 'elite-women')).toEqual([
      { row: 'row 1 (bib 1)', raceId: 'elite-men', bib: '1', metres: 10_000, elapsedMs: 1_717_000 },
      { row: 'row 2 (bib 2)', raceId: 'elite-women', bib: '2', metres: 21_097.5, elapsedMs: 3_684_000 },
    ]);
  });

  it('names a row with a timing point or time it cannot read', () => {
    const [row] = readMappedBody(body([{ Bib: '7', Split: '12K', GunTime: '0:36:00' }]), 'application/json', mapping, 'elite-men') as { problem?: string }[];
    expect(row!.problem).toBe('timing point "12K" is not one the mapping knows (10K, HALF)');
    const [late] = readMappedBody(body([{ Bib: '7', Split: '10K', GunTime: 'soon' }]), 'application/json', mapping, 'elite-men') as { problem?: string }[];
    expect(late!.problem).toMatch(/^time "soon" \(/);
  });

  it('says so when a feed answers HTML, garbage, or rows whose fields were renamed', () => {
    expect(readMappedBody('<!DOCTYPE html><html><body>502 Bad Gateway', 'text/html', mapping, undefined)).toBe('answered an HTML page, not JSON (it starts "<!DOCTYPE html><html><body>502 Bad Gatew")');
    expect(readMappedBody('{"data": [1, 2', 'application/json', mapping, undefined)).toMatch(/^answered something that is not JSON \(/);
    expect(readMappedBody(body([{ BibNo: 1, Split: '10K', Gun: '28:37' }]), 'application/json', mapping, undefined)).toBe(
      'has no field "Bib" or "GunTime" in any row (its fields are BibNo, Split, Gun): have its field names changed? Update the mapping file.',
    );
    expect(readMappedBody('{"passings": []}', 'application/json', mapping, undefined)).toBe('has no list of rows at "data.passings"');
  });

  it('reads CSV the same way', () => {
    const csv = FeedMapping.parse({ format: 'csv', fields: { bib: 'bib', point: 'metres', chipTime: 'chip' } });
    expect(readMappedBody('bib,metres,chip\n1,10000,28:37\n', 'text/csv', csv, 'elite-men')).toEqual([{ row: 'row 1 (bib 1)', raceId: 'elite-men', bib: '1', metres: 10_000, elapsedMs: 1_717_000 }]);
  });
});
