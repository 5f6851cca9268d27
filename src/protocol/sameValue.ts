/**
 * JSON with every object's keys sorted, so two values compare by what they say, not the order they were written
 * in. Keys sort by code unit (`<`), not localeCompare: the order only has to be the same on both sides, and ICU
 * collation made a take on a show with a long rundown cost the hub milliseconds (tag in reduceOnAir.ts).
 */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Whether two JSON values are the same, whatever the order of their keys (a command's `was` against the show). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** sameValue against one value for many others (a graphic against every rundown item): `a` is read once. */
export function sameValueAs(a: unknown): (b: unknown) => boolean {
  const key = canonicalJson(a);
  return (b) => canonicalJson(b) === key;
}
