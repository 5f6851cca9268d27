/** Frame intervals over a recent window, in ms. */
export type FrameIntervals = { p50: number; p95: number; p99: number; max: number };

/** Frame timing as an output reports it to the hub. */
export type FrameHealth = {
  /** Frames the browser gave the page over the last second. */
  fps: number;
  /** Output frames (at the target rate) that passed with no frame drawn, since the start. */
  droppedFrames: number;
  /** Over the last `windowMs`; null until two frames have been seen. */
  intervals: FrameIntervals | null;
};

/**
 * Counts an output's frames from their timestamps (requestAnimationFrame's, in ms). A gap between two frames
 * of n output frame periods (rounded) means n - 1 frames were missed at the output's rate: at 50 fps a 40 ms
 * gap is one dropped frame, while a 60 Hz display's 16.7 ms ticks drop none. Pure: the caller supplies time.
 */
export function createFrameStats(targetFps: number, windowMs = 10_000) {
  const periodMs = 1000 / targetFps;
  const stamps: number[] = [];
  const intervals: number[] = [];
  let span = 0; // the sum of `intervals`, kept as they come and go
  let last: number | null = null;
  let dropped = 0;
  // An output reports its health with every revision it draws (several a second under a timing feed): the
  // percentiles, a sort of the window, are worked out at most every PERCENTILES_EVERY_MS of frames.
  let cached: { at: number; intervals: FrameIntervals } | null = null;
  return {
    tick(now: number) {
      if (last !== null) {
        const interval = now - last;
        dropped += Math.max(0, Math.round(interval / periodMs) - 1);
        intervals.push(interval);
        span += interval;
      }
      last = now;
      stamps.push(now);
      while (stamps.length > 0 && stamps[0]! <= now - 1000) stamps.shift();
      // The window holds at most windowMs of intervals at any display rate up to 240 Hz.
      while (intervals.length > (windowMs / 1000) * 240) span -= intervals.shift()!;
      while (intervals.length > 1 && span - intervals[0]! >= windowMs) span -= intervals.shift()!;
    },
    health(): FrameHealth {
      if (intervals.length === 0) return { fps: stamps.length, droppedFrames: dropped, intervals: null };
      // There are intervals, so there has been a frame: `last` is set.
      if (!cached || last! - cached.at >= PERCENTILES_EVERY_MS) cached = { at: last!, intervals: percentiles(intervals) };
      return { fps: stamps.length, droppedFrames: dropped, intervals: cached.intervals };
    },
  };
}

/** How stale an output's reported frame-interval percentiles may be (they describe the last 10 s). */
const PERCENTILES_EVERY_MS = 500;

/**
 * When the next display frame starts after `now`, from the last frame's start and recent frame intervals: the
 * display's period is the shortest of them (a missed frame only lengthens one). `now` while unknown.
 */
export function nextFrameStart(lastStart: number | null, intervals: readonly number[], now: number): number {
  const period = Math.min(...intervals);
  if (lastStart === null || !(period > 0) || !Number.isFinite(period)) return now;
  return lastStart + Math.max(1, Math.ceil((now - lastStart) / period)) * period;
}

/** Nearest-rank percentiles, rounded to 0.1 ms. */
export function percentiles(values: readonly number[]): FrameIntervals {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!);
  return { p50: rank(50), p95: rank(95), p99: rank(99), max: round(sorted[sorted.length - 1]!) };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
