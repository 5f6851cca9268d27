import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../protocol/describeIssues';
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

  it('should fall back to the chip time when a CSV row leaves the gun time cell blank, as when a JSON row has no gun time', () => {
    const both = { fields: { bib: 'Bib', point: 'Split', gunTime: 'GunTime', chipTime: 'ChipTime', race: 'Contest' }, points: { '5K': 5000 }, races: { T: 'elite-men' } };
    const csv = FeedMapping.parse({ format: 'csv', ...both });
    const json = FeedMapping.parse({ format: 'json', ...both });
    const taken = { row: 'row 1 (bib 4)', raceId: 'elite-men', bib: '4', metres: 5000, elapsedMs: 870_000 };
    expect(readMappedBody('Bib,Split,GunTime,ChipTime,Contest\n4,5K,,14:30,T\n', 'text/csv', csv, undefined)).toEqual([taken]);
    expect(readMappedBody('Bib,Split,GunTime,ChipTime,Contest\n4,5K, ,14:30,T\n', 'text/csv', csv, undefined)).toEqual([taken]);
    expect(readMappedBody(JSON.stringify([{ Bib: '4', Split: '5K', ChipTime: '14:30', Contest: 'T' }]), 'application/json', json, undefined)).toEqual([taken]);
    expect(readMappedBody(JSON.stringify([{ Bib: '4', Split: '5K', GunTime: '', ChipTime: '14:30', Contest: 'T' }]), 'application/json', json, undefined)).toEqual([taken]);
    expect(readMappedBody('Bib,Split,ChipTime,Contest\n4,5K,14:30,T\n', 'text/csv', csv, undefined)).toEqual([taken]);
    expect(readMappedBody('Bib,Split,Contest\n4,5K,T\n', 'text/csv', csv, undefined)).toBe(
      'has no field "GunTime" or "ChipTime" in any row (its fields are Bib, Split, Contest): have its field names changed? Update the mapping file.',
    );
  });

  it('names a row that has no time at all', () => {
    const csv = FeedMapping.parse({ format: 'csv', fields: { bib: 'Bib', point: 'Split', gunTime: 'GunTime', chipTime: 'ChipTime' }, points: { '5K': 5000 } });
    const [row] = readMappedBody('Bib,Split,GunTime,ChipTime\n4,5K,,\n', 'text/csv', csv, 'elite-men') as { problem?: string }[];
    expect(row!.problem).toBe('no time: its GunTime and ChipTime are empty');
  });

  it('should read a bare number in one unit, with or without decimals: ms unless the mapping says seconds', () => {
    const fields = { bib: 'Bib', point: 'Split', gunTime: 'GunTime' };
    const body = 'Bib;Split;GunTime\n4;10K;1782\n5;10K;1782.0\n6;10K;1782,4';
    const read = (mapping: unknown) => (readMappedBody(body, 'text/csv', FeedMapping.parse(mapping), 'elite-men') as { elapsedMs: unknown }[]).map((row) => row.elapsedMs);
    expect(read({ format: 'csv', fields, points: { '10K': 10_000 } })).toEqual([1782, 1782, 1782]);
    expect(read({ format: 'csv', fields, points: { '10K': 10_000 }, timeUnit: 'ms' })).toEqual([1782, 1782, 1782]);
    expect(read({ format: 'csv', fields, points: { '10K': 10_000 }, timeUnit: 's' })).toEqual([1_782_000, 1_782_000, 1_782_400]);
    const json = FeedMapping.parse({ format: 'json', fields, points: { '10K': 10_000 }, timeUnit: 's' });
    const rows = readMappedBody(JSON.stringify([{ Bib: 4, Split: '10K', GunTime: 1782 }, { Bib: 5, Split: '10K', GunTime: 1782.25 }, { Bib: 6, Split: '10K', GunTime: '29:42' }]), 'application/json', json, 'elite-men');
    expect((rows as { elapsedMs: unknown }[]).map((row) => row.elapsedMs)).toEqual([1_782_000, 1_782_250, 1_782_000]);
  });

  it('should refuse a mapping whose timeUnit is neither "s" nor "ms", saying which it may be', () => {
    const parsed = FeedMapping.safeParse({ format: 'csv', fields: { bib: 'Bib', point: 'Split', gunTime: 'GunTime' }, timeUnit: 'min' });
    expect(parsed.success).toBe(false);
    expect(describeIssues(parsed.error!)).toBe('timeUnit: must be "s" (seconds) or "ms" (milliseconds), the unit of a time given as a bare number');
  });

  it('should say an empty answer is empty, in CSV and JSON alike', () => {
    const csv = FeedMapping.parse({ format: 'csv', fields: { bib: 'Bib', point: 'Split', gunTime: 'GunTime' } });
    expect(readMappedBody('', 'text/csv', csv, 'elite-men')).toBe('answered nothing (an empty body): no passing was read and nothing changed');
    expect(readMappedBody(' \r\n', 'text/csv', csv, 'elite-men')).toBe('answered nothing (an empty body): no passing was read and nothing changed');
    expect(readMappedBody('', 'application/json', mapping, 'elite-men')).toBe('answered nothing (an empty body): no passing was read and nothing changed');
  });
});
