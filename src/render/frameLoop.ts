/** Frame timing as an output reports it: rate over the last second and frames that came late. */
export type FrameHealth = { fps: number; droppedFrames: number };

/**
 * Calls `draw` once per display frame. A frame interval over 1.5x the expected one counts as dropped
 * frames (how many vsyncs were missed).
 */
export function runFrameLoop(draw: () => void, expectedIntervalMs = 1000 / 60) {
  let running = true;
  let last: number | null = null;
  let dropped = 0;
  const stamps: number[] = [];
  const step = (now: number) => {
    if (!running) return;
    if (last !== null) {
      const interval = now - last;
      if (interval > expectedIntervalMs * 1.5) dropped += Math.round(interval / expectedIntervalMs) - 1;
    }
    last = now;
    stamps.push(now);
    while (stamps.length > 0 && stamps[0]! < now - 1000) stamps.shift();
    draw();
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
  return {
    health(): FrameHealth {
      return { fps: stamps.length, droppedFrames: dropped };
    },
    stop() {
      running = false;
    },
  };
}
