import { z } from 'zod';
import { Bib } from './entrant';
import { ElapsedMs } from './elapsedMs';
import { requiredText } from './text';

/** A place on the course where the timing reads chips: metres from the start and its caption ("10K", "HALFWAY"). */
export const TimingPoint = z.strictObject({ metres: z.number().positive().max(100_000), label: requiredText(24) });
export type TimingPoint = z.infer<typeof TimingPoint>;

export const MAX_TIMING_POINTS = 16;
export const TimingPoints = z
  .array(TimingPoint)
  .max(MAX_TIMING_POINTS)
  .refine((points) => points.every((p, i) => i === 0 || p.metres > points[i - 1]!.metres), 'timing points must be in course order, each further than the one before');

/** Who sent a passing: a feed's id or "operator". */
export const PassingSource = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a feed id like rr-live (lower-case letters, digits, hyphens)');

/** A passing as feeds and commands send it. */
export const Passing = z.strictObject({
  bib: Bib,
  /** The timing point's distance from the start (within a metre of one the race has). */
  metres: z.number().positive().max(100_000),
  elapsedMs: ElapsedMs,
  source: PassingSource.default('operator'),
});
export type Passing = z.infer<typeof Passing>;

/**
 * A stored passing, compact because a mass race holds hundreds of thousands:
 * [bib, timing point index, elapsed ms, source index] (indexes into the race's `timingPoints` and `passingSources`).
 */
export type PassingRow = [bib: string, point: number, elapsedMs: number, source: number];

/**
 * Passings a race keeps: a 40,000-runner mass start over 8 timing points is 320,000; a correction replaces a row,
 * so the rest is room for a bigger field or more points. A race holds ~100 bytes a row in the hub (rows and their
 * index), so the show as a whole is capped too (MAX_SHOW_PASSINGS): two mass races in full, with room.
 */
export const MAX_PASSINGS = 400_000;
export const MAX_SHOW_PASSINGS = 1_000_000;
const MAX_SOURCES = 16;

/** Rows checked by one loop (a zod array of tuples would cost ~1 ms per thousand rows on every save). */
export const PassingRows = z
  .custom<PassingRow[]>((value) => Array.isArray(value))
  .superRefine((rows, ctx) => {
    const problem = passingRowsProblem(rows);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  // What JSON Schema readers (the OpenAPI document, OGraf's GDD) are told, since a custom check has no shape of its own.
  .meta({
    type: 'array',
    description: 'Stored passings, each [bib, timing point index, elapsed ms, source index]',
    maxItems: MAX_PASSINGS,
    items: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }, { type: 'integer' }, { type: 'integer' }], items: false },
  });

function passingRowsProblem(rows: unknown[]): string | null {
  if (rows.length > MAX_PASSINGS) return `at most ${MAX_PASSINGS} passings per race`;
  for (let i = 0; i < rows.length; i++) {
    const problem = passingRowProblem(rows[i], i);
    if (problem) return problem;
  }
  return null;
}

/** Why one stored row (at index `i`) is not a passing row, or null. */
export function passingRowProblem(row: unknown, i: number): string | null {
  if (!Array.isArray(row) || row.length !== 4) return `row ${i} must be [bib, point, elapsedMs, source]`;
  const [bib, point, ms, source] = row as unknown[];
  if (typeof bib !== 'string' || !/^[A-Za-z0-9-]{1,8}$/.test(bib)) return `row ${i}: bib must be 1 to 8 letters, digits or hyphens`;
  if (!Number.isInteger(point) || (point as number) < 0 || (point as number) >= MAX_TIMING_POINTS) return `row ${i}: point must be a timing point index`;
  if (!Number.isInteger(ms) || (ms as number) < 0 || (ms as number) > 24 * 3_600_000) return `row ${i}: elapsedMs must be whole ms under 24 hours`;
  if (!Number.isInteger(source) || (source as number) < 0 || (source as number) >= MAX_SOURCES) return `row ${i}: source must be a source index`;
  return null;
}

export const PassingSources = z.array(PassingSource).max(MAX_SOURCES);

/** A passing kept back from air until the operator accepts or rejects it, with the reason. */
export const HeldPassing = z.strictObject({
  bib: Bib,
  metres: z.number().positive().max(100_000),
  elapsedMs: ElapsedMs,
  source: PassingSource,
  reason: z.string().max(300),
});
export type HeldPassing = z.infer<typeof HeldPassing>;
export const MAX_HELD = 200;

/** A held passing the operator rejected: the same time sent again (a feed's window, a pull after a restart) is dropped. */
export const RejectedPassing = z.strictObject({ bib: Bib, metres: z.number().positive().max(100_000), elapsedMs: ElapsedMs });
export type RejectedPassing = z.infer<typeof RejectedPassing>;
/** The most recent rejections a race remembers. */
export const MAX_REJECTED = 500;

/** Whether a split the timing feed gives (the leader's time at a point) goes to the race's splits at once, or waits for approval. */
export const FeedSplits = z.enum(['direct', 'approve']);
export type FeedSplits = z.infer<typeof FeedSplits>;
