import { createFrameStats, type FrameHealth } from './frameStats';

/**
 * Calls `draw` once per display frame and measures the frames against the output's own rate: a page on a
 * 60 Hz display running a 50 fps output drops nothing, and any gap that misses a 50 fps frame is counted.
 */
export function runFrameLoop(draw: () => void, targetFps: number) {
  let running = true;
  const stats = createFrameStats(targetFps);
  const step = (now: number) => {
    if (!running) return;
    stats.tick(now);
    draw();
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
  return {
    health(): FrameHealth {
      return stats.health();
    },
    stop() {
      running = false;
    },
  };
}
