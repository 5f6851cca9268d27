import { describe, expect, it } from 'vitest';
import { HttpError } from '../httpRequest';
import { readEntrantQuery } from './raceDataApi';

const read = (query: string) => readEntrantQuery(new URLSearchParams(query));
function refusal(query: string): string {
  try {
    read(query);
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(400);
    return (error as Error).message;
  }
  throw new Error(`${query} was not refused`);
}

describe('the entrant search query', () => {
  it('reads q, offset and limit, with an empty query, the first page and 50 a page by default', () => {
    expect(read('')).toEqual({ q: '', offset: 0, limit: 50 });
    expect(read('q=Kip%20choge&offset=100&limit=200')).toEqual({ q: 'Kip choge', offset: 100, limit: 200 });
  });

  it('refuses a bad page or an unknown or repeated parameter with a sentence naming it', () => {
    expect(refusal('offset=-1')).toBe('Bad entrant search: offset: must be a whole number from 0 to 50000 (use ?q=<bib or name>&offset=<0 or more>&limit=<1 to 200>)');
    expect(refusal('limit=0')).toContain('limit: must be a whole number from 1 to 200');
    expect(refusal('limit=500')).toContain('limit: must be a whole number from 1 to 200');
    expect(refusal('limit=ten')).toContain('limit: must be a whole number from 1 to 200');
    expect(refusal('offset=99999')).toContain('offset: must be a whole number from 0 to 50000');
    expect(refusal(`q=${'x'.repeat(81)}`)).toContain('q: must be at most 80 characters: a bib or part of a name');
    expect(refusal('name=kip')).toContain('Unrecognized key: "name"');
    expect(refusal('q=1&q=2')).toBe('q is given more than once: give each of q, offset and limit at most once');
  });
});
