import { describe, expect, it } from 'vitest';
import { Command } from '../protocol/command';
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
      expect(operation.responses[200].content['application/json'].schema.$ref, route).toMatch(/^#\/components\/schemas\//);
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
