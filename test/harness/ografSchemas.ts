import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
// ajv is not a dependency of ours: it is in node_modules through @companion-module/base (a devDependency).
import Ajv2020 from 'ajv/dist/2020';

const schemaRoot = resolve(import.meta.dirname, '../fixtures/ograf-v1/json-schemas');

/**
 * A JSON Schema validator holding the EBU's OGraf v1 schemas (copied from github.com/ebu/ograf, MIT, into
 * test/fixtures/ograf-v1), each under its $id; `manifest` validates a `.ograf.json` file's content.
 */
export function ografValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  for (const file of jsonFiles(schemaRoot)) ajv.addSchema(JSON.parse(readFileSync(file, 'utf8')));
  const manifest = ajv.getSchema('https://ograf.ebu.io/v1/specification/json-schemas/graphics/schema.json')!;
  return {
    ajv,
    /** The validation errors of a manifest (none when it is valid). */
    manifestErrors: (value: unknown) => (manifest(value) ? [] : (manifest.errors ?? [])),
  };
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}
