import { createFrameStats, nextFrameStart, type FrameHealth } from './frameStats';

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
    /** When the next display frame will start, on performance.now's clock (see nextFrameStart). */
    nextFrameAt: (now: number) => nextFrameStart(last, intervals, now),
    stop() {
      running = false;
    },
  };
}
