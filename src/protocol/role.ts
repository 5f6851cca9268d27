import { z } from 'zod';

/** What a token may do: producer everything; operator the air, rundown, crawl and race control; data the races; viewer reads. */
export const Role = z.enum(['producer', 'operator', 'data', 'viewer']);
export type Role = z.infer<typeof Role>;
