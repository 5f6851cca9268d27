import type { CommandOf } from '../../protocol/command';
import { contractOf } from '../../protocol/graphicSpec';
import { raceReferenceProblem } from '../raceReferences';
import type { ShowState } from '../showState';
import type { ApplyContext } from '../applyCommand';

export type OnAirCommand = CommandOf<'take' | 'update' | 'clear' | 'clearAll'>;
export const onAirCommandTypes = ['take', 'update', 'clear', 'clearAll'] as const;

/** Take, update and clear. Returns the next state, or a sentence saying why the command was refused. */
export function reduceOnAir(state: ShowState, command: OnAirCommand, ctx: ApplyContext): ShowState | string {
  const revision = state.revision + 1;
  switch (command.type) {
    case 'take': {
      const problem = raceReferenceProblem(command.graphic, state);
      if (problem) return problem;
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
      const problem = raceReferenceProblem(command.graphic, state);
      if (problem) return problem;
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
