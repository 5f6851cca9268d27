// Writes templates/schemas/*.schema.json from the zod schemas (npm run schemas). Commit the result.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { templateJsonSchemas } from '../src/protocol/templates/jsonSchemas';

const dir = resolve(import.meta.dirname, '../templates/schemas');
mkdirSync(dir, { recursive: true });
const schemas = templateJsonSchemas();
for (const stale of readdirSync(dir)) if (!(stale in schemas)) rmSync(join(dir, stale));
for (const [file, schema] of Object.entries(schemas)) writeFileSync(join(dir, file), `${JSON.stringify(schema, null, 2)}\n`);
console.log(`Wrote ${Object.keys(schemas).length} schemas to ${dir}`);
