/** A frame rate as an exact ratio, so 29.97 fps is 30000/1001 and frame boundaries never drift over a show. */
export type FrameRate = { num: number; den: number };

// The NTSC family is specified as base*1000/1001; operators write it rounded (29.97, 59.94, 23.976).
const NTSC_BASES = [24, 30, 48, 60, 120];

// Float arithmetic can put a computed frame start a few ulps below its boundary; a timestamp within a
// millionth of a frame (~33 ns at 30 fps) of a boundary is that boundary, however the caller computed it.
const BOUNDARY_EPSILON_FRAMES = 1e-6;

export function toFrameRate(fps: number): FrameRate {
  if (!Number.isFinite(fps) || fps <= 0) {
    throw new RangeError(`Frame rate must be a positive number of frames per second, got ${fps}`);
  }
  for (const base of NTSC_BASES) {
    if (Math.abs(fps - (base * 1000) / 1001) < 0.005) return { num: base * 1000, den: 1001 };
  }
  if (Number.isInteger(fps)) return { num: fps, den: 1 };
  return { num: Math.round(fps * 1000), den: 1000 };
}

/** Index k of the frame containing `time`; frame k covers [k/fps, (k+1)/fps) seconds. */
export function frameIndex(time: number, fps: number, unitsPerSecond: number): number {
  const { num, den } = toFrameRate(fps);
  const frames = (time * num) / (den * unitsPerSecond);
  // Rounding grows with magnitude: at epoch-ms hub times (1.5e12) a 59.94 fps frame count (~9e10) carries
  // ~1e-5 frames of float error, more than the fixed epsilon, so a computed frame start could fall back
  // into the previous frame. The slack scales with the count (still under 10 µs at those times).
  return Math.floor(frames + Math.max(BOUNDARY_EPSILON_FRAMES, Math.abs(frames) * 8 * Number.EPSILON));
}

/** Start of frame k, in the same units as `unitsPerSecond` (1000 for ms, 1 for seconds). */
export function frameStart(k: number, fps: number, unitsPerSecond: number): number {
  const { num, den } = toFrameRate(fps);
  return (k * den * unitsPerSecond) / num;
}
