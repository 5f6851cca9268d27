import type { CommandOf } from '../../protocol/command';
import type { ApplyContext } from '../applyCommand';
import type { ShowState } from '../showState';

export type ShowCommand = CommandOf<'show.setTheme'>;
export const showCommandTypes = ['show.setTheme'] as const;

/**
 * Show-wide settings. Which themes exist is not in the show but in the hub's template files, so the hub
 * passes their names in the context (`ctx.themes`) and the reducer stays a pure function of its inputs.
 */
export function reduceShow(state: ShowState, command: ShowCommand, ctx: ApplyContext): ShowState | string {
  switch (command.type) {
    case 'show.setTheme': {
      const themes = ctx.themes;
      if (themes && !themes.includes(command.theme)) {
        return `There is no theme "${command.theme}" with valid template files: the themes are ${themes.join(', ')} (templates/themes/<name>.json)`;
      }
      return { ...state, theme: command.theme };
    }
  }
}
