import { frameIndex, toFrameRate } from './frameRate';

// A crawl that moves a fractional number of pixels per frame judders as the rounding alternates, and text on
// a fractional pixel shimmers as its edges resample, so the crawl moves a whole number of the output's own
// pixels every frame and the speed the designer asked for is approximated.
//
// Speeds are in pixels per second of the 1920-wide design frame; `scale` is output pixels per design pixel
// (2/3 at 720p, 1 at 1080p, 2 at 2160p: createOutputScene's scale). Offsets are in output pixels.

/** Whole output pixels moved per frame, at least one. */
export function pixelsPerFrame(speedPxPerS: number, fps: number, scale = 1): number {
  if (!Number.isFinite(speedPxPerS) || speedPxPerS <= 0) {
    throw new RangeError(`Crawl speed must be a positive number of pixels per second, got ${speedPxPerS}`);
  }
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new RangeError(`Output scale must be a positive number of output pixels per design pixel, got ${scale}`);
  }
  const { num, den } = toFrameRate(fps);
  return Math.max(1, Math.round((speedPxPerS * scale * den) / num));
}

/** Whole output pixels travelled `elapsedS` after a crawl started at `speedPxPerS`; before it starts (negative time) it holds at 0. */
export function crawlOffset(elapsedS: number, speedPxPerS: number, fps: number, scale = 1): number {
  return crawlOffsetAt([{ from: 0, running: true, speedPxPerS }], elapsedS * 1000, fps, scale);
}

/** The speed actually shown on air, in design px/s, after rounding to whole output pixels per frame. */
export function effectiveSpeed(speedPxPerS: number, fps: number, scale = 1): number {
  const { num, den } = toFrameRate(fps);
  return (pixelsPerFrame(speedPxPerS, fps, scale) * num) / den / scale;
}

/** How the crawl moves from hub time `from` (ms) until the next entry. */
export type CrawlMotion = { from: number; running: boolean; speedPxPerS: number };

/**
 * Whole output pixels travelled at hub time t (ms) by a crawl whose motion is `motions` (oldest first; the
 * first starts the crawl). The crawl steps on the output's own frame boundaries, counted from the epoch, so
 * every output at the same rate and scale is at the same pixel at the same hub time whenever it started
 * drawing, and a change of speed carries on from the pixel reached: nothing jumps.
 */
export function crawlOffsetAt(motions: readonly CrawlMotion[], t: number, fps: number, scale = 1): number {
  let offset = 0;
  for (let i = 0; i < motions.length; i++) {
    const motion = motions[i]!;
    if (t <= motion.from) break;
    const until = Math.min(t, motions[i + 1]?.from ?? t);
    if (motion.running && until > motion.from) {
      offset += (frameIndex(until, fps, 1000) - frameIndex(motion.from, fps, 1000)) * pixelsPerFrame(motion.speedPxPerS, fps, scale);
    }
  }
  return offset;
}
