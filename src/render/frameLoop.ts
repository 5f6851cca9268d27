import { createFrameStats, type FrameHealth } from './frameStats';

/** Display frame intervals kept to estimate the display's period (the shortest of them). */
const PERIODS_KEPT = 32;

/**
 * Calls `draw` once per display frame with the frame's start (requestAnimationFrame's timestamp, on
 * performance.now's clock) and measures the frames against the output's own rate: a page on a 60 Hz display
 * running a 50 fps output drops nothing, and any gap that misses a 50 fps frame is counted.
 */
export function runFrameLoop(draw: (frameStart: number) => void, targetFps: number) {
  let running = true;
  const stats = createFrameStats(targetFps);
  let last: number | null = null;
  const intervals: number[] = [];
  const step = (now: number) => {
    if (!running) return;
    stats.tick(now);
    if (last !== null) {
      intervals.push(now - last);
      if (intervals.length > PERIODS_KEPT) intervals.shift();
    }
    last = now;
    draw(now);
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
  return {
    health(): FrameHealth {
      return stats.health();
    },
    /**
     * When the next display frame will start (performance.now's clock), from the last one's start and the
     * display's period (the shortest recent interval: a missed frame only lengthens one); `now` until known.
     */
    nextFrameAt(now: number): number {
      if (last === null || intervals.length === 0) return now;
      const period = Math.min(...intervals);
      if (!(period > 0)) return now;
      return last + Math.max(1, Math.ceil((now - last) / period)) * period;
    },
    stop() {
      running = false;
    },
  };
}
