/** Outcome of reading operator input: a value, or a sentence the operator can act on. Shared by all of core. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

// Typed without T so one `err(...)` fits whatever Result the caller returns.
export function err(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
