import { z } from 'zod';

type JsonSchema = { [key: string]: unknown };

/** Strings longer than this are edited in a multi-line box (a quote, a bio); shorter ones on one line. */
const MULTI_LINE_FROM = 160;

/**
 * An OGraf GDD schema (Graphics Data Definition: JSON Schema with a single `type` per property and `gddType`
 * hints for GUIs) from a zod schema, as its input side: what a host may send. GDD allows neither a list of
 * types nor a property without one, so a nullable field is given as its value type (null still passes the
 * zod check in the graphic) and a union of objects (crawl items) as one object with every field, its tag a select.
 * `defaults` become each top-level field's `default`, so a GUI starts from data that draws.
 */
export function gddSchema(schema: z.ZodType, defaults: Record<string, unknown> = {}): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  const gdd = toGdd(json, null);
  const properties = gdd.properties as Record<string, JsonSchema>;
  Object.entries(properties).forEach(([key, property], order) => {
    property.order = order;
    if (defaults[key] !== undefined) property.default = defaults[key];
  });
  return { type: 'object', properties, ...(gdd.required ? { required: gdd.required } : {}) };
}

function toGdd(node: JsonSchema, key: string | null): JsonSchema {
  const { $schema: _schema, anyOf, oneOf, const: constant, ...rest } = node;
  let out: JsonSchema = rest;
  const branches = ((anyOf ?? oneOf) as JsonSchema[] | undefined)?.filter((branch) => branch.type !== 'null');
  if (branches && branches.length === 1) {
    out = { ...branches[0], ...rest };
    if (out.default === null) delete out.default;
  } else if (branches && branches.every((branch) => branch.type === 'object')) {
    out = { ...mergeObjects(branches), ...rest };
  }
  if (constant !== undefined) out.enum = [constant];
  if (out.type === undefined) out.type = typeOf(out);
  if (key) out.title = titleOf(key);
  if (out.properties) {
    const all = Object.entries(out.properties as Record<string, JsonSchema>);
    const kept = all.filter(([, v]) => !isTupleList(v));
    out.properties = Object.fromEntries(kept.map(([k, v]) => [k, toGdd(v, k)]));
    if (kept.length < all.length) {
      if (Array.isArray(out.required)) out.required = (out.required as string[]).filter((k) => kept.some(([name]) => name === k));
      // The left-out field may still come: the object takes fields beyond those listed (zod still refuses unknown ones).
      delete out.additionalProperties;
    }
  }
  if (out.items) out.items = toGdd(out.items as JsonSchema, null);
  return withGddType(out, key);
}

/**
 * A list of tuples (a race's compact passing rows): GDD has no tuples and one type per item, so the field is left
 * out of the GUI's schema; data may still carry it, and the graphic's zod check reads it.
 */
function isTupleList(node: JsonSchema): boolean {
  const items = node.items as JsonSchema | undefined;
  return node.type === 'array' && items !== undefined && Array.isArray(items.prefixItems);
}

/** One object with every branch's fields: a field in all branches is required; a tag (const) lists every value. */
function mergeObjects(branches: JsonSchema[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const branch of branches) {
    for (const [key, property] of Object.entries(branch.properties as Record<string, JsonSchema>)) {
      const seen = properties[key];
      if (!seen) properties[key] = { ...property };
      else if (property.const !== undefined) seen.enum = [...((seen.enum as unknown[]) ?? [seen.const]), property.const];
      // The loosest bound of the branches: a social post's text may be longer than a headline's.
      else if (typeof seen.maxLength === 'number' && typeof property.maxLength === 'number') seen.maxLength = Math.max(seen.maxLength, property.maxLength);
    }
  }
  for (const property of Object.values(properties)) {
    if (Array.isArray(property.enum) && property.const !== undefined) delete property.const;
  }
  const required = Object.keys(properties).filter((key) => branches.every((branch) => (branch.required as string[] | undefined)?.includes(key)));
  return { type: 'object', properties, required };
}

function typeOf(node: JsonSchema): string {
  const sample = (node.enum as unknown[] | undefined)?.[0] ?? node.default;
  if (typeof sample === 'number') return Number.isInteger(sample) ? 'integer' : 'number';
  if (typeof sample === 'boolean') return 'boolean';
  if (Array.isArray(sample)) return 'array';
  if (sample && typeof sample === 'object') return 'object';
  return 'string';
}

function withGddType(node: JsonSchema, key: string | null): JsonSchema {
  const { type } = node;
  if (type === 'integer' || type === 'number') {
    // Safe-integer bounds say nothing to a person filling in a form.
    if (node.minimum === Number.MIN_SAFE_INTEGER) delete node.minimum;
    if (node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
  }
  if (Array.isArray(node.enum) && (type === 'string' || type === 'number' || type === 'integer')) {
    return { ...node, gddType: 'select', gddOptions: { labels: Object.fromEntries((node.enum as (string | number)[]).map((value) => [String(value), titleOf(String(value))])) } };
  }
  if (type === 'string') return { ...node, gddType: (node.maxLength as number | undefined) !== undefined && (node.maxLength as number) >= MULTI_LINE_FROM ? 'multi-line' : 'single-line' };
  // An elapsed time (elapsedMs, a record's ms): shown as h:mm:ss by GUIs that know duration-ms.
  if (type === 'integer' && key !== null && /(^ms|Ms)$/.test(key)) return { ...node, gddType: 'duration-ms' };
  return node;
}

/** `speedPxPerS` → "Speed px per s", `elite-men` → "Elite men". */
function titleOf(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/-/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
