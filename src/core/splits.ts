import { MARATHON_M, formatKm, formatMiles } from './distance';
import { formatPace } from './pace';
import { err, ok, type Result } from './result';
import { formatTime } from './time';

/** A timing point reached: where, at what elapsed race time, and its caption. */
export type Split = { metres: number; elapsedMs: number; label: string };

// 1:30/km is 40 km/h sustained between timing points: beyond even elite wheelchair racers on a descent
// (they touch ~2:10/km on long downhills), so anything quicker is a typo in the time or the distance.
const FASTEST_MS_PER_KM = 90_000;

// Same tolerance as distance captions: a split within a metre of the finish is the finish.
const SNAP_M = 1;

/** The split furthest along the course (the later one wins a tie), or undefined when there are none. */
export function latestSplit(splits: readonly Split[]): Split | undefined {
  let latest: Split | undefined;
  for (const split of splits) if (!latest || split.metres >= latest.metres) latest = split;
  return latest;
}

/** Checks a new split against the race and the splits already entered; splits are entered in course order. */
export function validateSplit(split: Split, previous: readonly Split[], raceM: number = MARATHON_M): Result<Split> {
  const at = (s: Split) => `${s.label} at ${formatTime(s.elapsedMs)}`;
  if (!(split.metres > 0)) return err(`${split.label} must be after the start line.`);
  if (!(split.elapsedMs > 0)) return err(`${at(split)} is not after the gun.`);
  if (split.metres > raceM + SNAP_M) {
    return err(`${split.label} is beyond the race distance of ${formatKm(raceM)} (${formatMiles(raceM)}).`);
  }

  const before = latestSplit(previous);
  if (before && split.metres <= before.metres) {
    return err(`${split.label} is not after the latest split, ${before.label}: enter splits in course order.`);
  }
  if (before && split.elapsedMs <= before.elapsedMs) {
    const relation = split.elapsedMs < before.elapsedMs ? 'is earlier than' : 'is not later than';
    return err(`${at(split)} ${relation} ${at(before)}.`);
  }

  const fromMetres = before?.metres ?? 0;
  const fromMs = before?.elapsedMs ?? 0;
  const msPerKm = ((split.elapsedMs - fromMs) * 1000) / (split.metres - fromMetres);
  if (msPerKm < FASTEST_MS_PER_KM) {
    const since = before ? `since ${before.label}` : 'from the start';
    return err(
      `${at(split)} means ${formatPace(msPerKm, 'km')} ${since}, faster than anyone can race ` +
        `(${formatPace(FASTEST_MS_PER_KM, 'km')}). Check the time and the distance.`,
    );
  }
  return ok(split);
}
