import { describe, expect, it } from 'vitest';
import { createTextCanvasReserve, MAX_PER_SIZE, MAX_PIXELS, type CanvasAndContext, type Idle } from './textCanvasReserve';

/** Canvases that record what is drawn on them, and an idle queue run by hand. */
function harness() {
  const made: { width: number; height: number; drawn: string[] }[] = [];
  const make = (width: number, height: number): CanvasAndContext => {
    const record = { width, height, drawn: [] as string[] };
    made.push(record);
    const context = {
      font: '',
      fillText(text: string) {
        record.drawn.push(`${context.font}: ${text}`);
      },
      clearRect(_x: number, _y: number, w: number, h: number) {
        record.drawn.push(`clear ${w}x${h}`);
      },
      resetTransform() {},
    };
    return { canvas: { width, height }, context };
  };
  const waiting: Parameters<Idle>[0][] = [];
  const idle: Idle = (work) => waiting.push(work);
  /** Runs the idle work queued so far, each with plenty of time left. */
  const runIdle = () => {
    for (let rounds = 0; waiting.length && rounds < 1000; rounds++) waiting.shift()!(() => 50);
  };
  return { made, make, idle, runIdle, waiting };
}

describe('spare text canvases', () => {
  it('makes, in idle time, as many spares of a size as one burst made, drawn on in its fonts, and gives them out', () => {
    const { made, make, idle, runIdle } = harness();
    const reserve = createTextCanvasReserve(make, idle);
    for (let i = 0; i < 3; i++) reserve.take(128, 62, '700 32px "Barlow Condensed"');
    reserve.take(128, 62, '400 24px "Noto Sans"');
    reserve.take(64, 62, null);
    expect(made).toHaveLength(5); // none in reserve yet: each made at once
    runIdle();
    expect(reserve.stats()).toEqual({ spare: 5, pixels: 4 * 128 * 62 + 64 * 62, sizes: { '128x62': 4, '64x62': 1 } });
    const spare = made[5]!;
    expect([spare.width, spare.height]).toEqual([128, 62]);
    // The fonts asked for at that size, the latest first, then cleared.
    expect(spare.drawn).toEqual(['400 24px "Noto Sans": 0', '700 32px "Barlow Condensed": 0', 'clear 128x62']);
    // A burst of the same size now takes spares, not new canvases.
    const before = made.length;
    const taken = [reserve.take(128, 62, '700 32px "Barlow Condensed"'), reserve.take(128, 62, '700 32px "Barlow Condensed"')];
    expect(made.length).toBe(before);
    expect(taken.map((t) => t.canvas.width)).toEqual([128, 128]);
    expect(reserve.stats().sizes['128x62']).toBe(2);
    runIdle(); // topped up again
    expect(reserve.stats().sizes['128x62']).toBe(4);
  });

  it('readies spares for texts it is told will be drawn, in their fonts, before any was drawn at that size', () => {
    const { made, make, idle, runIdle } = harness();
    const reserve = createTextCanvasReserve(make, idle);
    for (let i = 0; i < 3; i++) reserve.expect(256, 62, '500 28px "Noto Sans"');
    expect(made).toHaveLength(0);
    runIdle();
    expect(reserve.stats().sizes).toEqual({ '256x62': 3 });
    expect(made[0]!.drawn).toEqual(['500 28px "Noto Sans": 0', 'clear 256x62']);
    for (let i = 0; i < 3; i++) reserve.take(256, 62, '500 28px "Noto Sans"');
    expect(made).toHaveLength(3); // the three texts drew into the spares
  });

  it('stays within its bounds: spares per size and pixels in all', () => {
    const { make, idle, runIdle } = harness();
    const reserve = createTextCanvasReserve(make, idle);
    for (let i = 0; i < MAX_PER_SIZE + 10; i++) reserve.take(32, 62, null);
    runIdle();
    expect(reserve.stats().spare).toBe(MAX_PER_SIZE);
    for (let i = 0; i < MAX_PER_SIZE; i++) reserve.take(2048, 128, null);
    runIdle();
    expect(reserve.stats().pixels).toBeLessThanOrEqual(MAX_PIXELS);
    expect(reserve.stats().sizes['2048x128']).toBe(Math.floor((MAX_PIXELS - MAX_PER_SIZE * 32 * 62) / (2048 * 128)));
  });

  it('works a few milliseconds at a time, and asks for more idle time when it has more to do', () => {
    const { make, idle, waiting } = harness();
    const reserve = createTextCanvasReserve(make, idle);
    for (let i = 0; i < 20; i++) reserve.take(128, 62, null);
    expect(waiting).toHaveLength(1); // one top-up asked for, however many canvases were made
    waiting.shift()!(() => 0.5); // too little time left: nothing made, asks again
    expect(reserve.stats().spare).toBe(0);
    expect(waiting).toHaveLength(1);
  });
});
