import { z } from 'zod';

/** An elapsed race time in ms: from the gun, under 24 hours. */
export const ElapsedMs = z.number().int().min(0).max(24 * 3_600_000);
