import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elapsedMs, estimateClockOffset, frameAlignedTime, hubNow, shownSecond } from './raceClock';

const BROADCAST_RATES = [25, 29.97, 50, 59.94, 60];
const exactRate = (fps: number) => (Number.isInteger(fps) ? fps : Math.round(fps) * 1000 / 1001);

describe('race clock', () => {
  it('computes elapsed time from the gun and the hub clock, negative before the gun', () => {
    const gun = 1_461_488_400_000;
    expect(elapsedMs(gun, gun + 1_717_000)).toBe(1_717_000);
    expect(elapsedMs(gun, gun - 5_000)).toBe(-5_000);
    expect(elapsedMs(gun, hubNow(gun - 250, 250))).toBe(0);
  });

  it('shows a second only once it has fully happened', () => {
    expect(shownSecond(999)).toBe(0);
    expect(shownSecond(1000)).toBe(1);
    expect(shownSecond(-1)).toBe(-1);
  });

  it('never skips or repeats a second when sampled at least once a second', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000, max: 40_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 200 }),
        (start, steps) => {
          let t = start;
          let previous = shownSecond(t);
          for (const step of steps) {
            t += step;
            const shown = shownSecond(t);
            expect(shown - previous === 0 || shown - previous === 1).toBe(true);
            previous = shown;
          }
        },
      ),
    );
  });

  it.each(BROADCAST_RATES)('shows each second exactly once, in order, for a second of frames at %s fps', (fps) => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: -200, max: 200_000 }),
        (gun, firstFrame) => {
          const runs: { second: number; frames: number }[] = [];
          for (let k = firstFrame; k < firstFrame + 400; k++) {
            const sampled = gun + (k * 1000) / exactRate(fps);
            const second = shownSecond(elapsedMs(gun, frameAlignedTime(sampled, fps)));
            const run = runs[runs.length - 1];
            if (run && run.second === second) run.frames++;
            else {
              if (run) expect(second).toBe(run.second + 1);
              runs.push({ second, frames: 1 });
            }
          }
          // Interior runs hold for one second's worth of frames; the first and last are cut by the window.
          for (const run of runs.slice(1, -1)) {
            expect(run.frames).toBeGreaterThanOrEqual(Math.floor(fps));
            expect(run.frames).toBeLessThanOrEqual(Math.ceil(fps));
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('frameAlignedTime', () => {
  it('snaps to the start of the frame a time falls in', () => {
    expect(frameAlignedTime(0, 25)).toBe(0);
    expect(frameAlignedTime(39, 25)).toBe(0);
    expect(frameAlignedTime(40, 25)).toBe(40);
    expect(frameAlignedTime(1019, 50)).toBe(1000);
  });

  it('uses 30000/1001 for 29.97 fps so frame 30 starts at 1001 ms', () => {
    expect(frameAlignedTime(1001, 29.97)).toBe(1001);
    expect(frameAlignedTime(1000, 29.97)).toBeCloseTo((29 * 1001) / 30, 9);
    expect(frameAlignedTime(1001, 30000 / 1001)).toBe(1001);
    expect(frameAlignedTime(1001, 59.94)).toBe(1001);
  });

  it.each(BROADCAST_RATES)('is idempotent and never later than the time it snaps at %s fps', (fps) => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 40_000_000_000 }), (t) => {
        const aligned = frameAlignedTime(t, fps);
        expect(aligned).toBeLessThanOrEqual(t);
        expect(t - aligned).toBeLessThan(1000 / fps);
        expect(frameAlignedTime(aligned, fps)).toBe(aligned);
      }),
    );
  });
});

describe('estimateClockOffset', () => {
  it('takes the midpoint of the shortest round trip', () => {
    const samples = [
      { sentLocal: 1000, hubTime: 6090, receivedLocal: 1100 },
      { sentLocal: 2000, hubTime: 7010, receivedLocal: 2020 },
      { sentLocal: 3000, hubTime: 8070, receivedLocal: 3090 },
    ];
    expect(estimateClockOffset(samples)).toEqual({ offsetMs: 5000, roundTripMs: 20 });
  });

  it('averages samples that tie for the shortest round trip', () => {
    const samples = [
      { sentLocal: 0, hubTime: 110, receivedLocal: 20 },
      { sentLocal: 100, hubTime: 206, receivedLocal: 120 },
    ];
    expect(estimateClockOffset(samples)).toEqual({ offsetMs: 98, roundTripMs: 20 });
  });

  it('ignores samples that came back before they were sent and throws when none is usable', () => {
    expect(() => estimateClockOffset([])).toThrow(/at least one sample/);
    expect(() => estimateClockOffset([{ sentLocal: 10, hubTime: 0, receivedLocal: 5 }])).toThrow(/at least one sample/);
  });

  it('recovers a known offset when the shortest round trip is symmetric', () => {
    const asymmetric = fc.record({
      sentLocal: fc.integer({ min: 0, max: 1_000_000 }),
      out: fc.integer({ min: 0, max: 500 }),
      back: fc.integer({ min: 0, max: 500 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 40 }),
        fc.array(asymmetric, { maxLength: 20 }),
        fc.nat(),
        (offset, sentLocal, oneWay, others, position) => {
          const best = { sentLocal, hubTime: sentLocal + oneWay + offset, receivedLocal: sentLocal + 2 * oneWay };
          const noisy = others.map((o) => ({
            sentLocal: o.sentLocal,
            hubTime: o.sentLocal + o.out + offset,
            // at least a millisecond slower than the symmetric sample, so it alone has the shortest trip
            receivedLocal: o.sentLocal + Math.max(o.out + o.back, 2 * oneWay + 1),
          }));
          const samples = [...noisy];
          samples.splice(position % (noisy.length + 1), 0, best);
          expect(estimateClockOffset(samples)).toEqual({ offsetMs: offset, roundTripMs: 2 * oneWay });
        },
      ),
    );
  });
});
