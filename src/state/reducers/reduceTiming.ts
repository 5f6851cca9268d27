import { formatTime } from '../../core';
import type { CommandOf } from '../../protocol/command';
import { MAX_ENTRANTS, shownName, type Entrant } from '../../protocol/entrant';
import { MAX_REJECTED, MAX_SHOW_PASSINGS } from '../../protocol/passing';
import type { Race } from '../../protocol/race';
import { sameValue } from '../../protocol/sameValue';
import { describeRefused, personalBestProblem, readStartList } from '../../protocol/startList';
import type { ApplyContext } from '../applyCommand';
import { onAirEntrantCheck } from '../entrantReferences';
import { changeRows, rowAt, rowKey } from '../passingIndex';
import { bibOnList, entrantOf, feedSplits, mergePassings, passingRefusal, pointAt, sortRows, withFeedSplits } from '../passingTable';
import { unknownRace } from '../raceReferences';
import { readDistance } from './readRaceInput';
import type { ShowState } from '../showState';

export const timingCommandTypes = [
  'setEntrants',
  'upsertEntrants',
  'removeEntrant',
  'importStartList',
  'setTimingPoints',
  'setFeedSplits',
  'recordPassings',
  'acceptHeldPassing',
  'rejectHeldPassing',
  'removePassing',
  'approveFeedSplit',
] as const;
export type TimingCommand = CommandOf<(typeof timingCommandTypes)[number]>;

/** Start lists, timing points and passings. Returns the next state, or a sentence saying why not. */
export function reduceTiming(state: ShowState, command: TimingCommand, ctx: ApplyContext): ShowState | string {
  const race = state.races.find((r) => r.id === command.raceId);
  if (!race) return unknownRace(command.raceId, state.races);
  const showPassings = state.races.reduce((sum, r) => sum + (r.passings?.length ?? 0), 0);
  // An imported row that would break a graphic on air is refused on its own; the other rows go in.
  const check = command.type === 'importStartList' ? onAirEntrantCheck(state, race.id) : undefined;
  const next = reduceRaceTiming(race, command, ctx, showPassings, check);
  if (typeof next === 'string') return next;
  return { ...state, races: state.races.map((r) => (r.id === race.id ? next : r)) };
}

