import type { Command } from '../protocol/command';
import { crawlCommandTypes, reduceCrawl } from './reducers/reduceCrawl';
import { onAirCommandTypes, reduceOnAir } from './reducers/reduceOnAir';
import { reduceShow, showCommandTypes } from './reducers/reduceShow';
import { raceCommandTypes, reduceRaces } from './reducers/reduceRaces';
import { reduceRundown, rundownCommandTypes } from './reducers/reduceRundown';
import { reduceTiming, timingCommandTypes } from './reducers/reduceTiming';
import { feedCommandTypes, reduceFeeds } from './reducers/reduceFeeds';
import { onAirEntrantBroken } from './entrantReferences';
import type { ShowState } from './showState';

export type ApplyContext = {
  /** Hub time in ms since the epoch. */
  now: number;
  /** Themes with valid template files (the hub's template library); when given, show.setTheme must name one. */
  themes?: readonly string[];
};
export type ApplyResult = { ok: true; state: ShowState } | { ok: false; error: string };

/**
 * The only way the show changes: a pure function of the state, a validated command and the hub's time.
 * An applied command always bumps the revision by one; a refused one changes nothing. Each domain's
 * commands go to its reducer in src/state/reducers/.
 */
export function applyCommand(state: ShowState, command: Command, ctx: ApplyContext): ApplyResult {
  const next = reduce(state, command, ctx);
  if (typeof next === 'string') return { ok: false, error: next };
  // A change to a race's start list or passings must not break a profile or result card on air that draws from it.
  if (is(command, raceCommandTypes) || is(command, timingCommandTypes)) {
    const broken = onAirEntrantBroken(state, next);
    if (broken) return { ok: false, error: broken };
  }
  return { ok: true, state: { ...next, revision: state.revision + 1 } };
}

function reduce(state: ShowState, command: Command, ctx: ApplyContext): ShowState | string {
  if (is(command, onAirCommandTypes)) return reduceOnAir(state, command, ctx);
  if (is(command, showCommandTypes)) return reduceShow(state, command, ctx);
  if (is(command, raceCommandTypes)) return reduceRaces(state, command, ctx);
  if (is(command, feedCommandTypes)) return reduceFeeds(state, command, ctx);
  if (is(command, timingCommandTypes)) return reduceTiming(state, command, ctx);
  if (is(command, crawlCommandTypes)) return reduceCrawl(state, command, ctx);
  if (is(command, rundownCommandTypes)) return reduceRundown(state, command);
  const unhandled: never = command;
  throw new Error(`No reducer for command ${JSON.stringify(unhandled)}`);
}

function is<T extends Command['type']>(command: Command, types: readonly T[]): command is Extract<Command, { type: T }> {
  return (types as readonly string[]).includes(command.type);
}
