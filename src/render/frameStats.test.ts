import { describe, expect, it } from 'vitest';
import { createFrameStats, nextFrameStart, percentiles } from './frameStats';

function run(targetFps: number, stamps: number[]) {
  const stats = createFrameStats(targetFps);
  for (const t of stamps) stats.tick(t);
  return stats.health();
}
const every = (ms: number, count: number, from = 0) => Array.from({ length: count }, (_, i) => from + i * ms);

describe('frame stats', () => {
  it('drops nothing when a 60 Hz display drives a 50 fps output', () => {
    const health = run(50, every(1000 / 60, 600));
    expect(health.droppedFrames).toBe(0);
    expect(health.fps).toBe(60);
    expect(health.intervals).toEqual({ p50: 16.7, p95: 16.7, p99: 16.7, max: 16.7 });
  });

  it('counts a 40 ms gap at 50 fps as one dropped frame, and a 100 ms stall as four', () => {
    const smooth = every(20, 50);
    expect(run(50, [...smooth, 1020]).droppedFrames).toBe(1);
    expect(run(50, [...smooth, 1080]).droppedFrames).toBe(4);
  });

  it('counts at the output rate: a 33 ms gap drops a frame at 59.94 but not at 25', () => {
    const ticks = [0, 16.7, 33.4, 66.7, 83.4];
    expect(run(59.94, ticks).droppedFrames).toBe(1);
    expect(run(25, ticks).droppedFrames).toBe(0);
  });

  it('reports frames per second over the last second only', () => {
    // One second at 50 fps, then one at 25 fps: every 40 ms gap misses one frame.
    const health = run(50, [...every(20, 50), ...every(40, 25, 1020)]);
    expect(health.fps).toBe(25);
    expect(health.droppedFrames).toBe(25);
  });

  it('has no intervals before its second frame', () => {
    expect(run(50, []).intervals).toBeNull();
    expect(run(50, [5]).intervals).toBeNull();
  });

  it('works the percentiles out again at most every half second of frames, so a report per revision costs no sort', () => {
    const stats = createFrameStats(50);
    for (const t of every(20, 100)) stats.tick(t); // 0 to 1980
    expect(stats.health().intervals!.max).toBe(20);
    stats.tick(2100); // a 120 ms stall
    expect(stats.health().droppedFrames).toBe(5); // counted at once
    expect(stats.health().intervals!.max).toBe(20); // the percentiles are 120 ms old
    for (const t of every(20, 20, 2120)) stats.tick(t); // to 2500: half a second since they were worked out
    expect(stats.health().intervals!.max).toBe(120);
  });

  it('keeps intervals for the last ten seconds', () => {
    // One 200 ms stall, then eleven seconds of smooth frames: the stall has left the window.
    const stamps = [0, 200, ...every(20, 550, 220)];
    expect(run(50, stamps).intervals!.max).toBe(20);
    expect(run(50, stamps.slice(0, 300)).intervals!.max).toBe(200);
  });
});

describe('percentiles', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentiles(values)).toEqual({ p50: 50, p95: 95, p99: 99, max: 100 });
    expect(percentiles([7])).toEqual({ p50: 7, p95: 7, p99: 7, max: 7 });
  });
});

describe('next display frame', () => {
  it('is the first start after now at the display period, the shortest recent interval', () => {
    expect(nextFrameStart(1000, [16.5, 33, 16.5], 1005)).toBe(1016.5);
    expect(nextFrameStart(1000, [16.5, 33, 16.5], 1020)).toBe(1033);
    expect(nextFrameStart(1000, [20, 20], 1000)).toBe(1020);
  });

  it('is now until a frame and an interval have been seen', () => {
    expect(nextFrameStart(null, [], 5)).toBe(5);
    expect(nextFrameStart(1000, [], 1005)).toBe(1005);
  });
});
