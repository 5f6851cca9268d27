import { formatTime } from '../../core';
import { Entrant } from '../../protocol/entrant';
import type { Race } from '../../protocol/race';
import { readPersonalBest } from '../../protocol/startList';
import { formatCharacterProblem } from '../formatCharacterProblem';
import type { FormValues } from '../panelMemory';
import { youHadTyped } from '../youHadTyped';
import { shownPoint } from './entrantFind';

/** The entrant form's fields, as typed. */
export type EntrantDraft = { bib: string; name: string; displayName: string; country: string; category: string; pb: string };
export const DRAFT_FIELDS = ['bib', 'name', 'displayName', 'country', 'category', 'pb'] as const;
export const DRAFT_LABELS: Record<keyof EntrantDraft, string> = { bib: 'Bib', name: 'Name', displayName: 'Display name', country: 'Country', category: 'Category', pb: 'Personal best' };

/** An entrant as the form shows it (a PB as a time). */
export function draftOf(entrant: Entrant | null): EntrantDraft {
  return {
    bib: entrant?.bib ?? '',
    name: entrant?.name ?? '',
    displayName: entrant?.displayName ?? '',
    country: entrant?.country ?? '',
    category: entrant?.category ?? '',
    pb: entrant?.pbMs === undefined ? '' : formatTime(entrant.pbMs),
  };
}

/**
 * Reads the form with the hub's own Entrant schema: empty optional fields are left out, the PB is read as a time
 * against the race's plausible times (as a start-list import reads it). Each problem is given at its field.
 */
export function readEntrantDraft(draft: EntrantDraft, race: Pick<Race, 'distanceM' | 'kind'>): { ok: true; entrant: Entrant } | { ok: false; problems: Partial<Record<keyof EntrantDraft, string>> } {
  const problems: Partial<Record<keyof EntrantDraft, string>> = {};
  const value: Record<string, unknown> = { bib: draft.bib, name: draft.name };
  for (const key of ['displayName', 'country', 'category'] as const) if (draft[key].trim() !== '') value[key] = draft[key];
  if (draft.pb.trim() !== '') {
    const pb = readPersonalBest(draft.pb, race);
    if (pb.ok) value.pbMs = pb.value;
    else problems.pb = pb.error;
  }
  for (const key of ['name', 'displayName', 'category'] as const) {
    const problem = formatCharacterProblem(draft[key]);
    if (problem) problems[key] = problem;
  }
  const parsed = Entrant.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = (issue.path[0] === 'pbMs' ? 'pb' : issue.path[0]) as keyof EntrantDraft;
      problems[field] ??= issue.message;
    }
  }
  if (!parsed.success || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, entrant: parsed.data };
}

/**
 * Why an entrant can't be removed from the panel, or null. An athlete with times stays: their passings are the
 * race's record and feed the standings, and removing the name would leave "#9" rows on the leaderboard. One on
 * air can't go either (the hub refuses both; the panel says so before asking).
 */
export function removalRefusal(race: Race, entrant: Entrant, onAirBibs: readonly string[]): string | null {
  const points = [...new Set((race.passings ?? []).filter((row) => row[0] === entrant.bib).map((row) => row[1]))];
  const who = `${entrant.name} (bib ${entrant.bib})`;
  if (points.length > 0) {
    return `${who} has times in ${race.name} (at ${points.map((p) => shownPoint(race, p)).join(', ')}), so stays on the start list: times are never thrown away with a name. Correct the entrant instead, or remove a wrong passing (Passings… in the standings) or reject a misread one in the held queue.`;
  }
  if (onAirBibs.includes(entrant.bib)) return `${who} is on air: take the graphic off air before removing the entrant.`;
  return null;
}

/**
 * What the message line says when an entrant form left open over a reload cannot come back: its race, or the
 * entrant it was editing, was removed meanwhile. What had been typed is given back in it, field by field (only
 * what differs from the entrant as it was), so nothing typed is lost without a word.
 */
export function notReopenedText(form: { raceName: string; was: Entrant | null }, raceGone: boolean, typed: FormValues | undefined): string {
  const { raceName, was } = form;
  const what = was ? `your edit of bib ${was.bib} (${was.name})` : `your new entrant for ${raceName}`;
  const why = raceGone ? `${raceName} was removed from the show` : `Bib ${was?.bib} was removed from ${raceName}'s start list (or renumbered)`;
  return `${why} since you opened the form, so after the reload ${what} is not reopened.${youHadTyped(typed, DRAFT_LABELS, draftOf(was))}`;
}
