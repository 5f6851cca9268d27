import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HALF_MARATHON_M,
  MARATHON_M,
  METRES_PER_MILE,
  formatDistanceLabel,
  formatKm,
  formatMiles,
  parseDistance,
  parseRaceDistance,
} from './distance';

function parsed(input: string, raceM?: number) {
  const result = parseDistance(input, raceM);
  if (!result.ok) throw new Error(`expected "${input}" to parse, got: ${result.error}`);
  return result.value;
}

function errorFor(input: string, raceM?: number): string {
  const result = parseDistance(input, raceM);
  if (result.ok) throw new Error(`expected "${input}" to be rejected, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('marathon distances', () => {
  it('shows the marathon as 42.195 km and 26.2 mi', () => {
    expect(MARATHON_M).toBe(42195);
    expect(formatKm(MARATHON_M)).toBe('42.195 km');
    expect(formatMiles(MARATHON_M)).toBe('26.2 mi');
  });

  it('shows halfway as 21.0975 km', () => {
    expect(HALF_MARATHON_M).toBe(MARATHON_M / 2);
    expect(formatKm(HALF_MARATHON_M)).toBe('21.0975 km');
  });

  it('always gives miles to one decimal place', () => {
    expect(formatMiles(15 * METRES_PER_MILE)).toBe('15.0 mi');
  });
});

describe('parseDistance', () => {
  it.each([
    ['10K', 10_000, '10K', 'km'],
    ['10 km', 10_000, '10K', 'km'],
    ['10km', 10_000, '10K', 'km'],
    ['  10   K ', 10_000, '10K', 'km'],
    ['25K', 25_000, '25K', 'km'],
    ['5000 m', 5_000, '5K', 'km'],
    ['32,5 km', 32_500, '32.5K', 'km'],
    ['15 MILES', 15 * METRES_PER_MILE, '15 MILES', 'mi'],
    ['15 mi', 15 * METRES_PER_MILE, '15 MILES', 'mi'],
    ['20 miles', 20 * METRES_PER_MILE, '20 MILES', 'mi'],
    ['1 mile', METRES_PER_MILE, '1 MILE', 'mi'],
    ['21.0975 km', HALF_MARATHON_M, 'HALFWAY', 'named'],
    ['21,0975 km', HALF_MARATHON_M, 'HALFWAY', 'named'],
    ['HALFWAY', HALF_MARATHON_M, 'HALFWAY', 'named'],
    ['halfway', HALF_MARATHON_M, 'HALFWAY', 'named'],
    ['half', HALF_MARATHON_M, 'HALFWAY', 'named'],
    ['FINISH', MARATHON_M, 'FINISH', 'named'],
    ['finish', MARATHON_M, 'FINISH', 'named'],
    ['42.195 km', MARATHON_M, 'FINISH', 'named'],
  ])('reads "%s" as %d m captioned %s', (input, metres, label, unit) => {
    const distance = parsed(input);
    expect(distance.metres).toBeCloseTo(metres, 6);
    expect(distance.label).toBe(label);
    expect(distance.unit).toBe(unit);
  });

  it('measures HALFWAY and FINISH against the race being covered', () => {
    expect(parsed('halfway', 10_000)).toEqual({ metres: 5_000, label: 'HALFWAY', unit: 'named' });
    expect(parsed('finish', 10_000)).toEqual({ metres: 10_000, label: 'FINISH', unit: 'named' });
  });

  it('rejects "15m" because it could mean miles or kilometres, and says what to type', () => {
    expect(errorFor('15m')).toBe('"15m" is ambiguous: write 15 mi for miles or 15 km for kilometres.');
    expect(errorFor('15M')).toBe('"15M" is ambiguous: write 15 mi for miles or 15 km for kilometres.');
  });

  it('names the race distance in both units when a split is beyond it', () => {
    expect(errorFor('27 miles')).toBe('27 miles is beyond the race distance of 42.195 km (26.2 mi).');
    expect(errorFor('42.2 km')).toBe('42.2 km is beyond the race distance of 42.195 km (26.2 mi).');
    expect(errorFor('6 mi', 5_000)).toBe('6 miles is beyond the race distance of 5 km (3.1 mi).');
  });

  it('explains empty, zero, negative, unitless and non-numeric input', () => {
    expect(errorFor('   ')).toBe('Enter a distance, for example 10K, 15 mi, HALFWAY or FINISH.');
    expect(errorFor('0 km')).toBe('A distance must be greater than zero ("0 km").');
    expect(errorFor('-5 km')).toBe('A distance must be greater than zero ("-5 km").');
    expect(errorFor('10')).toBe('"10" needs a unit: write 10 km or 10 mi.');
    expect(errorFor('abc')).toBe('"abc" is not a distance. Try 10K, 15 mi, 5000 m, HALFWAY or FINISH.');
    expect(errorFor('10 ft')).toBe('"10 ft" has a unit I don\'t know ("ft"). Use km, mi or m.');
  });

  it('refuses to guess whether the comma in "5,000 m" is a decimal point', () => {
    expect(errorFor('5,000 m')).toBe('"5,000 m": write metres without a thousands separator, e.g. 5000 m.');
  });
});

describe('formatDistanceLabel', () => {
  it.each([
    [10_000, '10K'],
    [15 * METRES_PER_MILE, '15 MILES'],
    [METRES_PER_MILE, '1 MILE'],
    [HALF_MARATHON_M, 'HALFWAY'],
    [MARATHON_M, 'FINISH'],
    [32_500, '32.5K'],
  ])('captions %d m as %s', (metres, label) => {
    expect(formatDistanceLabel(metres, MARATHON_M)).toBe(label);
  });

  it('treats a point within a metre of a mile marker or of halfway as that point', () => {
    expect(formatDistanceLabel(15 * METRES_PER_MILE + 0.9, MARATHON_M)).toBe('15 MILES');
    expect(formatDistanceLabel(HALF_MARATHON_M - 0.9, MARATHON_M)).toBe('HALFWAY');
    expect(formatDistanceLabel(HALF_MARATHON_M + 2.5, MARATHON_M)).toBe('21.1K');
  });

  it('round-trips every whole kilometre within the marathon through parseDistance', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 42 }), (km) => {
        const label = formatDistanceLabel(km * 1000, MARATHON_M);
        expect(label).toBe(`${km}K`);
        expect(parsed(label).metres).toBe(km * 1000);
      }),
    );
  });

  it('round-trips every whole mile within the marathon through parseDistance', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 26 }), (miles) => {
        const label = formatDistanceLabel(miles * METRES_PER_MILE, MARATHON_M);
        expect(label).toBe(miles === 1 ? '1 MILE' : `${miles} MILES`);
        const distance = parsed(label);
        expect(distance.metres).toBeCloseTo(miles * METRES_PER_MILE, 6);
        expect(distance.label).toBe(label);
      }),
    );
  });
});

describe('parseRaceDistance', () => {
  it('reads a race distance by name or with its unit', () => {
    expect(parseRaceDistance('Marathon')).toEqual({ ok: true, value: MARATHON_M });
    expect(parseRaceDistance('half  marathon')).toEqual({ ok: true, value: HALF_MARATHON_M });
    expect(parseRaceDistance('10K')).toEqual({ ok: true, value: 10_000 });
    expect(parseRaceDistance('42.195 km')).toEqual({ ok: true, value: MARATHON_M });
    expect(parseRaceDistance('10 mi')).toEqual({ ok: true, value: 16093.44 });
    expect(parseRaceDistance('1 mile')).toEqual({ ok: true, value: METRES_PER_MILE });
  });

  it('refuses a course point, a distance outside a mile to 100 km, and a missing unit, saying why', () => {
    expect(parseRaceDistance('HALFWAY')).toEqual({ ok: false, error: '"HALFWAY" is a point on a course, not a race distance: write marathon, 42.195 km or 10 mi.' });
    expect(parseRaceDistance('500 m')).toEqual({ ok: false, error: '0.5 km is not a race distance here: a race is from 1 mile to 100 km.' });
    expect(parseRaceDistance('42195 km')).toEqual({ ok: false, error: '42195 km is not a race distance here: a race is from 1 mile to 100 km.' });
    expect(parseRaceDistance('42')).toEqual({ ok: false, error: '"42" needs a unit: write 42 km or 42 mi.' });
    expect(parseRaceDistance(' ')).toEqual({ ok: false, error: 'Enter the race distance, for example marathon, half marathon, 10K or 10 mi.' });
  });
});
