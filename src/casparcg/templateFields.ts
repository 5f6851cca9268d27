import type { GraphicKind } from '../protocol/graphicSpec';
import { gddSchema } from '../ograf/gddSchema';
import { defaultData, packageDataSchema } from '../ograf/packageData';

type Gdd = { type: string; title?: string; gddType?: string; enum?: unknown[]; properties?: Record<string, Gdd>; default?: unknown };

/**
 * One field of a CasparCG/SPX template: `id` is the kind's prop name (`name`, `best.time` inside an object);
 * lists and lists of objects (race ids, races, crawl items, a top three) are JSON text.
 */
export type TemplateField = { id: string; title: string; type: 'text' | 'textarea' | 'number' | 'boolean' | 'select' | 'json'; options?: string[]; value: string };

/** A kind's template fields in order: CasparCG's f0 is the first, f1 the second, and so on. */
export function templateFields(kind: GraphicKind, themes: readonly string[]): TemplateField[] {
  const schema = gddSchema(packageDataSchema(kind, themes), defaultData(kind)) as { properties: Record<string, Gdd> };
  const defaults = defaultData(kind);
  const fields: TemplateField[] = [];
  const add = (id: string, property: Gdd, value: unknown) => {
    const title = property.title ?? id;
    const text = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    if (property.type === 'array' || (property.type === 'object' && !property.properties)) fields.push({ id, title, type: 'json', value: text });
    else if (property.enum) fields.push({ id, title, type: 'select', options: property.enum.map(String), value: text || String(property.default ?? property.enum[0]) });
    else if (property.type === 'number' || property.type === 'integer') fields.push({ id, title, type: 'number', value: text });
    else if (property.type === 'boolean') fields.push({ id, title, type: 'boolean', value: text });
    else fields.push({ id, title, type: property.gddType === 'multi-line' ? 'textarea' : 'text', value: text });
  };
  for (const [key, property] of Object.entries(schema.properties)) {
    if (property.type === 'object' && property.properties) {
      const inner = (defaults[key] ?? {}) as Record<string, unknown>;
      for (const [innerKey, innerProperty] of Object.entries(property.properties)) add(`${key}.${innerKey}`, { ...innerProperty, title: `${property.title} ${innerProperty.title?.toLowerCase()}` }, inner[innerKey]);
    } else add(key, property, defaults[key]);
  }
  return fields;
}

/**
 * Turns a template's field values (strings from CasparCG's XML or SPX, or JSON values) into package data:
 * `f0`..`fN` are the fields in order; dotted ids build objects; numbers, booleans and JSON fields are parsed;
 * an empty value leaves a field out (it takes its default; empty text too inside an object). A value that cannot be read names its field.
 */
export function dataFromFields(fields: readonly TemplateField[], values: Record<string, unknown>): { ok: true; data: Record<string, unknown> } | { ok: false; error: string } {
  const data: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(values)) {
    const byIndex = /^f(\d+)$/.exec(key);
    const field = byIndex ? fields[Number(byIndex[1])] : fields.find((f) => f.id === key);
    if (!field) return { ok: false, error: `${key}: not a field of this template; its fields are ${fields.map((f, i) => `${f.id} (f${i})`).join(', ')}` };
    let value: unknown = raw;
    if (typeof raw === 'string') {
      // Empty text inside an object (an entrant's race and bib, a best's label) leaves it out too: the object is optional.
      if (raw.trim() === '' && ((field.type !== 'text' && field.type !== 'textarea') || field.id.includes('.'))) continue;
      if (field.type === 'number') value = Number(raw);
      if (field.type === 'number' && Number.isNaN(value)) return { ok: false, error: `${field.id}: "${raw}" is not a number` };
      if (field.type === 'boolean') value = raw === 'true' || raw === '1' || raw === 'yes';
      if (field.type === 'json') {
        try {
          value = JSON.parse(raw);
        } catch {
          return { ok: false, error: `${field.id}: give it as JSON (e.g. ${field.value.slice(0, 60) || '[]'}), not "${raw.slice(0, 60)}"` };
        }
      }
    }
    const [head, inner] = field.id.split('.') as [string, string | undefined];
    if (inner === undefined) data[head] = value;
    else data[head] = { ...(data[head] as Record<string, unknown> | undefined), [inner]: value };
  }
  return { ok: true, data };
}

/**
 * CasparCG's templateData: `<templateData><componentData id="name"><data id="text" value="Steve Cram"/></componentData>…`
 * as field id → value; or the same as JSON (an object, or its text), as SPX and CasparCG clients also send.
 * XML is read with the page's DOMParser (the template runs in CasparCG's or SPX's browser), so malformed XML
 * is refused with the parser's own line and column, never mistaken for missing fields.
 */
export function parseTemplateData(input: unknown): { ok: true; values: Record<string, unknown> } | { ok: false; error: string } {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) return { ok: true, values: input as Record<string, unknown> };
  if (typeof input !== 'string') return { ok: false, error: 'give templateData XML or a JSON object' };
  const text = input.trim();
  if (text.startsWith('{')) {
    try {
      const json = JSON.parse(text) as unknown;
      if (typeof json === 'object' && json !== null && !Array.isArray(json)) return { ok: true, values: json as Record<string, unknown> };
    } catch (error) {
      return { ok: false, error: `the JSON is not valid: ${(error as Error).message}` };
    }
  }
  if (!text.startsWith('<')) return { ok: false, error: 'give templateData XML (<templateData><componentData id="name">…) or a JSON object' };
  const xml = new DOMParser().parseFromString(text, 'application/xml');
  const broken = xml.getElementsByTagName('parsererror')[0];
  if (broken) {
    // Chromium puts the message ("error on line 1 at column 85: …") in a div between two headings.
    const message = (broken.querySelector('div')?.textContent ?? broken.textContent ?? '').trim().replace(/\s+/g, ' ');
    return { ok: false, error: `the templateData is not well-formed XML: ${message}` };
  }
  const values: Record<string, unknown> = {};
  for (const component of Array.from(xml.getElementsByTagName('componentData'))) {
    const id = component.getAttribute('id');
    if (id === null) continue;
    const data = Array.from(component.getElementsByTagName('data'));
    const value = data.find((d) => d.getAttribute('id') === 'text' && d.hasAttribute('value')) ?? data.find((d) => d.hasAttribute('value'));
    values[id] = value?.getAttribute('value') ?? '';
  }
  const root = xml.documentElement;
  if (Object.keys(values).length === 0 && !(root.tagName === 'templateData' && root.children.length === 0)) {
    return { ok: false, error: 'no <componentData id="…"><data id="text" value="…"/></componentData> in the templateData' };
  }
  return { ok: true, values };
}
