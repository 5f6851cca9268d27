import { METRES_PER_MILE } from './distance';

export type PaceUnit = 'km' | 'mi';

export function pacePerKm(ms: number, metres: number): number {
  return msPer(1000, ms, metres);
}

export function pacePerMile(ms: number, metres: number): number {
  return msPer(METRES_PER_MILE, ms, metres);
}

/** "2:55/km". Rounded to the nearest second: pace is a rate, not a clock, and captions conventionally round it. */
export function formatPace(msPerUnit: number, unit: PaceUnit): string {
  return `${formatPaceClock(msPerUnit)}/${unit}`;
}

/** "2:55": a pace without its unit, for a column whose heading names it (PER KM). Rounded as formatPace. */
export function formatPaceClock(msPerUnit: number): string {
  if (!Number.isFinite(msPerUnit) || msPerUnit < 0) {
    throw new RangeError(`formatPace needs a non-negative finite pace, got ${msPerUnit}`);
  }
  const seconds = Math.round(msPerUnit / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function msPer(unitMetres: number, ms: number, metres: number): number {
  if (!(metres > 0)) throw new RangeError(`Pace needs a distance greater than zero, got ${metres} m`);
  return (ms * unitMetres) / metres;
}
