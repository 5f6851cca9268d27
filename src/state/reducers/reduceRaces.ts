import { formatDistanceLabel, formatKm, formatTime, validateSplit } from '../../core';
import type { CommandOf } from '../../protocol/command';
import { definitionOf, finishWithGun, type Race, type RaceDefinition, type RaceSplit } from '../../protocol/race';
import { sameValue } from '../../protocol/sameValue';
import type { ApplyContext } from '../applyCommand';
import { inWords, listSplits, onAirShowingRace, splitAt, unknownRace } from '../raceReferences';
import type { ShowState } from '../showState';
import { readDistance, readElapsed } from './readRaceInput';

export const raceCommandTypes = [
  'addRace',
  'editRace',
  'removeRace',
  'startRace',
  'setGunTime',
  'finishRace',
  'resetRace',
  'addSplit',
  'correctSplit',
  'removeSplit',
  'setRecord',
] as const;
export type RaceCommand = CommandOf<(typeof raceCommandTypes)[number]>;

/**
 * Race definitions, clocks, splits and records. Returns the next state, or a sentence saying why the
 * command was refused. The gun of `startRace` is the hub's time when the command is applied (ctx.now).
 */
export function reduceRaces(state: ShowState, command: RaceCommand, ctx: ApplyContext): ShowState | string {
  if (command.type === 'addRace') {
    const existing = state.races.find((r) => r.id === command.raceId);
    if (existing) return `A race "${command.raceId}" already exists (${existing.name}); choose another id or edit that race.`;
    const race: Race = {
      id: command.raceId,
      name: command.name,
      kind: command.kind,
      distanceM: command.distanceM,
      gunTime: null,
      finishedAt: null,
      record: null,
      splits: [],
      ...(command.paceUnit ? { paceUnit: command.paceUnit } : {}),
    };
    return { ...state, races: [...state.races, race] };
  }

  const race = state.races.find((r) => r.id === command.raceId);
  if (!race) return unknownRace(command.raceId, state.races);
  const next = reduceRace(race, command, state, ctx);
  if (next === null) return { ...state, races: state.races.filter((r) => r.id !== race.id) };
  if (typeof next === 'string') return next;
  return { ...state, races: state.races.map((r) => (r.id === race.id ? next : r)) };
}

