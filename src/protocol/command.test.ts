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
    // Each domain adds its types to the list (see commands/), so only the start of it is pinned here.
    expect(problem({ type: 'explode' })).toMatch(/^type: Invalid discriminator value\. Expected 'take' \| 'update' \| 'clear' \| 'clearAll'/);
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

  it('refuses control characters in on-air text', () => {
    expect(problem({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'Cram\u0007' } } })).toBe(
      'graphic.props.name: must not contain control characters',
    );
  });
});
