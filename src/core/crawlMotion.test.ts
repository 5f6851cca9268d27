import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crawlOffset, effectiveSpeed, pixelsPerFrame } from './crawlMotion';

const BROADCAST_RATES = [25, 29.97, 50, 59.94, 60];
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
