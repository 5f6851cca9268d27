import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Command } from './command';

/** The JSON bodies of README's curl examples (`-d '…'`), with where each starts. */
function curlBodies(readme: string): { line: number; body: string }[] {
  const bodies: { line: number; body: string }[] = [];
  for (const match of readme.matchAll(/-d '([^']*)'/g)) bodies.push({ line: readme.slice(0, match.index).split('\n').length, body: match[1]! });
  return bodies;
}

describe('README’s HTTP API examples', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const api = readme.slice(readme.indexOf('## HTTP API'), readme.indexOf('\n## ', readme.indexOf('## HTTP API') + 1));
  const examples = curlBodies(api).filter(({ body }) => body.includes('"type"'));

  it('are every one a valid command, as the hub reads it', () => {
    expect(examples.length).toBeGreaterThan(20);
    const wrong = examples.flatMap(({ line, body }) => {
      const parsed = Command.safeParse(JSON.parse(body));
      return parsed.success ? [] : [`README HTTP API section line ${line}: ${body}\n  ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`];
    });
    expect(wrong).toEqual([]);
  });

  it('show every command type at least once', () => {
    const types = Command.options.map((option) => option.shape.type.value);
    const shown = new Set(examples.map(({ body }) => (JSON.parse(body) as { type: string }).type));
    expect(types.filter((type) => !shown.has(type))).toEqual([]);
  });
});
