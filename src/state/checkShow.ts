import { z } from 'zod';
import { describeIssues } from '../protocol/describeIssues';
import { Entrants } from '../protocol/entrant';
import { MAX_PASSINGS, passingRowProblem, type PassingRow } from '../protocol/passing';
import { Race } from '../protocol/race';
import { RundownItem } from '../protocol/rundownItem';
import { rowsPutSince } from './passingIndex';
import { raceList, ShowState } from './showState';

/**
 * The one check between a change and the disk (and NATS): the state it produces must pass the same schema every
 * page and the next start read it with (caps on races, splits, text lengths), whatever command or show file
 * produced it. Show values are never changed in place, so a part already found valid (a race, a start list, a
 * rundown item, by identity) is not read again, and a passings array made from a checked one by the passing
 * index is read only for the rows it put in: a feed batch into a race of 300,000 rows is checked in O(batch).
 */
export function checkShow(state: ShowState): string | null {
  const parsed = ShowCheck.safeParse(state);
  return parsed.success ? null : `Refused: the show would no longer be valid (${describeIssues(parsed.error)}); nothing was changed`;
}

/** `schema`, skipping an object it has found valid before (zod's issues passed on as they are, under this value's path). */
function once<T extends z.ZodType>(schema: T) {
  const valid = new WeakSet<object>();
  return z.custom<z.output<T>>().superRefine((value, ctx) => {
    if (typeof value === 'object' && value !== null && valid.has(value)) return;
    const parsed = schema.safeParse(value);
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0] & object);
    else if (typeof value === 'object' && value !== null) valid.add(value);
  });
}

const checkedRows = new WeakSet<readonly PassingRow[]>();

/** PassingRows (protocol/passing.ts) read only for what changed since the last array found valid. */
const CheckedPassingRows = z.custom<PassingRow[]>((value) => Array.isArray(value)).superRefine((rows, ctx) => {
  const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
  if (rows.length > MAX_PASSINGS) return fail(`at most ${MAX_PASSINGS} passings per race`);
  const put = rowsPutSince(rows, (base) => checkedRows.has(base));
  const problem = put ? firstProblem(put, (row) => rows.indexOf(row)) : firstProblem(rows, (_, i) => i);
  if (problem) return fail(problem);
  checkedRows.add(rows);
});

function firstProblem(rows: readonly PassingRow[], where: (row: PassingRow, i: number) => number): string | null {
  for (let i = 0; i < rows.length; i++) {
    // Where the row stands is looked up only for the refusal.
    if (passingRowProblem(rows[i], i)) return passingRowProblem(rows[i], where(rows[i]!, i));
  }
  return null;
}

const CheckedRace = once(Race.extend({ entrants: once(Entrants).optional(), passings: CheckedPassingRows.optional() }));
const ShowCheck = ShowState.extend({ races: raceList(CheckedRace).default([]), rundown: z.array(once(RundownItem)).max(2000).default([]) });
