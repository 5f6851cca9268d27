import { err, formatTime, ok, parseDistance, parseTime, plausibleRange, type Result } from '../../core';
import type { DistanceInput, RaceTimeInput } from '../../protocol/commands/raceCommands';
import type { Race } from '../../protocol/race';

// Same ceiling as the ElapsedMs schema: text must not get round what a number may not be.
const MAX_ELAPSED_MS = 24 * 3_600_000;

/**
 * A distance from a command: metres as sent, or text read against the race's distance the way the panel
 * reads it ("HALFWAY" is half of this race, "15 mi" is 24140.16 m).
 */
export function readDistance(input: DistanceInput, race: Race): Result<number> {
  if (typeof input === 'number') return ok(input);
  const parsed = parseDistance(input, race.distanceM);
  return parsed.ok ? ok(parsed.value.metres) : parsed;
}

/**
 * An elapsed time from a command: ms as sent, or text read with core parseTime against what is plausible
 * for this race at that distance, so "1:44.20" at a wheelchair finish is 1:44:20, not 1 min 44.20 s.
 */
export function readElapsed(input: RaceTimeInput, race: Race, atMetres: number): Result<number> {
  if (typeof input === 'number') return ok(input);
  const parsed = parseTime(input, { plausibleMs: plausibleRange(atMetres, race.kind) });
  if (!parsed.ok) return parsed;
  if (parsed.value.ms > MAX_ELAPSED_MS) return err(`"${input}" is ${formatTime(parsed.value.ms)}: a race time must be under 24 hours.`);
  return ok(parsed.value.ms);
}
