import { z } from 'zod';
import { formatCharacterProblem } from '../formatCharacterProblem';

type Common = { key: string; label: string; required: boolean; description?: string };
/**
 * One form field, described from a props schema. Any graphic kind's form is built from these, so a new kind
 * needs no form code: its zod props schema says which fields there are, their limits and defaults.
 */
export type Field =
  | (Common & { type: 'text'; maxLength?: number; minLength?: number; multiline: boolean; default?: string })
  | (Common & { type: 'number'; integer: boolean; min?: number; max?: number; default?: number })
  | (Common & { type: 'choice'; options: (string | number)[]; default?: string | number })
  | (Common & { type: 'boolean'; default?: boolean })
  | (Common & { type: 'group'; fields: Field[] })
  | (Common & { type: 'list'; item: Field; minItems?: number; maxItems?: number })
  /** Anything the generator has no widget for: edited as JSON, still validated by the schema. */
  | (Common & { type: 'json'; default?: unknown });

type JsonSchema = {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: (string | number)[];
  const?: string | number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
};

/** Strings longer than this get a multi-line box. */
const MULTILINE_OVER = 120;

/** The fields of an object schema (a graphic kind's props), in the schema's order. */
export function fieldsOf(schema: z.ZodType): Field[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return objectFields(json);
}

function objectFields(json: JsonSchema): Field[] {
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([key, property]) => fieldOf(key, property, required.has(key) && property.default === undefined));
}

function fieldOf(key: string, json: JsonSchema, required: boolean): Field {
  const common: Common = { key, label: json.title ?? labelOf(key), required, ...(json.description ? { description: json.description } : {}) };
  const options = choices(json);
  if (options) return { ...common, type: 'choice', options, ...withDefault<string | number>(json.default, (v) => typeof v === 'string' || typeof v === 'number') };
  const type = singleType(json);
  switch (type) {
    case 'string':
      return {
        ...common,
        type: 'text',
        multiline: (json.maxLength ?? 0) > MULTILINE_OVER,
        ...(json.maxLength !== undefined ? { maxLength: json.maxLength } : {}),
        ...(json.minLength !== undefined ? { minLength: json.minLength } : {}),
        ...withDefault<string>(json.default, (v) => typeof v === 'string'),
      };
    case 'number':
    case 'integer': {
      const min = json.minimum ?? json.exclusiveMinimum;
      const max = json.maximum ?? json.exclusiveMaximum;
      return {
        ...common,
        type: 'number',
        integer: type === 'integer',
        ...(min !== undefined && Number.isFinite(min) ? { min } : {}),
        ...(max !== undefined && Number.isFinite(max) ? { max } : {}),
        ...withDefault<number>(json.default, (v) => typeof v === 'number'),
      };
    }
    case 'boolean':
      return { ...common, type: 'boolean', ...withDefault<boolean>(json.default, (v) => typeof v === 'boolean') };
    case 'object':
      return { ...common, type: 'group', fields: objectFields(json) };
    case 'array':
      if (json.items && singleType(json.items) !== null) {
        return {
          ...common,
          type: 'list',
          item: fieldOf('item', json.items, true),
          ...(json.minItems !== undefined ? { minItems: json.minItems } : {}),
          ...(json.maxItems !== undefined ? { maxItems: json.maxItems } : {}),
        };
      }
  }
  return { ...common, type: 'json', ...(json.default !== undefined ? { default: json.default } : {}) };
}

/** An enum, a literal, or a union of literals: a fixed list of choices. */
function choices(json: JsonSchema): (string | number)[] | null {
  if (json.enum) return json.enum;
  if (json.const !== undefined) return [json.const];
  const alternatives = json.anyOf ?? json.oneOf;
  if (alternatives?.every((a) => a.const !== undefined || a.enum)) return alternatives.flatMap((a) => a.enum ?? [a.const!]);
  return null;
}

function singleType(json: JsonSchema): string | null {
  if (typeof json.type === 'string') return json.type;
  if (Array.isArray(json.type)) return json.type.length === 1 ? json.type[0]! : null;
  if (json.properties) return 'object';
  return null;
}

function withDefault<T>(value: unknown, is: (v: unknown) => boolean): { default?: T } {
  return value !== undefined && is(value) ? { default: value as T } : {};
}

/** `bestTime` → `Best time`, `country_code` → `Country code`. */
export function labelOf(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A plain decimal number as typed (`8`, `-3`, `2.5`, `.5`), or null. Number() would also read `0x10` as 16,
 * `0b11` as 3 and `1e2` as 100: an operator who typed that meant something else, so it is named, not read.
 */
export function readDecimal(text: string): number | null {
  const trimmed = text.trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed) ? Number(trimmed) : null;
}

/**
 * A typed value from what was typed: an empty box is "not given" (so the schema's default or optional
 * applies), a number box must hold a number. Used by the form and the CSV importer alike.
 */
export function valueFromText(field: Field, text: string): { value: unknown } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '' && field.type !== 'text') return field.required ? { error: 'is required' } : { value: undefined };
  switch (field.type) {
    case 'text': {
      const problem = formatCharacterProblem(text);
      if (problem) return { error: problem };
      // An empty required box is sent as "" so the schema's own message ("is required") is the one shown.
      return { value: text === '' && !field.required ? undefined : text };
    }
    case 'number': {
      const n = readDecimal(trimmed);
      return n !== null ? { value: n } : { error: `must be a plain number like 8 or 2.5, not “${trimmed}”` };
    }
    case 'boolean': {
      if (/^(true|yes|y|1|on)$/i.test(trimmed)) return { value: true };
      if (/^(false|no|n|0|off)$/i.test(trimmed)) return { value: false };
      return { error: `must be yes or no, not “${trimmed}”` };
    }
    case 'choice': {
      const match = field.options.find((option) => String(option) === trimmed);
      return match === undefined ? { error: `must be one of ${field.options.join(', ')}` } : { value: match };
    }
    default:
      try {
        return { value: JSON.parse(trimmed) };
      } catch {
        return { error: 'must be valid JSON' };
      }
  }
}