function reduceRaceTiming(race: Race, command: TimingCommand, ctx: ApplyContext, showPassings: number, check?: (entrant: Entrant) => string | null): Race | string {
  const { name } = race;
  switch (command.type) {
    case 'setEntrants': {
      const tooFast = personalBestsProblem(race, command.entrants);
      if (tooFast) return tooFast;
      const kept = new Set(command.entrants.map((e) => e.bib));
      const orphan = athletesWithPassings(race).find((bib) => !kept.has(bib));
      if (orphan) return `Bib ${orphan} has passings in ${name}, so it must stay on the start list.`;
      return { ...race, entrants: command.entrants };
    }

    case 'upsertEntrants': {
      const tooFast = personalBestsProblem(race, command.entrants, command.was);
      if (tooFast) return tooFast;
      return command.was ? edit(race, command.entrants, command.was) : upsert(race, command.entrants);
    }

    case 'importStartList': {
      const reading = readStartList(command.csv, race, check, (bib) => entrantOf(race, bib));
      if (!reading.ok) return reading.error;
      if (reading.entrants.length === 0) return `No athlete in that start list could be imported: ${describeRefused(reading.refused)}`.replace(/\.?$/, '.');
      return upsert(race, reading.entrants);
    }

    case 'removeEntrant': {
      const current = race.entrants?.find((e) => e.bib === command.bib);
      if (!current) return `${name} has no bib ${command.bib} on its start list${command.was ? ': another operator has removed or renumbered it' : ''}.`;
      if (command.was && !sameValue(current, command.was)) return changedSince(race, current);
      if (hasPassings(race, command.bib)) return `Bib ${command.bib} has passings in ${name}; an athlete with times can't be removed: remove their passings first (removePassing, or Passings… in the panel's standings) if they are wrong.`;
      return { ...race, entrants: race.entrants!.filter((e) => e.bib !== command.bib) };
    }

    case 'setTimingPoints': {
      // Stored rows name points by index: re-index them to the new list, refusing to drop a point in use.
      const old = race.timingPoints ?? [];
      const map = old.map((p) => command.points.findIndex((q) => Math.abs(q.metres - p.metres) <= 1));
      const used = new Set((race.passings ?? []).map((row) => row[1]));
      const dropped = [...used].find((i) => map[i] === -1);
      if (dropped !== undefined) return `${name} has passings at ${old[dropped]!.label}; keep that timing point.`;
      // A held passing names its point by metres: without the point it could be neither accepted nor rejected.
      const orphan = (race.held ?? []).find((h) => !command.points.some((p) => Math.abs(p.metres - h.metres) <= 1));
      if (orphan) {
        const label = old.find((p) => Math.abs(p.metres - orphan.metres) <= 1)?.label ?? `${orphan.metres} m`;
        return `${name} has a held passing at ${label} (bib ${orphan.bib}): accept or reject it in the held passings first, or keep that timing point.`;
      }
      const beyond = command.points.find((p) => p.metres > race.distanceM + 1);
      if (beyond) return `${beyond.label} (${beyond.metres} m) is beyond ${name}'s distance of ${race.distanceM} m.`;
      const passings = sortRows((race.passings ?? []).map(([bib, point, ms, source]) => [bib, map[point]!, ms, source]));
      return { ...race, timingPoints: command.points, ...(race.passings ? { passings } : {}) };
    }

    case 'setFeedSplits': {
      const next = { ...race, feedSplits: command.feedSplits };
      return command.feedSplits === 'direct' ? withFeedSplits(next) : next;
    }

    case 'recordPassings': {
      const merged = mergePassings(race, command.passings, ctx.now);
      if (typeof merged === 'string') return merged;
      const total = showPassings - (race.passings?.length ?? 0) + (merged.race.passings?.length ?? 0);
      if (total > MAX_SHOW_PASSINGS) return `The show would hold ${total} passings over all its races, more than the ${MAX_SHOW_PASSINGS} a hub keeps; nothing of this batch was stored — remove a race that is over first`;
      return race.feedSplits === 'direct' ? withFeedSplits(merged.race) : merged.race;
    }

    case 'acceptHeldPassing':
    case 'rejectHeldPassing': {
      const held = (race.held ?? []).find((h) => h.bib === command.bib && Math.abs(h.metres - command.metres) <= 1);
      if (!held) return `${name} has no held passing for bib ${command.bib} at ${command.metres} m.`;
      const rest = { ...race, held: race.held!.filter((h) => h !== held) };
      if (command.type === 'rejectHeldPassing') {
        const rejected = { bib: held.bib, metres: held.metres, elapsedMs: held.elapsedMs };
        return { ...rest, rejected: [...(race.rejected ?? []), rejected].slice(-MAX_REJECTED) };
      }
      const index = pointAt(race, held.metres)!.index;
      const sources = [...(race.passingSources ?? [])];
      let source = sources.indexOf(held.source);
      if (source < 0) source = sources.push(held.source) - 1;
      const accepted = { ...rest, passings: changeRows(race.passings ?? [], [[held.bib, index, held.elapsedMs, source]]), passingSources: sources };
      return race.feedSplits === 'direct' ? withFeedSplits(accepted) : accepted;
    }

    case 'removePassing': {
      const metres = readDistance(command.metres, race);
      if (!metres.ok) return metres.error;
      // The bib as the timing feed sent it ("1" for 001) names the one entrant a feed's passing would have gone to.
      const bib = bibOnList(race, command.bib);
      const refused = passingRefusal(race, { bib, metres: metres.value });
      if (refused) return `${refused}; no passing was removed.`;
      const { index, point } = pointAt(race, metres.value)!;
      const row = rowAt(race.passings ?? [], bib, index);
      if (!row) return `${shownName(entrantOf(race, bib)!)} (${bib}) has no passing at ${point.label} in ${name}; nothing was removed.`;
      // Remembered as a rejection, so a feed sending this very passing again (a pull after a restart) leaves it out.
      const rejected = { bib, metres: point.metres, elapsedMs: row[2] };
      const removed = { ...race, passings: changeRows(race.passings!, [], [rowKey(bib, index)]), rejected: [...(race.rejected ?? []), rejected].slice(-MAX_REJECTED) };
      // As for a correction: the split follows the new leader; a point left without passings keeps its split (a banner may show it).
      return race.feedSplits === 'direct' ? withFeedSplits(removed) : removed;
    }

    case 'approveFeedSplit': {
      const metres = readDistance(command.metres, race);
      if (!metres.ok) return metres.error;
      const split = feedSplits(race).find((s) => Math.abs(s.metres - metres.value) <= 1);
      if (!split) return `${name} has no feed split at ${metres.value} m: nobody has passed that timing point yet.`;
      const next = withFeedSplits(race, split.metres);
      if (!next.splits.some((s) => Math.abs(s.metres - split.metres) <= 1 && s.elapsedMs === split.elapsedMs)) {
        return `${name}'s feed split ${split.label} at ${formatTime(split.elapsedMs)} does not fit between the splits already entered; correct those first.`;
      }
      return next;
    }
  }
}

/**
 * Where each bib sits in a start list, shared by the lists upsert makes from one another: upsert replaces an entrant
 * in place or appends it, so a bib never moves. A position is trusted only where that list holds that bib there (a
 * list made from another branch, or longer, may not). A mass start's list comes as 40 commands of 1000: each
 * indexing 40,000 entrants afresh held the hub ~1.5 s.
 */
const positions = new WeakMap<readonly Entrant[], Map<string, number>>();
function positionsOf(list: readonly Entrant[]): Map<string, number> {
  let at = positions.get(list);
  if (!at) positions.set(list, (at = new Map(list.map((e, i) => [e.bib, i]))));
  return at;
}

