import { describe, expect, it } from 'vitest';
import { targetStep } from './steps';

describe('targetStep', () => {
  // The table in the OGraf v1 specification (Step model), row by row.
  it.each([
    [undefined, 1, undefined, undefined, 0],
    [undefined, 1, 0, undefined, 0],
    [undefined, 1, undefined, 1, 0],
    [undefined, 2, 1, 2, 1],
    [0, 2, 1, undefined, 1],
    [0, 3, undefined, 2, 2],
    [2, 3, 1, undefined, 1],
    [2, 3, undefined, -2, 0],
    [0, 1, undefined, 1, undefined],
  ])('from step %j of %i, goto %j delta %j goes to %j', (current, stepCount, goto, delta, expected) => {
    expect(targetStep(current, stepCount, goto, delta)).toEqual({ ok: true, step: expected });
  });

  it('refuses a step before the first, and a goto that is not a number, naming the field', () => {
    expect(targetStep(undefined, 1, undefined, -1)).toEqual({ ok: false, error: 'delta: there is no step -2 (steps start at 0)' });
    expect(targetStep(undefined, 1, 'next', undefined)).toEqual({ ok: false, error: 'goto: give a step number (0 is the first), not "next"' });
  });
});
