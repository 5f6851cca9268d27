import { crawlOffset, frameAlignedTime } from '../../core';

/**
 * Where the crawl is, in whole output pixels travelled, as a function of hub time: never a per-frame
 * increment, so the speed is the same whatever rate frames are drawn at. The speed is in design px/s and
 * `scale` is output pixels per design pixel (see core crawlMotion). Starting, stopping or a new speed carry
 * on from the offset reached at the start of the frame the change falls in: nothing jumps.
 */
export function createCrawlClock(fps: number, scale: number, running: boolean, speedPxPerS: number) {
  let anchor: { time: number; offset: number } | null = null;
  let motion = { running, speedPxPerS };

  const travelled = (elapsedMs: number) => (motion.running ? crawlOffset(elapsedMs / 1000, motion.speedPxPerS, fps, scale) : 0);

  return {
    /** Output pixels travelled at hub time t (ms). The first call sets where the crawl starts from. */
    offsetAt(t: number): number {
      anchor ??= { time: t, offset: 0 };
      return anchor.offset + travelled(t - anchor.time);
    },
    /** Changes the motion from hub time t on. */
    set(running: boolean, speedPxPerS: number, t: number) {
      if (running === motion.running && speedPxPerS === motion.speedPxPerS) return;
      if (anchor) {
        const aligned = frameAlignedTime(Math.max(0, t - anchor.time), fps);
        anchor = { time: anchor.time + aligned, offset: anchor.offset + travelled(aligned) };
      }
      motion = { running, speedPxPerS };
    },
  };
}
export type CrawlClock = ReturnType<typeof createCrawlClock>;
