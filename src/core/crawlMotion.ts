import { frameIndex, toFrameRate } from './frameRate';

// A crawl that moves a fractional number of pixels per frame judders as the rounding alternates, so it
// moves a whole number every frame and the speed the designer asked for is approximated.
export function pixelsPerFrame(speedPxPerS: number, fps: number): number {
  if (!Number.isFinite(speedPxPerS) || speedPxPerS <= 0) {
    throw new RangeError(`Crawl speed must be a positive number of pixels per second, got ${speedPxPerS}`);
  }
  const { num, den } = toFrameRate(fps);
  return Math.max(1, Math.round((speedPxPerS * den) / num));
}

/** Whole pixels travelled after `elapsedS`; before the crawl starts (negative time) it holds at 0. */
export function crawlOffset(elapsedS: number, speedPxPerS: number, fps: number): number {
  const frames = Math.max(0, frameIndex(elapsedS, fps, 1));
  return frames * pixelsPerFrame(speedPxPerS, fps);
}

/** The speed actually shown on air, px/s, after rounding to whole pixels per frame. */
export function effectiveSpeed(speedPxPerS: number, fps: number): number {
  const { num, den } = toFrameRate(fps);
  return (pixelsPerFrame(speedPxPerS, fps) * num) / den;
}
