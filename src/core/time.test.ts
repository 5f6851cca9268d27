import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MARATHON_M, METRES_PER_MILE } from './distance';
import { formatTime, parseTime, plausibleRange } from './time';

const hms = (h: number, m: number, s: number) => ((h * 60 + m) * 60 + s) * 1000;

function parsed(input: string, context?: Parameters<typeof parseTime>[1]) {
  const result = parseTime(input, context);
  if (!result.ok) throw new Error(`expected "${input}" to parse, got: ${result.error}`);
  return result.value;
}

function errorFor(input: string, context?: Parameters<typeof parseTime>[1]): string {
  const result = parseTime(input, context);
  if (result.ok) throw new Error(`expected "${input}" to be rejected, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('formatTime', () => {
  it('shows h:mm:ss from an hour and m:ss below it', () => {
    expect(formatTime(hms(2, 2, 48))).toBe('2:02:48');
    expect(formatTime(hms(0, 28, 37))).toBe('28:37');
    expect(formatTime(hms(0, 0, 5))).toBe('0:05');
  });

  it('shows hours below an hour when asked to', () => {
    expect(formatTime(hms(0, 28, 37), { hours: 'always' })).toBe('0:28:37');
  });

  it('appends tenths when asked, truncated so the clock never shows a tenth early', () => {
    expect(formatTime(hms(0, 28, 37) + 400, { tenths: true })).toBe('28:37.4');
    expect(formatTime(hms(0, 28, 37) + 999, { tenths: true })).toBe('28:37.9');
    expect(formatTime(hms(0, 28, 37) + 999)).toBe('28:37');
  });

  it('counts down before the gun without showing zero twice', () => {
    expect(formatTime(-5000)).toBe('-0:05');
    expect(formatTime(-4300)).toBe('-0:05');
    expect(formatTime(-1)).toBe('-0:01');
    expect(formatTime(0)).toBe('0:00');
    expect(formatTime(999)).toBe('0:00');
  });

  it('throws on NaN and Infinity rather than showing garbage on air', () => {
    expect(() => formatTime(Number.NaN)).toThrow('formatTime needs a finite number of milliseconds, got NaN');
    expect(() => formatTime(Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });

  it('never shows a second before it has happened', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36_000_000 - 1 }), (ms) => {
        const shown = parsed(formatTime(ms)).ms;
        expect(shown).toBeLessThanOrEqual(ms);
        expect(ms - shown).toBeLessThan(1000);
      }),
    );
  });
});

describe('parseTime', () => {
  it.each([
    ['1:01:24', hms(1, 1, 24), 'h:mm:ss', '1 h 1 min 24 s'],
    ['61:24', hms(1, 1, 24), 'm:ss', '1 h 1 min 24 s'],
    ['28:37', hms(0, 28, 37), 'm:ss', '28 min 37 s'],
    ['28:37.4', hms(0, 28, 37) + 400, 'athletics', '28 min 37.4 s'],
    [' 2 : 02 : 48 ', hms(2, 2, 48), 'h:mm:ss', '2 h 2 min 48 s'],
    ['1:01:24.5', hms(1, 1, 24) + 500, 'h:mm:ss', '1 h 1 min 24.5 s'],
    ['44.20', 44_200, 'seconds', '44.20 s'],
    ['28:37,4', hms(0, 28, 37) + 400, 'athletics', '28 min 37.4 s'],
  ])('reads "%s" as %d ms (%s): "%s"', (input, ms, notation, reading) => {
    expect(parsed(input)).toEqual({ ms, notation, reading });
  });

  it('reads 1:44.20 as athletics notation when nothing says otherwise, and says what it did not choose', () => {
    expect(parsed('1:44.20')).toEqual({
      ms: 104_200,
      notation: 'athletics',
      reading: 'read as 1 min 44.20 s (m:ss.hh), not 1 h 44 min 20 s',
    });
  });

  it("reads McFadden's winning 1:44.20 as 1:44:20 against the women's wheelchair finish range", () => {
    const context = { plausibleMs: plausibleRange(MARATHON_M, 'wheelchair-women') };
    expect(parsed('1:44.20', context)).toEqual({
      ms: hms(1, 44, 20),
      notation: 'h:mm:ss',
      reading: 'read as 1 h 44 min 20 s (h:mm.ss), not 1 min 44.20 s',
    });
  });

  it('reads the world record written 2:02.57 as 2:02:57 against the elite men finish range', () => {
    const context = { plausibleMs: plausibleRange(MARATHON_M, 'elite-men') };
    expect(parsed('2:02.57', context).ms).toBe(hms(2, 2, 57));
  });

  it('keeps the athletics reading when that is the one in range', () => {
    const context = { plausibleMs: [60_000, 180_000] as const };
    expect(parsed('1:44.20', context).reading).toBe('read as 1 min 44.20 s (m:ss.hh), not 1 h 44 min 20 s');
  });

  it('accepts a women’s 15-mile split of 1:21:xx as plausible and unambiguous', () => {
    const context = { plausibleMs: plausibleRange(15 * METRES_PER_MILE, 'elite-women') };
    expect(parsed('1:21:30', context)).toEqual({ ms: hms(1, 21, 30), notation: 'h:mm:ss', reading: '1 h 21 min 30 s' });
  });

  it('names both readings and the range when neither is plausible', () => {
    const context = { plausibleMs: plausibleRange(MARATHON_M, 'elite-men') };
    expect(errorFor('5:02.57', context)).toBe(
      '"5:02.57" could be 5 min 2.57 s (m:ss.hh) or 5 h 2 min 57 s (h:mm.ss), ' +
        'but neither is in the expected range 1:55:00–2:40:00.',
    );
  });

  it('rejects nonsense with a message the operator can act on', () => {
    expect(errorFor('')).toBe('Enter a time, for example 2:02:48, 28:37 or 1:44.20.');
    expect(errorFor('1:75:00')).toBe('"1:75:00": minutes must be 0–59 in h:mm:ss.');
    expect(errorFor('1:01:75')).toBe('"1:01:75": seconds must be 0–59 in h:mm:ss.');
    expect(errorFor('28:60')).toBe('"28:60": seconds must be 0–59 in m:ss.');
    expect(errorFor('1:75.20')).toBe('"1:75.20": seconds must be 0–59 in m:ss.hh.');
    expect(errorFor('-1:00')).toBe('"-1:00": a race time can\'t be negative.');
    expect(errorFor('abc')).toBe(
      '"abc" is not a time. Use h:mm:ss (2:02:48), m:ss (28:37) or m:ss.hh (1:44.20).',
    );
    expect(errorFor('1:2:3:4')).toBe(
      '"1:2:3:4" has too many parts. Use h:mm:ss (2:02:48), m:ss (28:37) or m:ss.hh (1:44.20).',
    );
    expect(errorFor('28:7')).toBe('"28:7": write two digits after each colon, e.g. 28:07.');
    expect(errorFor('28:37.4567')).toBe('"28:37.4567": give at most three decimal places.');
    expect(errorFor('1::24')).toMatch(/^"1::24" is not a time\./);
    expect(errorFor('28:37.')).toMatch(/^"28:37\." is not a time\./);
  });

  it('round-trips every whole second under ten hours through formatTime', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36_000 - 1 }), (seconds) => {
        expect(parsed(formatTime(seconds * 1000)).ms).toBe(seconds * 1000);
      }),
    );
  });

  it('round-trips every tenth of a second under ten hours through formatTime with tenths', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 360_000 - 1 }), (tenths) => {
        expect(parsed(formatTime(tenths * 100, { tenths: true })).ms).toBe(tenths * 100);
      }),
    );
  });
});
