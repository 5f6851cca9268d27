import type { CommandOf } from '../../protocol/command';
import { contractOf } from '../../protocol/graphicSpec';
import { LAYER_TITLES } from '../../protocol/layers';
import { sameValue } from '../../protocol/sameValue';
import { raceReferenceProblem } from '../raceReferences';
import type { ShowState } from '../showState';
import type { ApplyContext } from '../applyCommand';

export type OnAirCommand = CommandOf<'take' | 'update' | 'clear' | 'clearAll'>;
export const onAirCommandTypes = ['take', 'update', 'clear', 'clearAll'] as const;

/** Take, update and clear (a take of what is on air stays or updates in place). Returns the next state, or a sentence saying why the command was refused. */
export function reduceOnAir(state: ShowState, command: OnAirCommand, ctx: ApplyContext): ShowState | string {
  const revision = state.revision + 1;
  switch (command.type) {
    case 'take': {
      const problem = raceReferenceProblem(command.graphic, state);
      if (problem) return problem;
      const layer = command.layer ?? contractOf(command.graphic.kind).layer;
      const current = state.onAir[layer];
      // A take of what is already on air never bounces it (out and in): the same graphic stays as it is, and
      // the same rundown item, edited since, animates to its new look in place, as an update would.
      if (current && sameValue(current.graphic, command.graphic)) return state;
      if (current && command.itemId !== undefined && current.itemId === command.itemId && current.graphic.kind === command.graphic.kind) {
        return { ...state, onAir: { ...state.onAir, [layer]: { ...current, graphic: command.graphic, updatedAt: ctx.now } } };
      }
      const onAir = { id: `g${revision}`, layer, graphic: command.graphic, takenAt: ctx.now, updatedAt: ctx.now, ...tag(state, command) };
      return { ...state, onAir: { ...state.onAir, [layer]: onAir } };
    }
    case 'update': {
      const current = state.onAir[command.layer];
      if (!current) return `Nothing is on air on ${LAYER_TITLES[command.layer]} to update`;
      if (current.graphic.kind !== command.graphic.kind) {
        return `${LAYER_TITLES[command.layer]} has ${contractOf(current.graphic.kind).title} on air, not ${contractOf(command.graphic.kind).title}: Update changes a graphic of the same kind in place; Take replaces it`;
      }
      const problem = raceReferenceProblem(command.graphic, state);
      if (problem) return problem;
      // The tally follows the command: an update from another item (or from no item) moves it.
      const { itemId: _previous, ...rest } = current;
      const updated = { ...rest, graphic: command.graphic, updatedAt: ctx.now, ...tag(state, command) };
      return { ...state, onAir: { ...state.onAir, [command.layer]: updated } };
    }
    case 'clear': {
      if (!state.onAir[command.layer]) return `Nothing is on air on ${LAYER_TITLES[command.layer]}`;
      const { [command.layer]: _cleared, ...rest } = state.onAir;
      return { ...state, onAir: rest };
    }
    case 'clearAll':
      return { ...state, onAir: {} };
  }
}

/**
 * The rundown item a take or update puts on air, for the tally: the one the command names, or else the one
 * holding the very same graphic (race control's keys, Companion, curl), so its tally goes red all the same.
 */
function tag(state: ShowState, command: CommandOf<'take' | 'update'>) {
  const itemId = command.itemId ?? state.rundown.find((item) => sameValue(item.graphic, command.graphic))?.id;
  return itemId === undefined ? {} : { itemId };
}
