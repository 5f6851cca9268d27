import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crawlOffset, crawlOffsetAt, effectiveSpeed, pixelsPerFrame } from './crawlMotion';

const BROADCAST_RATES = [25, 29.97, 50, 59.94, 60];
// Output pixels per design pixel: 720p, 1080p, 2160p and a 1366x768 monitor.
const SCALES = [2 / 3, 1, 2, 768 / 1080];
// What the operator types vs. what the rate really is; a sampler using the rounded 29.97 drifts a frame in ~9 h.
const exactRate = (fps: number) => (Number.isInteger(fps) ? fps : Math.round(fps) * 1000 / 1001);

describe('crawl motion', () => {
  it('moves a whole number of pixels per frame, at least one', () => {
    expect(pixelsPerFrame(120, 50)).toBe(2);
    expect(pixelsPerFrame(120, 25)).toBe(5);
    expect(pixelsPerFrame(120, 29.97)).toBe(4);
    expect(pixelsPerFrame(10, 60)).toBe(1);
  });

  it('reports the speed actually shown after rounding to whole pixels', () => {
    expect(effectiveSpeed(120, 50)).toBe(100);
    expect(effectiveSpeed(120, 25)).toBe(125);
    expect(effectiveSpeed(120, 29.97)).toBeCloseTo(119.88, 2);
    expect(effectiveSpeed(10, 60)).toBe(60);
  });

  it('moves a whole number of the output’s own pixels per frame at every picture size', () => {
    // 120 px/s of the design frame at 50 fps is 2.4 design px a frame: 1.6 px at 720p, 4.8 px at 2160p.
    expect(pixelsPerFrame(120, 50, 2 / 3)).toBe(2);
    expect(pixelsPerFrame(120, 50, 1)).toBe(2);
    expect(pixelsPerFrame(120, 50, 2)).toBe(5);
    expect(pixelsPerFrame(120, 59.94, 2 / 3)).toBe(1);
    expect(pixelsPerFrame(10, 50, 2 / 3)).toBe(1);
  });

  it('reports the effective speed in pixels of the design frame, whatever the picture size', () => {
    expect(effectiveSpeed(120, 50, 2 / 3)).toBeCloseTo(150, 9); // 2 output px = 3 design px a frame
    expect(effectiveSpeed(120, 50, 1)).toBe(100);
    expect(effectiveSpeed(120, 50, 2)).toBe(125); // 5 output px = 2.5 design px a frame
    expect(effectiveSpeed(120, 59.94, 2 / 3)).toBeCloseTo(89.91, 2);
  });

  it('counts its offset in output pixels: frame k at 720p50 and 120 px/s is 2k pixels along', () => {
    expect(crawlOffset(0.02, 120, 50, 2 / 3)).toBe(2);
    expect(crawlOffset(1, 120, 50, 2 / 3)).toBe(100);
    expect(crawlOffset(1, 120, 50, 2)).toBe(250);
  });

  it('advances by whole frames: nothing moves mid-frame', () => {
    expect(crawlOffset(0, 120, 50)).toBe(0);
    expect(crawlOffset(0.019, 120, 50)).toBe(0);
    expect(crawlOffset(0.02, 120, 50)).toBe(2);
    expect(crawlOffset(1, 120, 50)).toBe(100);
  });

  it('holds at zero before the crawl starts', () => {
    expect(crawlOffset(-0.5, 120, 50)).toBe(0);
  });

  it('refuses a speed that is not a positive number', () => {
    expect(() => pixelsPerFrame(0, 50)).toThrow('Crawl speed must be a positive number of pixels per second, got 0');
    expect(() => pixelsPerFrame(100, 0)).toThrow(/Frame rate must be a positive number/);
  });

  it('refuses an output scale that is not a positive number', () => {
    expect(() => pixelsPerFrame(120, 50, 0)).toThrow('Output scale must be a positive number of output pixels per design pixel, got 0');
    expect(() => crawlOffset(1, 120, 50, Number.NaN)).toThrow(/Output scale must be a positive number/);
  });

  it.each(SCALES)('steps the same whole number of output pixels every frame, within half a pixel of the asked speed, at scale %s', (scale) => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BROADCAST_RATES),
        fc.double({ min: 20, max: 480, noNaN: true }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (fps, speed, k) => {
          const rate = exactRate(fps);
          const step = crawlOffset((k + 1) / rate, speed, fps, scale) - crawlOffset(k / rate, speed, fps, scale);
          expect(Number.isInteger(step)).toBe(true);
          expect(step).toBe(pixelsPerFrame(speed, fps, scale));
          // Rounded to the nearest whole output pixel a frame (never below one).
          const asked = (speed * scale) / rate;
          if (asked >= 0.5) expect(Math.abs(step - asked)).toBeLessThanOrEqual(0.5 + 1e-9);
          expect(effectiveSpeed(speed, fps, scale) * scale).toBeCloseTo(step * rate, 6);
        },
      ),
    );
  });

  it.each(BROADCAST_RATES)('is a non-decreasing whole number of pixels over time at %s fps', (fps) => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 2000, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 36_000, noNaN: true }), { minLength: 2, maxLength: 50 }),
        (speed, times) => {
          const offsets = [...times].sort((a, b) => a - b).map((t) => crawlOffset(t, speed, fps));
          for (const [i, offset] of offsets.entries()) {
            expect(Number.isInteger(offset)).toBe(true);
            if (i > 0) expect(offset).toBeGreaterThanOrEqual(offsets[i - 1] ?? 0);
          }
        },
      ),
    );
  });

  it.each(BROADCAST_RATES)('gives frame k the same offset however its start time was computed at %s fps', (fps) => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.double({ min: 1, max: 2000, noNaN: true }),
        (k, speed) => {
          const expected = k * pixelsPerFrame(speed, fps);
          const rate = exactRate(fps);
          expect(crawlOffset(k / rate, speed, fps)).toBe(expected);
          expect(crawlOffset(k * (1 / rate), speed, fps)).toBe(expected);
          expect(crawlOffset((k * 1000) / rate / 1000, speed, fps)).toBe(expected);
        },
      ),
    );
  });
});

