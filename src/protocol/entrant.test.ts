import { describe, expect, it } from 'vitest';
import { describeIssues } from './describeIssues';
import { Entrants, MAX_ENTRANTS, type Entrant } from './entrant';

const field = (count: number): Entrant[] => Array.from({ length: count }, (_, i) => ({ bib: String(i + 1), name: `Runner ${i + 1}`, country: 'KEN' }));
const problem = (list: unknown) => {
  const parsed = Entrants.safeParse(list);
  return parsed.success ? null : describeIssues(parsed.error);
};

describe('a start list', () => {
  it('reads each entrant with the Entrant schema: a country by name becomes its code, text is trimmed', () => {
    expect(Entrants.parse([{ bib: ' 7 ', name: 'Wilson Kipsang ', country: 'Kenya' }])).toEqual([{ bib: '7', name: 'Wilson Kipsang', country: 'KEN' }]);
  });

  it('names a bad entrant by its place in the list, and refuses a bib given twice', () => {
    expect(problem([{ bib: '1', name: 'A' }, { bib: '2', name: '', country: 'Narnia' }])).toMatch(/^1\.name: is required; 1\.country: "Narnia" is not a country/);
    expect(problem([{ bib: '1', name: 'A' }, { bib: '1', name: 'B' }])).toBe('bibs must be unique in a race');
    expect(problem({ bib: '1' })).toBe('must be a list of entrants');
  });

  it(`holds a mass start, up to ${MAX_ENTRANTS} entrants`, () => {
    expect(MAX_ENTRANTS).toBeGreaterThanOrEqual(40_000);
    expect(problem(field(MAX_ENTRANTS + 1))).toBe(`at most ${MAX_ENTRANTS} entrants in a race`);
  });

  it('still checks a new list made of checked entrants: a bad one added, a bib repeated', () => {
    const whole = field(3000);
    expect(Entrants.parse(whole)).toBe(whole);
    expect(problem([...whole, { bib: '3001', name: 'Bad\u0007name' }])).toBe('3000.name: must not contain control characters');
    expect(problem([...whole, whole[0]])).toBe('bibs must be unique in a race');
    expect(Entrants.parse([...whole.slice(1), { bib: 'F1', name: ' New ' }]).at(-1)).toEqual({ bib: 'F1', name: 'New' });
  });
});
