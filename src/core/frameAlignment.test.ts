import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameAlignedTime } from './raceClock';
import { FRAME_RATES } from './videoFormat';

// Outputs draw each frame at the start time of the output frame it falls in (src/output/outputPage.ts). These pin
// what that means for every rate an output runs at.
describe('frame-aligned output time', () => {
  it.each(FRAME_RATES)('at %s fps lands on the start of the frame holding t, never after t and less than a frame before', (fps) => {
    const period = fps === 29.97 ? 1001 / 30 : fps === 59.94 ? 1001 / 60 : 1000 / fps;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e13, noNaN: true }), (t) => {
        const at = frameAlignedTime(t, fps);
        // Tolerance: a millionth of a frame, the boundary epsilon in frameRate.ts, scaled by the magnitude.
        const slack = period * 1e-6 + Math.abs(t) * 1e-12;
        expect(at).toBeLessThanOrEqual(t + slack);
        expect(t - at).toBeLessThan(period + slack);
        expect(frameAlignedTime(at, fps)).toBe(at);
      }),
    );
  });

  it('keeps a frame start in its own frame at today\'s hub times (epoch ms), where 59.94 fps float rounding once moved it back', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.4e12, max: 2.1e12, noNaN: true }), fc.constantFrom(...FRAME_RATES), (t, fps) => {
        const at = frameAlignedTime(t, fps);
        expect(frameAlignedTime(at, fps)).toBe(at);
      }),
      { numRuns: 5000 },
    );
  });

  it('steps 29.97 fps frames 1001/30 ms apart, so the frame holding 1000 ms starts at 967.63 ms and frame 30 at 1001 ms', () => {
    expect(frameAlignedTime(1000, 29.97)).toBeCloseTo(967.633, 3);
    expect(frameAlignedTime(1000.9, 29.97)).toBeCloseTo(967.633, 3);
    expect(frameAlignedTime(1001, 29.97)).toBe(1001);
    // An hour later the grid has not drifted: 107 892 frames are exactly 3 599 995.2 ms.
    expect(frameAlignedTime(3_600_000, 29.97)).toBeCloseTo((107_892 * 1001) / 30, 6);
  });

  it('times an animation in seconds the same at every rate: one second in is the same instant at 25, 50 and 60 fps', () => {
    for (const fps of [25, 50, 60]) expect(frameAlignedTime(1_461_488_401_000, fps)).toBe(1_461_488_401_000);
    // ...and at 59.94 the frame holding it starts less than 1/60 s before.
    const at = frameAlignedTime(1_461_488_401_000, 59.94);
    expect(1_461_488_401_000 - at).toBeLessThan(1001 / 60);
  });
});
