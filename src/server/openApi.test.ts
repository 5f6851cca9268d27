import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { Command } from '../protocol/command';
import { ShowState } from '../state/showState';
import { API_ROUTES } from './httpApi';
import { commandTypes, openApiDocument } from './openApi';

const doc = openApiDocument() as any;
const schemas = doc.components.schemas as Record<string, any>;

/** Every `$ref` in the document, with where it sits. */
function refsIn(value: unknown, at = '#'): { at: string; ref: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refsIn(v, `${at}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => (key === '$ref' && typeof v === 'string' ? [{ at, ref: v }] : refsIn(v, `${at}/${key}`)));
}

describe('the OpenAPI document', () => {
  it('is an OpenAPI 3.1 document whose every $ref points at a component it has', () => {
    expect(doc.openapi).toBe('3.1.0');
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(40);
    const missing = refs.filter(({ ref }) => !(ref.startsWith('#/components/schemas/') && ref.slice('#/components/schemas/'.length) in schemas));
    expect(missing).toEqual([]);
  });

  it('describes every command of the Command union, each with its fields and a summary', () => {
    const types = Command.options.map((option) => option.shape.type.value);
    expect(types).toEqual(commandTypes());
    expect(types.length).toBeGreaterThanOrEqual(31);
    const listed = schemas.Command.oneOf.map((entry: { $ref: string }) => entry.$ref.replace('#/components/schemas/', ''));
    for (const type of types) {
      const schema = schemas[`Command.${type}`];
      expect(schema, type).toBeDefined();
      expect(listed, type).toContain(`Command.${type}`);
      expect(schema.properties.type.const, type).toBe(type);
      expect(schema.description, type).toMatch(/\w.*\./);
    }
    expect(listed).toHaveLength(types.length);
  });

  it('describes every route the HTTP API answers, with its answer and, for changes, the token and body', () => {
    expect(API_ROUTES.length).toBeGreaterThanOrEqual(10);
    for (const route of API_ROUTES) {
      const [method, path] = route.split(' ') as [string, string];
      const operation = doc.paths[path]?.[method.toLowerCase()];
      expect(operation, route).toBeDefined();
      expect(operation.summary, route).toBeTruthy();
      const ok = operation.responses[200].content;
      if (path.endsWith('.csv')) expect(ok['text/csv'].schema.description, route).toMatch(/^Rows of /);
      else expect(ok['application/json'].schema.$ref, route).toMatch(/^#\/components\/schemas\//);
      if (method === 'POST') {
        expect(operation.security, route).toEqual([{ operatorToken: [] }]);
        expect(operation.responses[401], route).toBeDefined();
        expect(operation.requestBody.content['application/json'].schema.$ref, route).toMatch(/^#\/components\/schemas\//);
      }
    }
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops as object).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual([...API_ROUTES].sort());
  });

  it('reads what clients send as input (defaults optional, text times allowed) and what the hub answers as output', () => {
    expect(schemas['Command.addRace'].required).not.toContain('distanceM');
    expect(schemas['Command.setGunTime'].properties.gunTime.anyOf.map((s: { type: string }) => s.type)).toEqual(['integer', 'string']);
    expect(schemas.ShowState.required).toEqual(expect.arrayContaining(['revision', 'onAir', 'races', 'rundown', 'crawl', 'locked', 'theme']));
    expect(schemas.ShowsSaveAs.properties).toHaveProperty('overwrite');
  });
});

// Compiling the whole Command union with ajv takes a few seconds of CPU on a loaded 2-core machine (it timed out
// at vitest's 5 s there): this checks what the schemas accept, not how fast.
describe("the OpenAPI document's schemas", { timeout: 60_000 }, () => {
  // A JSON Schema 2020-12 validator (ajv, which @companion-module/base depends on) reads the components as a
  // client generator would, and must agree with zod on real data.
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ $id: 'https://finishline.invalid/openapi.json', components: doc.components });
  const validator = (name: string) => ajv.compile({ $ref: `https://finishline.invalid/openapi.json#/components/schemas/${name}` });

  it("accept every command in README's HTTP API examples, and refuse what zod refuses", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const bodies = [...readme.matchAll(/-d '([^']*)'/g)].map((match) => JSON.parse(match[1]!)).filter((body) => typeof body.type === 'string');
    expect(bodies.length).toBeGreaterThan(20);
    const command = validator('Command');
    for (const body of bodies) expect(command(body), `${JSON.stringify(body)}: ${ajv.errorsText(command.errors)}`).toBe(true);
    for (const wrong of [{ type: 'explode' }, { type: 'clear' }, { type: 'clearAll', force: true }, { type: 'take', graphic: { kind: 'nameCard', props: { name: 'x'.repeat(81) } } }]) {
      expect(Command.safeParse(wrong).success).toBe(false);
      expect(command(wrong), JSON.stringify(wrong)).toBe(false);
    }
  });

  it('accept the demo show as the hub serves it', () => {
    const show = ShowState.parse(JSON.parse(readFileSync(new URL('../../shows/london-2016.json', import.meta.url), 'utf8')));
    const valid = validator('ShowState');
    expect(valid(show), ajv.errorsText(valid.errors)).toBe(true);
  });
});
