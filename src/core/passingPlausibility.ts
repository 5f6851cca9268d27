import { formatPace } from './pace';
import { plausibleRange, type RaceKind } from './plausibleRange';
import { formatTime } from './time';

/** A passing as plausibility sees it: where (metres, caption) and when (ms from the gun). */
export type PassingAt = { metres: number; label: string; elapsedMs: number };

// Same ceiling as typed splits (core/splits): 1:30/km between two points is beyond anyone, even downhill in a chair.
const FASTEST_MS_PER_KM = 90_000;

// A passing reaches the hub a little after it happened; a time this far beyond the race clock is not a delay.
export const CLOCK_TOLERANCE_MS = 30_000;

/**
 * Why a passing cannot be right and must wait for the operator, or null when it is plausible: faster than
 * anyone in this kind of race, ahead of the running race clock, not later than the athlete's previous point or
 * not earlier than their next one (a passing out of order, or a correction), or an impossible pace since the
 * previous point or to the next. `clockMs` is the race clock now (null before the gun).
 */
export function passingProblem(passing: PassingAt, context: { kind: RaceKind; clockMs: number | null; previous?: PassingAt; next?: PassingAt }): string | null {
  const at = `${formatTime(passing.elapsedMs)} at ${passing.label}`;
  if (context.clockMs === null) return `${at} arrived before the race has a gun time, so it can't be checked against the clock`;
  if (passing.elapsedMs > context.clockMs + CLOCK_TOLERANCE_MS) return `${at} is ahead of the race clock, which shows ${formatTime(Math.max(0, context.clockMs))}`;
  const [fastest] = plausibleRange(passing.metres, context.kind);
  if (passing.elapsedMs < fastest) {
    return `${at} is ${formatPace((passing.elapsedMs * 1000) / passing.metres, 'km')} from the start, faster than anyone in a ${context.kind} race (${formatTime(fastest)} is the quickest plausible)`;
  }
  const { previous, next } = context;
  if (previous && previous.metres < passing.metres) {
    if (passing.elapsedMs <= previous.elapsedMs) return `${at} is not later than the same athlete's ${formatTime(previous.elapsedMs)} at ${previous.label}`;
    const msPerKm = segmentPace(previous, passing);
    if (msPerKm < FASTEST_MS_PER_KM) return `${at} means ${formatPace(msPerKm, 'km')} since ${previous.label}, faster than anyone can race`;
  }
  if (next && next.metres > passing.metres) {
    if (passing.elapsedMs >= next.elapsedMs) return `${at} is not earlier than the same athlete's ${formatTime(next.elapsedMs)} at ${next.label}`;
    const msPerKm = segmentPace(passing, next);
    if (msPerKm < FASTEST_MS_PER_KM) return `${at} means ${formatPace(msPerKm, 'km')} from there to ${next.label} (${formatTime(next.elapsedMs)}), faster than anyone can race`;
  }
  return null;
}

/** ms per km between two passings of the same athlete, `from` the earlier point. */
function segmentPace(from: PassingAt, to: PassingAt): number {
  return ((to.elapsedMs - from.elapsedMs) * 1000) / (to.metres - from.metres);
}
