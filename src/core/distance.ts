import { err, ok, type Result } from './result';

export const MARATHON_M = 42195;
export const HALF_MARATHON_M = 21097.5;
export const METRES_PER_MILE = 1609.344;

/** A point on the course with its broadcast caption; `unit` is the caption's unit, not what was typed. */
export type Distance = { metres: number; label: string; unit: 'km' | 'mi' | 'named' };

// Mile markers never fall on whole metres (15 mi = 24140.16 m) and a typed 21.0975 km carries float noise,
// so captions snap to a named point or whole mile within a metre: closer than any course is measured.
const SNAP_M = 1;

// A bare "m" below this is someone typing miles ("15m"), not a split 15 metres after the gun.
const SMALLEST_BARE_METRES = 100;

const NAMED: Record<string, 'HALFWAY' | 'FINISH'> = {
  half: 'HALFWAY',
  halfway: 'HALFWAY',
  'half way': 'HALFWAY',
  'half-way': 'HALFWAY',
  finish: 'FINISH',
};

const UNITS: Record<string, 'km' | 'mi' | 'm'> = {
  k: 'km',
  km: 'km',
  kms: 'km',
  kilometre: 'km',
  kilometres: 'km',
  kilometer: 'km',
  kilometers: 'km',
  mi: 'mi',
  mile: 'mi',
  miles: 'mi',
  m: 'm',
  metre: 'm',
  metres: 'm',
  meter: 'm',
  meters: 'm',
};

const NUMBER_WITH_UNIT = /^([+-]?)(\d+(?:[.,]\d+)?|[.,]\d+) ?([a-z]*)$/;

export function formatKm(metres: number): string {
  return `${trimmed(metres / 1000, 4)} km`;
}

export function formatMiles(metres: number): string {
  return `${(metres / METRES_PER_MILE).toFixed(1)} mi`;
}

export function formatDistanceLabel(metres: number, raceDistanceM: number = MARATHON_M): string {
  return caption(metres, raceDistanceM).label;
}

export function parseDistance(input: string, raceDistanceM: number = MARATHON_M): Result<Distance> {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') return err('Enter a distance, for example 10K, 15 mi, HALFWAY or FINISH.');
  const lower = text.toLowerCase();

  const named = NAMED[lower];
  if (named === 'FINISH') return ok({ metres: raceDistanceM, label: 'FINISH', unit: 'named' });
  if (named === 'HALFWAY') return ok({ metres: raceDistanceM / 2, label: 'HALFWAY', unit: 'named' });

  const match = NUMBER_WITH_UNIT.exec(lower);
  if (!match) return err(`"${text}" is not a distance. Try 10K, 15 mi, 5000 m, HALFWAY or FINISH.`);
  const [, sign = '', digits = '', unitWord = ''] = match;

  if (unitWord === '') return err(`"${text}" needs a unit: write ${digits} km or ${digits} mi.`);
  const unit = UNITS[unitWord];
  if (!unit) return err(`"${text}" has a unit I don't know ("${unitWord}"). Use km, mi or m.`);
  if (unit === 'm' && /^\d{1,3},\d{3}$/.test(digits)) {
    return err(`"${text}": write metres without a thousands separator, e.g. ${digits.replace(',', '')} m.`);
  }

  const value = Number(digits.replace(',', '.'));
  if (sign === '-' || value === 0) return err(`A distance must be greater than zero ("${text}").`);
  if (unitWord === 'm' && value < SMALLEST_BARE_METRES) {
    return err(`"${text}" is ambiguous: write ${value} mi for miles or ${value} km for kilometres.`);
  }

  const metres = roundToMillimetre(value * METRES_PER_UNIT[unit]);
  if (metres > raceDistanceM + SNAP_M) {
    return err(
      `${value} ${unitName(unit, value)} is beyond the race distance of ` +
        `${formatKm(raceDistanceM)} (${formatMiles(raceDistanceM)}).`,
    );
  }
  const snapped = snapToNamedPoint(metres, raceDistanceM);
  return ok({ metres: snapped, ...caption(snapped, raceDistanceM) });
}

const METRES_PER_UNIT = { km: 1000, mi: METRES_PER_MILE, m: 1 } as const;

function caption(metres: number, raceM: number): Pick<Distance, 'label' | 'unit'> {
  if (Math.abs(metres - raceM) <= SNAP_M) return { label: 'FINISH', unit: 'named' };
  if (Math.abs(metres - raceM / 2) <= SNAP_M) return { label: 'HALFWAY', unit: 'named' };
  const wholeKm = Math.round(metres / 1000);
  if (Math.abs(metres - wholeKm * 1000) < 0.001) return { label: `${wholeKm}K`, unit: 'km' };
  const wholeMiles = Math.round(metres / METRES_PER_MILE);
  if (wholeMiles >= 1 && Math.abs(metres - wholeMiles * METRES_PER_MILE) <= SNAP_M) {
    return { label: wholeMiles === 1 ? '1 MILE' : `${wholeMiles} MILES`, unit: 'mi' };
  }
  return { label: `${trimmed(metres / 1000, 3)}K`, unit: 'km' };
}

function snapToNamedPoint(metres: number, raceM: number): number {
  if (Math.abs(metres - raceM) <= SNAP_M) return raceM;
  if (Math.abs(metres - raceM / 2) <= SNAP_M) return raceM / 2;
  return metres;
}

function unitName(unit: 'km' | 'mi' | 'm', value: number): string {
  if (unit === 'mi') return value === 1 ? 'mile' : 'miles';
  return unit;
}

function roundToMillimetre(metres: number): number {
  return Math.round(metres * 1000) / 1000;
}

function trimmed(value: number, maxDecimals: number): string {
  return String(Number(value.toFixed(maxDecimals)));
}

/** The distances a race may have: from a mile to 100 km (the RaceDistanceM schema's range). */
export const RACE_DISTANCE_RANGE_M = [METRES_PER_MILE, 100_000] as const;

const NAMED_RACES: Record<string, number> = { marathon: MARATHON_M, 'half marathon': HALF_MARATHON_M, 'half-marathon': HALF_MARATHON_M };

/**
 * A whole race's distance as typed when setting a race up: "marathon", "half marathon", "10K", "10 mi",
 * "42.195 km", "50000 m". Course points (HALFWAY, FINISH) are not race distances and are refused.
 */
export function parseRaceDistance(input: string): Result<number> {
  const text = input.trim().replace(/\s+/g, ' ').toLowerCase();
  if (text === '') return err('Enter the race distance, for example marathon, half marathon, 10K or 10 mi.');
  const named = NAMED_RACES[text];
  if (named !== undefined) return ok(named);
  if (NAMED[text]) return err(`"${input.trim()}" is a point on a course, not a race distance: write marathon, 42.195 km or 10 mi.`);
  const [min, max] = RACE_DISTANCE_RANGE_M;
  const read = parseDistance(text, Number.MAX_SAFE_INTEGER);
  if (!read.ok) return read;
  const metres = read.value.metres;
  if (metres < min - SNAP_M || metres > max + SNAP_M) {
    return err(`${formatKm(metres)} is not a race distance here: a race is from 1 mile to 100 km.`);
  }
  return ok(Math.min(max, Math.max(min, metres)));
}
