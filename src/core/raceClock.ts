import { frameIndex, frameStart } from './frameRate';

/** One round trip to the hub: local clock when sent and when the reply came back, hub clock in the reply. */
export type ClockSample = { sentLocal: number; hubTime: number; receivedLocal: number };

/** Hub clock minus local clock, and the round trip of the sample(s) it came from. */
export type ClockOffset = { offsetMs: number; roundTripMs: number };

// The race clock is always computed as (hub now − gun time), never ticked: a ticked clock drifts, and
// every output that computes it the same way shows the same second.
export function elapsedMs(gunTimeMs: number, hubNowMs: number): number {
  return hubNowMs - gunTimeMs;
}

export function hubNow(localNowMs: number, offsetMs: number): number {
  return localNowMs + offsetMs;
}

/** Whole seconds shown on the clock; floor, so a second never appears before it has happened. */
export function shownSecond(elapsed: number): number {
  return Math.floor(elapsed / 1000);
}

/**
 * NTP-style offset. The shortest round trip leaves the least room for the request and reply legs to differ,
 * so its midpoint is the best guess at when the hub read its clock. Ties are averaged.
 */
export function estimateClockOffset(samples: readonly ClockSample[]): ClockOffset {
  const usable = samples.filter((s) => s.receivedLocal >= s.sentLocal);
  if (usable.length === 0) {
    throw new RangeError('estimateClockOffset needs at least one sample received after it was sent');
  }
  const roundTrip = (s: ClockSample) => s.receivedLocal - s.sentLocal;
  const roundTripMs = Math.min(...usable.map(roundTrip));
  const best = usable.filter((s) => roundTrip(s) === roundTripMs);
  const offsets = best.map((s) => s.hubTime - (s.sentLocal + s.receivedLocal) / 2);
  return { offsetMs: offsets.reduce((a, b) => a + b, 0) / offsets.length, roundTripMs };
}

/**
 * Start (ms) of the frame `timeMs` falls in, so clocks change on frame boundaries. At 29.97 and 59.94 fps
 * (30000/1001, 60000/1001) this is fractional on purpose: rounding up would show a second up to 1 ms early.
 */
export function frameAlignedTime(timeMs: number, fps: number): number {
  return frameStart(frameIndex(timeMs, fps, 1000), fps, 1000);
}
