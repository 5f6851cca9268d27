import type { Command } from '../protocol/command';
import { contractOf } from '../protocol/graphicSpec';
import type { ShowState } from './showState';

export type ApplyContext = { /** Hub time in ms since the epoch. */ now: number };
export type ApplyResult = { ok: true; state: ShowState } | { ok: false; error: string };

/**
 * The only way the show changes: a pure function of the state, a validated command and the hub's time.
 * An applied command always bumps the revision by one; a refused one changes nothing.
 */
export function applyCommand(state: ShowState, command: Command, ctx: ApplyContext): ApplyResult {
  const next = reduce(state, command, ctx);
  if (typeof next === 'string') return { ok: false, error: next };
  return { ok: true, state: { ...next, revision: state.revision + 1 } };
}

function reduce(state: ShowState, command: Command, ctx: ApplyContext): ShowState | string {
  const revision = state.revision + 1;
  switch (command.type) {
    case 'take': {
      const layer = command.layer ?? contractOf(command.graphic.kind).layer;
      const onAir = { id: `g${revision}`, layer, graphic: command.graphic, takenAt: ctx.now, updatedAt: ctx.now };
      return { ...state, onAir: { ...state.onAir, [layer]: onAir } };
    }
    case 'update': {
      const current = state.onAir[command.layer];
      if (!current) return `Nothing is on air on the ${command.layer} layer to update`;
      if (current.graphic.kind !== command.graphic.kind) {
        return `The ${command.layer} layer has a ${current.graphic.kind} on air, not a ${command.graphic.kind}`;
      }
      const updated = { ...current, graphic: command.graphic, updatedAt: ctx.now };
      return { ...state, onAir: { ...state.onAir, [command.layer]: updated } };
    }
    case 'clear': {
      if (!state.onAir[command.layer]) return `Nothing is on air on the ${command.layer} layer`;
      const { [command.layer]: _cleared, ...rest } = state.onAir;
      return { ...state, onAir: rest };
    }
    case 'clearAll':
      return { ...state, onAir: {} };
  }
}
