import { z } from 'zod';
import { parseTime } from '../core';

/**
 * A race time as the operator typed it ("2:02:57", "1:44.20"): shown as typed, so a caption keeps the house
 * notation, but refused with parseTime's sentence when it is not a time at all.
 */
export const RaceTime = z
  .string()
  .trim()
  .max(16)
  .superRefine((text, ctx) => {
    const parsed = parseTime(text);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
  });