/** The next race, null to remove it, or why not. */
function reduceRace(race: Race, command: Exclude<RaceCommand, { type: 'addRace' }>, state: ShowState, ctx: ApplyContext): Race | null | string {
  const { name } = race;
  switch (command.type) {
    case 'editRace': {
      if (command.was) {
        const now = definitionOf(race);
        if (!sameValue(now, command.was)) {
          return `Another operator changed ${command.was.name} since you opened it (${changesOf(command.was, now).join('; ')}): nothing was changed — edit it again as it is now.`;
        }
      }
      const distanceM = command.distanceM ?? race.distanceM;
      const beyond = race.splits.find((s) => s.metres > distanceM + 1);
      if (beyond) return `${name} has a split at ${beyond.label}, beyond ${formatKm(distanceM)}: remove it before shortening the race.`;
      // Passings name their point, and athleteSplits reads each point's share of the distance: none may lie past the finish.
      const points = race.timingPoints ?? [];
      const used = new Set((race.passings ?? []).map((row) => row[1]));
      const past = points.flatMap((p, i) => (p.metres > distanceM + 1 ? [`${p.label}${used.has(i) ? ' (with passings)' : ''}`] : []));
      if (past.length > 0) {
        return `${name} has timing points beyond ${formatKm(distanceM)}: ${past.join(', ')}. Remove them (a point with passings goes once the race is reset) before shortening the race.`;
      }
      const { paceUnit: _previous, ...rest } = race;
      const paceUnit = command.paceUnit === undefined ? race.paceUnit : command.paceUnit;
      return { ...rest, name: command.name ?? race.name, kind: command.kind ?? race.kind, distanceM, ...(paceUnit ? { paceUnit } : {}) };
    }

    case 'removeRace': {
      const shown = onAirShowingRace(state, race.id);
      if (shown.length > 0) return `${name} is on air in ${inWords(shown.map((s) => s.where))}; take it off air before removing the race.`;
      return null;
    }

    case 'startRace': {
      if (race.gunTime !== null) {
        return `${name} has already started (its clock is at ${formatTime((race.finishedAt ?? ctx.now) - race.gunTime)}); reset it to start again, or correct its gun time.`;
      }
      const { finishElapsedMs: _finish, ...rest } = race;
      return { ...rest, gunTime: ctx.now, finishedAt: null };
    }

    case 'setGunTime': {
      const finishedAt = finishWithGun(race, command.gunTime);
      if (finishedAt !== null && command.gunTime >= finishedAt) {
        return `That gun time is not before ${name}'s finish; a race can't finish before its gun. Reset the race to run it again.`;
      }
      return { ...race, gunTime: command.gunTime, finishedAt };
    }

    case 'finishRace': {
      if (race.gunTime === null) return `${name} has no gun time yet: start it or set its gun time before finishing it.`;
      const explicit = command.at !== undefined || command.elapsedMs !== undefined;
      if (race.finishedAt !== null && !explicit) {
        return `${name} has already finished in ${formatTime(race.finishedAt - race.gunTime)}; send the finish time (at or elapsedMs) to correct it, or reset the race.`;
      }
      // A finish now or at a hub time is a moment; one given from the gun keeps that time (finishWithGun).
      const { finishElapsedMs: _previous, ...rest } = race;
      let finishedAt = ctx.now;
      if (command.at !== undefined) finishedAt = command.at;
      if (command.elapsedMs !== undefined) {
        const elapsed = readElapsed(command.elapsedMs, race, race.distanceM);
        if (!elapsed.ok) return elapsed.error;
        finishedAt = race.gunTime + elapsed.value;
      }
      if (finishedAt <= race.gunTime) {
        return `${name} can't finish at or before its gun (that would be ${formatTime(finishedAt - race.gunTime)} on its clock).`;
      }
      return command.elapsedMs === undefined ? { ...rest, finishedAt } : { ...rest, finishedAt, finishElapsedMs: finishedAt - race.gunTime };
    }

    case 'resetRace': {
      if (race.gunTime === null && race.splits.length === 0 && !race.passings?.length) return `${name} has not started and has no splits: there is nothing to reset.`;
      const blocking = onAirShowingRace(state, race.id).filter((s) => s.kind !== 'raceClock');
      if (race.splits.length > 0 && blocking.length > 0) {
        return `${name}'s splits are on air in ${inWords(blocking.map((s) => s.where))}; take that off air before resetting the race.`;
      }
      // Entrants and timing points stay; what the timing said goes with the clock.
      // Its rejections go too: they belong to the passings cleared, and the next run's feed is checked anew.
      const { passings: _p, passingSources: _s, held: _h, rejected: _r, finishElapsedMs: _f, ...rest } = race;
      return { ...rest, gunTime: null, finishedAt: null, splits: [] };
    }

    case 'addSplit': {
      if (race.gunTime === null) return `${name} has not started: start its clock or set its gun time before entering splits.`;
      const metres = readDistance(command.metres, race);
      if (!metres.ok) return metres.error;
      const existing = splitAt(race, metres.value);
      if (existing) {
        return `${name} already has a ${existing.label} split (${formatTime(existing.elapsedMs)}): enter that distance again to correct it.`;
      }
      const elapsed = readElapsed(command.elapsedMs, race, metres.value);
      if (!elapsed.ok) return elapsed.error;
      const split: RaceSplit = {
        metres: metres.value,
        label: command.label ?? formatDistanceLabel(metres.value, race.distanceM),
        elapsedMs: elapsed.value,
        leaders: command.leaders,
      };
      const checked = validateSplit(split, race.splits, race.distanceM);
      if (!checked.ok) return `${name}: ${checked.error}`;
      return { ...race, splits: [...race.splits, split] };
    }

    case 'correctSplit': {
      const metres = readDistance(command.metres, race);
      if (!metres.ok) return metres.error;
      const index = race.splits.findIndex((s) => s === splitAt(race, metres.value));
      const current = race.splits[index];
      if (!current) return `${name} has no split at ${formatDistanceLabel(metres.value, race.distanceM)}: ${listSplits(race)}.`;
      let elapsedMs = current.elapsedMs;
      if (command.elapsedMs !== undefined) {
        const elapsed = readElapsed(command.elapsedMs, race, current.metres);
        if (!elapsed.ok) return elapsed.error;
        elapsedMs = elapsed.value;
      }
      const corrected: RaceSplit = {
        metres: current.metres,
        label: command.label ?? current.label,
        elapsedMs,
        leaders: command.leaders ?? current.leaders,
      };
      // Still in course order: checked against the splits before it, and the one after it against it.
      const checked = validateSplit(corrected, race.splits.slice(0, index), race.distanceM);
      if (!checked.ok) return `${name}: ${checked.error}`;
      const after = race.splits[index + 1];
      if (after) {
        const followed = validateSplit(after, [...race.splits.slice(0, index), corrected], race.distanceM);
        if (!followed.ok) return `${name}: ${followed.error}`;
      }
      return { ...race, splits: race.splits.map((s, i) => (i === index ? corrected : s)) };
    }

    case 'removeSplit': {
      const metres = readDistance(command.metres, race);
      if (!metres.ok) return metres.error;
      const split = splitAt(race, metres.value);
      if (!split) return `${name} has no split at ${formatDistanceLabel(metres.value, race.distanceM)}: ${listSplits(race)}.`;
      const banner = Object.values(state.onAir).find(
        (onAir) => onAir.graphic.kind === 'splitBanner' && onAir.graphic.props.raceId === race.id && splitAt(race, onAir.graphic.props.metres) === split,
      );
      if (banner) return `${name}'s ${split.label} split is on air in the split banner on the ${banner.layer} layer; take it off air before removing the split.`;
      const ticker = onAirShowingRace(state, race.id).find((s) => s.kind === 'projectionTicker');
      if (ticker && race.splits.length === 1) {
        return `${split.label} is ${name}'s only split and ${ticker.where} projects from it; take that off air before removing it.`;
      }
      return { ...race, splits: race.splits.filter((s) => s !== split) };
    }

    case 'setRecord': {
      if (command.record === null) return { ...race, record: null };
      const ms = readElapsed(command.record.ms, race, race.distanceM);
      if (!ms.ok) return ms.error;
      if (ms.value <= 0) return `A record of ${formatTime(ms.value)} can't be right: a record is a time greater than zero.`;
      const { label, holder, year } = command.record;
      return { ...race, record: { label, ...(holder === undefined ? {} : { holder }), ...(year === undefined ? {} : { year }), ms: ms.value } };
    }
  }
}

/** What differs between a race's definition as an edit started from it and as it is now, in words. */
function changesOf(was: RaceDefinition, now: RaceDefinition): string[] {
  const record = (r: RaceDefinition['record']) => (r ? `${r.label} ${formatTime(r.ms)}${r.holder ? ` (${r.holder})` : ''}${r.year ? ` ${r.year}` : ''}` : 'none');
  const pace = (p: RaceDefinition['paceUnit']) => (p === null ? 'none' : p === 'km' ? 'per km' : 'per mile');
  const words: string[] = [];
  if (was.name !== now.name) words.push(`its name is now ${now.name}`);
  if (was.kind !== now.kind) words.push(`its kind is now ${now.kind}`);
  if (was.distanceM !== now.distanceM) words.push(`its distance is now ${formatKm(now.distanceM)}`);
  if (was.paceUnit !== now.paceUnit) words.push(`its pace is now ${pace(now.paceUnit)}`);
  if (!sameValue(was.record, now.record)) words.push(`its record is now ${record(now.record)}`);
  return words;
}