describe('crawl position from a list of motions', () => {
  const start = 1_700_000_000_000; // an epoch-ms hub time, as the show holds them
  it('holds at 0 before the start and while stopped, and counts whole frames of each speed in turn', () => {
    const motions = [
      { from: start, running: true, speedPxPerS: 120 }, // 2 px a frame at 50 fps
      { from: start + 1000, running: false, speedPxPerS: 120 },
      { from: start + 3000, running: true, speedPxPerS: 240 }, // 5 px a frame
    ];
    expect(crawlOffsetAt(motions, start - 5000, 50)).toBe(0);
    expect(crawlOffsetAt(motions, start, 50)).toBe(0);
    expect(crawlOffsetAt(motions, start + 20, 50)).toBe(2);
    expect(crawlOffsetAt(motions, start + 1000, 50)).toBe(100);
    expect(crawlOffsetAt(motions, start + 2999, 50)).toBe(100);
    expect(crawlOffsetAt(motions, start + 4000, 50)).toBe(100 + 250);
  });

  it('is a whole number of pixels that never moves backwards, across changes that fall mid-frame', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 1500 }), running: fc.boolean(), speed: fc.integer({ min: 20, max: 480 }) }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...BROADCAST_RATES),
        fc.constantFrom(...SCALES),
        (steps, fps, scale) => {
          let from = start + 7; // off the frame grid on purpose
          const motions = steps.map(({ gap, running, speed }) => ({ from: (from += gap), running, speedPxPerS: speed }));
          let previous = 0;
          for (let t = start; t < from + 500; t += 7) {
            const offset = crawlOffsetAt(motions, t, fps, scale);
            expect(offset).toBeGreaterThanOrEqual(previous);
            expect(Number.isInteger(offset)).toBe(true);
            previous = offset;
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
