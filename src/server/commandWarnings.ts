import type { Command } from '../protocol/command';
import { graphicFontWarnings } from '../protocol/templates/fontCoverage';
import type { ShowState } from '../state/showState';

/**
 * What the hub tells the sender of a command it applied, beside its revision: for a take or an update, the texts
 * it will draw with characters no bundled font has (boxes or a system font on air). The command has gone: the
 * operator decides whether to clear it.
 */
export function commandWarnings(command: Command, show: ShowState): string[] {
  if (command.type !== 'take' && command.type !== 'update') return [];
  return graphicFontWarnings(command.graphic.props, show.races);
}
