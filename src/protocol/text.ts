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
