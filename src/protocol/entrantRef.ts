import { z } from 'zod';
import { Bib } from './entrant';
import { RaceId } from './race';

/**
 * An athlete on a race's start list, named by race and bib. A graphic that gives one draws the entrant's name,
 * country and personal best from the show (its own typed fields still win), so a corrected start list updates
 * it on air in place.
 */
export const EntrantRef = z.strictObject({ raceId: RaceId, bib: Bib });
export type EntrantRef = z.infer<typeof EntrantRef>;

/**
 * Refines a kind's props: without an entrant, each of `fields` must be given. The message says both ways, so
 * a form shows it at the field and a command's refusal reads as a sentence.
 */
export function requiredWithoutEntrant<T extends { entrant?: EntrantRef | undefined }>(fields: readonly (keyof T & string)[]) {
  return (props: T, ctx: z.core.$RefinementCtx<T>) => {
    if (props.entrant) return;
    for (const field of fields) {
      if (props[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'is required (or give an entrant: race and bib)' });
    }
  };
}
