import { describe, expect, it } from 'vitest';
import { frameIndex, frameStart, toFrameRate } from './frameRate';

describe('toFrameRate', () => {
  it('reads the rounded NTSC rates as their exact 1000/1001 ratios', () => {
    expect(toFrameRate(29.97)).toEqual({ num: 30000, den: 1001 });
    expect(toFrameRate(30000 / 1001)).toEqual({ num: 30000, den: 1001 });
    expect(toFrameRate(59.94)).toEqual({ num: 60000, den: 1001 });
    expect(toFrameRate(23.976)).toEqual({ num: 24000, den: 1001 });
  });

  it('keeps whole rates whole', () => {
    expect(toFrameRate(25)).toEqual({ num: 25, den: 1 });
    expect(toFrameRate(60)).toEqual({ num: 60, den: 1 });
  });

  it('rejects rates that are not positive numbers', () => {
    expect(() => toFrameRate(0)).toThrow('Frame rate must be a positive number of frames per second, got 0');
    expect(() => toFrameRate(Number.NaN)).toThrow(/got NaN/);
  });
});

describe('frameIndex', () => {
  it('puts a frame boundary in the frame it starts', () => {
    expect(frameIndex(1001, 29.97, 1000)).toBe(30);
    expect(frameIndex(1000.999, 29.97, 1000)).toBe(29);
    expect(frameStart(30, 29.97, 1000)).toBe(1001);
  });

  it('holds to the exact ratio after a 24-hour show at 29.97 fps', () => {
    const frames = 24 * 60 * 60 * 30 * 1000 / 1001;
    const k = Math.floor(frames);
    expect(frameIndex(frameStart(k, 29.97, 1), 29.97, 1)).toBe(k);
  });
});
