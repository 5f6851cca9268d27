import type { CommandOf } from '../../protocol/command';
import { contractOf } from '../../protocol/graphicSpec';
import { LAYER_TITLES } from '../../protocol/layers';
import { sameValue, sameValueAs } from '../../protocol/sameValue';
import { raceReferenceProblem } from '../raceReferences';
import type { ShowState } from '../showState';
import type { ApplyContext } from '../applyCommand';

export type OnAirCommand = CommandOf<'take' | 'update' | 'clear' | 'clearAll' | 'autoOut'>;
export const onAirCommandTypes = ['take', 'update', 'clear', 'clearAll', 'autoOut'] as const;

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
      const tagged = tag(state, command);
      const onAir = { id: `g${revision}`, layer, graphic: command.graphic, takenAt: ctx.now, updatedAt: ctx.now, ...tagged, ...outAt(state, tagged.itemId, ctx.now) };
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
      const { itemId: _previous, outAt: previousOutAt, ...rest } = current;
      const tagged = tag(state, command);
      // The same item keeps its countdown running; another item's update starts its own (or none).
      const out = tagged.itemId !== undefined && tagged.itemId === current.itemId && previousOutAt !== undefined ? { outAt: previousOutAt } : outAt(state, tagged.itemId, ctx.now);
      const updated = { ...rest, graphic: command.graphic, updatedAt: ctx.now, ...tagged, ...out };
      return { ...state, onAir: { ...state.onAir, [command.layer]: updated } };
    }
    case 'clear': {
      if (!state.onAir[command.layer]) return `Nothing is on air on ${LAYER_TITLES[command.layer]}`;
      const { [command.layer]: _cleared, ...rest } = state.onAir;
      return { ...state, onAir: rest };
    }
    case 'clearAll':
      return { ...state, onAir: {} };
    case 'autoOut': {
      const current = state.onAir[command.layer];
      if (!current || current.id !== command.onAirId) return `The graphic ${command.onAirId} is no longer on the ${command.layer} layer; nothing was taken out`;
      if (current.outAt === undefined || current.outAt > ctx.now) return `The graphic on the ${command.layer} layer has no auto-out due yet; nothing was taken out`;
      const { [command.layer]: _out, ...rest } = state.onAir;
      return { ...state, onAir: rest };
    }
  }
}

/** When a graphic taken from this rundown item goes out by itself: its take plus the item's auto-out, if it has one. */
function outAt(state: ShowState, itemId: string | undefined, now: number): { outAt?: number } {
  const seconds = state.rundown.find((item) => item.id === itemId)?.autoOutS;
  return seconds === undefined ? {} : { outAt: now + seconds * 1000 };
}

/**
 * The rundown item a take or update puts on air, for the tally: the one the command names, or else the one
 * holding the very same graphic (race control's keys, Companion, curl), so its tally goes red all the same.
 */
function tag(state: ShowState, command: CommandOf<'take' | 'update'>): { itemId?: string } {
  if (command.itemId !== undefined) return { itemId: command.itemId };
  const same = sameValueAs(command.graphic);
  const itemId = state.rundown.find((item) => item.graphic.kind === command.graphic.kind && same(item.graphic))?.id;
  return itemId === undefined ? {} : { itemId };
}
