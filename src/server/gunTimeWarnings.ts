import { formatTime } from '../core';
import type { Race } from '../protocol/race';

/**
 * Why a race's gun time contradicts its splits: the latest split is later than the race clock that gun gives
 * (now, or at the finish once it has finished), so the clock on air would read less than a split beside it. Not
 * a refusal: an operator may set the gun in steps, or the split may be the wrong one.
 */
export function gunTimeWarnings(race: Race, now: number): string[] {
  const latest = race.splits.at(-1);
  if (race.gunTime === null || !latest) return [];
  // The clock every output computes: from the gun to now, or to the finish (race clock graphic, core/raceClock).
  const clockMs = (race.finishedAt ?? now) - race.gunTime;
  if (latest.elapsedMs <= clockMs) return [];
  const clock = clockMs < 0 ? `${formatTime(clockMs)}, a countdown to the gun` : formatTime(clockMs);
  return [`${latest.label} ${formatTime(latest.elapsedMs)} is ahead of the race clock this gun gives (${clock}): check the gun time`];
}
