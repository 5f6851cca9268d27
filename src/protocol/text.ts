import { z } from 'zod';

/** On-air text: trimmed, no control characters, bounded so a paste accident cannot flood a graphic. */
export function onAirText(maxLength: number) {
  return z
    .string()
    .trim()
    .max(maxLength)
    .refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s), 'must not contain control characters');
}

/** Like onAirText, but an empty string is refused: the field is required on air. */
export function requiredText(maxLength: number) {
  return onAirText(maxLength).refine((s) => s.length > 0, 'is required');
}

/**
 * A person's name (an entrant's, its display name): one line, whatever the edge (a CSV cell, a command, a form), so
 * a line break or tab pasted into it is folded with the spaces around it into one space, never drawn as two lines.
 */
export function nameText(maxLength: number) {
  return z
    // Only a value of the wrong type is "not text": the schema's error would otherwise name every check (a name too long too).
    .string({ error: (issue) => (issue.code !== 'invalid_type' ? undefined : issue.input === undefined ? 'is missing' : 'must be text') })
    .overwrite((s) => s.replace(/\s+/g, ' ').trim())
    .max(maxLength, `must be at most ${maxLength} characters`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters')
    .refine((s) => s.length > 0, 'is required');
}
