/**
 * The step a playAction goes to (OGraf v1 step model): `goto` if given, else the current step plus `delta`
 * (default 1; from the start state, -1 + delta). A target at or past stepCount is the end: `step` undefined.
 */
export function targetStep(current: number | undefined, stepCount: number, goto: unknown, delta: unknown): { ok: true; step: number | undefined } | { ok: false; error: string } {
  if (goto !== undefined && !(typeof goto === 'number' && Number.isInteger(goto))) return { ok: false, error: `goto: give a step number (0 is the first), not ${JSON.stringify(goto)}` };
  if (delta !== undefined && !(typeof delta === 'number' && Number.isInteger(delta))) return { ok: false, error: `delta: give a whole number of steps, not ${JSON.stringify(delta)}` };
  const target = goto !== undefined ? goto : (current ?? -1) + ((delta as number | undefined) ?? 1);
  if (target < 0) return { ok: false, error: `${goto !== undefined ? 'goto' : 'delta'}: there is no step ${target} (steps start at 0)` };
  return { ok: true, step: target >= stepCount ? undefined : target };
}
