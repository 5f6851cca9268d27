import { describe, expect, it } from 'vitest';
import { Command } from './command';
import { describeIssues } from './describeIssues';

function problem(input: unknown): string {
  const result = Command.safeParse(input);
  if (result.success) throw new Error('expected the command to be refused');
  return describeIssues(result.error);
}

describe('Command', () => {
  it('accepts a take of a name card and fills in a missing role', () => {
    const command = Command.parse({ type: 'take', graphic: { kind: 'nameCard', props: { name: ' Steve Cram ' } } });
    expect(command).toEqual({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: '' } } });
  });

  it('keeps markup as literal text', () => {
    const command = Command.parse({ type: 'take', graphic: { kind: 'nameCard', props: { name: '<b>Cram</b>' } } });
    expect(command.type === 'take' && command.graphic.kind === 'nameCard' && command.graphic.props.name).toBe('<b>Cram</b>');
  });

  it('names the unknown command type', () => {
    // Each domain adds its commands to the list, so only its start is pinned here.
    expect(problem({ type: 'explode' })).toMatch(/^type: Invalid discriminator value\. Expected 'take' \| 'update' \| 'clear' \| 'clearAll' \| /);
  });

  it('names a wrong-typed field with its path', () => {
    expect(problem({ type: 'take', graphic: { kind: 'nameCard', props: { name: 5 } } })).toBe(
      'graphic.props.name: Invalid input: expected string, received number',
    );
  });

  it('refuses an oversized name', () => {
    expect(problem({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'x'.repeat(81) } } })).toBe(
      'graphic.props.name: Too big: expected string to have <=80 characters',
    );
  });

  it('refuses an empty name', () => {
    expect(problem({ type: 'take', graphic: { kind: 'nameCard', props: { name: '   ' } } })).toBe(
      'graphic.props.name: is required',
    );
  });

  it('refuses unknown fields so a typo is not silently ignored', () => {
    expect(problem({ type: 'clear', layer: 'lowerThird', layr: 'x' })).toBe('Unrecognized key: "layr"');
  });

  it('names an unknown field without echoing a huge one back', () => {
    const huge = 'k'.repeat(60_000);
    const keys = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => [k, 1]));
    expect(problem({ type: 'clearAll', [huge]: 1 })).toBe(`Unrecognized key: "${'k'.repeat(40)}…"`);
    expect(problem({ type: 'clearAll', ...keys })).toBe('Unrecognized keys: "a", "b", "c", "d", "e" and 2 more');
  });

  it('refuses a move that gives both a position and a step, or neither', () => {
    expect(problem({ type: 'rundown.move', id: 'r1' })).toBe('give either index (a position) or by (-1 or 1)');
    expect(problem({ type: 'rundown.move', id: 'r1', index: 2, by: 1 })).toBe('give either index (a position) or by (-1 or 1)');
  });

  it('refuses control characters in on-air text', () => {
    expect(problem({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'Cram\u0007' } } })).toBe(
      'graphic.props.name: must not contain control characters',
    );
  });
});
