import Papa from 'papaparse';
import { z } from 'zod';
import { parseTime } from '../../core';
import type { IncomingPassing } from './feedIngest';

/**
 * How to read a pulled feed (a small JSON file in the feeds folder): which of the feed's fields is the bib, the
 * timing point, the time (from the gun, or chip time when there is no gun time) and the race; what its point
 * and race names mean here. See README "Timing feeds".
 */
export const FeedMapping = z.strictObject({
  format: z.enum(['json', 'csv']),
  /** JSON: the dotted path to the array of rows ("data.passings"); absent, the body is the array. */
  rows: z.string().max(100).optional(),
  fields: z
    .strictObject({
      bib: z.string().min(1).max(60),
      point: z.string().min(1).max(60),
      gunTime: z.string().min(1).max(60).optional(),
      chipTime: z.string().min(1).max(60).optional(),
      race: z.string().min(1).max(60).optional(),
    })
    .refine((f) => f.gunTime !== undefined || f.chipTime !== undefined, 'give gunTime or chipTime: the field with the time'),
  /** The feed's timing point names and their metres ("HALF": 21097.5); absent, the point field holds metres. */
  points: z.record(z.string().max(60), z.number().positive().max(100_000)).optional(),
  /** The feed's race names and the show's race ids ("Elite Men": "elite-men"); absent, the race field is the id. */
  races: z.record(z.string().max(60), z.string().max(40)).optional(),
  /**
   * The unit of a time given as a bare number ("1782", "1782.0", 1782.5): milliseconds (the default, as before this
   * field) or seconds. One column has one reading: a decimal is read in the same unit as a whole number.
   */
  timeUnit: z.enum(['s', 'ms'], { error: 'must be "s" (seconds) or "ms" (milliseconds), the unit of a time given as a bare number' }).optional(),
});
export type FeedMapping = z.infer<typeof FeedMapping>;

/**
 * Reads a pulled body with a mapping into passings (each naming its row), or a sentence saying why the body
 * as a whole can't be read: HTML where JSON was expected, text that is not JSON, rows without the mapped fields.
 */
export function readMappedBody(body: string, contentType: string, mapping: FeedMapping, defaultRaceId: string | undefined): IncomingPassing[] | string {
  const trimmed = body.trim();
  // Papa would call an empty CSV answer one whose delimiter it can't detect; it is simply empty.
  if (trimmed === '') return 'answered nothing (an empty body): no passing was read and nothing changed';
  if (/html/i.test(contentType) || /^<(!doctype|html|head|body)/i.test(trimmed)) return `answered an HTML page, not ${mapping.format.toUpperCase()} (it starts "${preview(trimmed)}")`;
  let rows: Record<string, unknown>[];
  if (mapping.format === 'json') {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      return `answered something that is not JSON (${(error as Error).message}; it starts "${preview(trimmed)}")`;
    }
    const found = mapping.rows ? mapping.rows.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), json) : json;
    if (!Array.isArray(found)) return `has no list of rows at ${mapping.rows ? `"${mapping.rows}"` : 'its top level'}`;
    rows = found.filter((row): row is Record<string, unknown> => row !== null && typeof row === 'object');
  } else {
    const parsed = Papa.parse<Record<string, string>>(trimmed, { header: true, skipEmptyLines: 'greedy' });
    if (parsed.errors.length > 0 && parsed.data.length === 0) return `answered CSV that can't be read: ${parsed.errors[0]!.message}`;
    rows = parsed.data;
  }
  if (rows.length === 0) return [];
  const { bib, point, gunTime, chipTime } = mapping.fields;
  const missing = [bib, point].filter((field) => !rows.some((row) => field in row)).map((f) => `"${f}"`);
  // Either time will do: a feed may give only chip times (a row falls back to its chip time, readRow).
  const timeFields = [gunTime, chipTime].filter((f) => f !== undefined);
  if (!timeFields.some((field) => rows.some((row) => field in row))) missing.push(timeFields.map((f) => `"${f}"`).join(' or '));
  if (missing.length > 0) {
    return `has no field ${missing.join(' or ')} in any row (its fields are ${Object.keys(rows[0]!).slice(0, 12).join(', ')}): have its field names changed? Update the mapping file.`;
  }
  return rows.map((row, i) => readRow(row, i + 1, mapping, defaultRaceId));
}

function readRow(row: Record<string, unknown>, n: number, mapping: FeedMapping, defaultRaceId: string | undefined): IncomingPassing {
  const { fields } = mapping;
  const bib = String(row[fields.bib] ?? '').trim();
  const where = `row ${n}${bib ? ` (bib ${bib})` : ''}`;
  const pointValue = String(row[fields.point] ?? '').trim();
  const metres = mapping.points ? mapping.points[pointValue] : Number(pointValue);
  const timeFields = [fields.gunTime, fields.chipTime].filter((f) => f !== undefined);
  // A blank cell is an absent field: CSV has no way to leave a field out, so a row without a gun time has it empty.
  const timeValue = timeFields.map((f) => row[f]).find((value) => value !== undefined && value !== null && String(value).trim() !== '');
  const elapsedMs = timeValue === undefined ? undefined : readTime(timeValue, mapping.timeUnit ?? 'ms');
  const raceValue = fields.race ? String(row[fields.race] ?? '').trim() : '';
  const raceId = raceValue ? (mapping.races?.[raceValue] ?? raceValue) : defaultRaceId;
  const problem =
    metres === undefined || Number.isNaN(metres)
      ? `timing point "${pointValue}" is not one the mapping knows${mapping.points ? ` (${Object.keys(mapping.points).join(', ')})` : ' (it should be metres)'}`
      : timeValue === undefined
        ? `no time: its ${timeFields.join(' and ')} ${timeFields.length > 1 ? 'are' : 'is'} empty`
        : typeof elapsedMs === 'string'
          ? `time ${elapsedMs}`
          : undefined;
  return { row: where, raceId, bib, metres, elapsedMs, ...(problem ? { problem } : {}) };
}

/**
 * A bare number (a JSON number, or text like "1782", "1782.0", "1782,4") in the mapping's unit, to whole ms; a time
 * as text ("1:01:24", "28:37.4"). What can't be read is passed on to be refused by name.
 */
function readTime(value: unknown, unit: 's' | 'ms'): unknown {
  const scale = unit === 's' ? 1000 : 1;
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value * scale) : value;
  if (typeof value !== 'string') return value;
  const bare = value.trim().replace(',', '.');
  if (/^\d+(\.\d+)?$/.test(bare)) return Math.round(Number(bare) * scale);
  const parsed = parseTime(value);
  return parsed.ok ? parsed.value.ms : `"${value}" (${parsed.error})`;
}

function preview(text: string): string {
  return text.slice(0, 40).replace(/\s+/g, ' ');
}