function upsert(race: Race, entrants: Race['entrants'] & object): Race | string {
  const list = race.entrants ?? [];
  const at = positionsOf(list);
  const next = list.slice();
  for (const entrant of entrants) {
    const i = at.get(entrant.bib);
    if (i !== undefined && i < next.length && next[i]!.bib === entrant.bib) next[i] = entrant;
    else {
      at.set(entrant.bib, next.length);
      next.push(entrant);
    }
  }
  if (next.length > MAX_ENTRANTS) return `${race.name} would have ${next.length} entrants; a race holds at most ${MAX_ENTRANTS}.`;
  positions.set(next, at);
  return { ...race, entrants: next };
}

/**
 * An edit made against `was` (what the operator's form started from): refused when any of those entrants has
 * changed or gone since, or a bib it adds is already taken; an entrant of `was` whose bib is not in `entrants`
 * gives way to the new one in its place (a corrected bib), unless it has passings (they are kept by bib).
 */
function edit(race: Race, entrants: readonly Entrant[], was: readonly Entrant[]): Race | string {
  const { name } = race;
  const list = race.entrants ?? [];
  for (const before of was) {
    const current = list.find((e) => e.bib === before.bib);
    if (!current) return `Bib ${before.bib} is no longer on ${name}'s start list: another operator has removed or renumbered it. Nothing was saved.`;
    if (!sameValue(current, before)) return changedSince(race, current);
  }
  const editing = new Set(was.map((e) => e.bib));
  for (const entrant of entrants) {
    const taken = editing.has(entrant.bib) ? null : list.find((e) => e.bib === entrant.bib);
    if (taken) return `Bib ${entrant.bib} is already on ${name}'s start list (${taken.name}); give another bib, or edit that entrant.`;
  }
  const kept = new Set(entrants.map((e) => e.bib));
  const renumbered = was.filter((e) => !kept.has(e.bib));
  const timed = renumbered.find((e) => hasPassings(race, e.bib))?.bib;
  if (timed) return `Bib ${timed} has passings in ${name}, and they are kept by bib, so its bib can't be changed; correct the bib in the timing system's feed instead.`;
  // In place: an edited entrant keeps its line; a renumbered one is replaced on its line when it is the only one.
  const replacing = renumbered.length === 1 ? renumbered[0]!.bib : null;
  const added = entrants.filter((e) => !list.some((c) => c.bib === e.bib));
  const byBib = new Map(entrants.map((e) => [e.bib, e]));
  const next = list.flatMap((e) => (e.bib === replacing && added.length === 1 ? [added[0]!] : renumbered.some((r) => r.bib === e.bib) ? [] : [byBib.get(e.bib) ?? e]));
  const appended = replacing && added.length === 1 ? [] : added;
  if (next.length + appended.length > MAX_ENTRANTS) return `${name} would have ${next.length + appended.length} entrants; a race holds at most ${MAX_ENTRANTS}.`;
  return { ...race, entrants: [...next, ...appended] };
}

/** The refusal for an entrant that another operator changed since this edit began, saying what it is now. */
function changedSince(race: Race, current: Entrant): string {
  return `Another operator changed bib ${current.bib} on ${race.name}'s start list since you opened it (now ${describeEntrant(current)}). Nothing was saved: reopen it and edit again.`;
}

/** "Eliud Kipchoge, KEN, ELITE, PB 2:03:05". */
export function describeEntrant(entrant: Entrant): string {
  return [entrant.name, entrant.displayName && `“${entrant.displayName}”`, entrant.country, entrant.category, entrant.pbMs !== undefined && `PB ${formatTime(entrant.pbMs)}`].filter(Boolean).join(', ');
}

function athletesWithPassings(race: Race): string[] {
  return [...new Set((race.passings ?? []).map((row) => row[0]))];
}

/** Whether the athlete has a passing at any timing point: a lookup per point in the passing index, not a scan of the race. */
function hasPassings(race: Race, bib: string): boolean {
  return (race.timingPoints ?? []).some((_, point) => rowAt(race.passings ?? [], bib, point) !== undefined);
}

/**
 * A personal best no one could have run (0:00, 1:00 for a marathon) in entrants sent as numbers (curl, Companion,
 * a timing system): refused as the panel's form and the start-list import refuse it. A PB the athlete already had
 * (in `was`, or stored) is let through unchanged, so a list saved before this check can still be edited.
 */
function personalBestsProblem(race: Race, entrants: readonly Entrant[], was?: readonly Entrant[]): string | null {
  for (const entrant of entrants) {
    if (entrant.pbMs === undefined) continue;
    const problem = personalBestProblem(entrant.pbMs, race);
    if (!problem) continue;
    const before = was?.find((e) => e.bib === entrant.bib) ?? entrantOf(race, entrant.bib);
    if (before?.pbMs !== entrant.pbMs) return `Bib ${entrant.bib}: ${problem} Nothing was saved.`;
  }
  return null;
}
