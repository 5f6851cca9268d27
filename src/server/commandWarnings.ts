import type { Command } from '../protocol/command';
import { graphicFontWarnings } from '../protocol/templates/fontCoverage';
import type { ShowState } from '../state/showState';
import { crawlWarnings } from './crawlWarnings';
import { emptyBoardWarnings } from './emptyBoardWarnings';
import { gunTimeWarnings } from './gunTimeWarnings';

/**
 * What the hub tells the sender of a command it applied, beside its revision: for a take or an update, the texts
 * it will draw with characters no bundled font has (boxes or a system font on air), and a leaderboard or gap that
 * will draw no athlete yet; for a take of the crawl, one with no items or stopped; for a gun time, a split it leaves
 * ahead of the race clock. The command has gone: the operator decides whether to clear or correct it. `show` is the
 * show the command made, `now` the hub's time.
 */
export function commandWarnings(command: Command, show: ShowState, now: number): string[] {
  if (command.type === 'setGunTime') {
    const race = show.races.find((r) => r.id === command.raceId);
    return race ? gunTimeWarnings(race, now) : [];
  }
  if (command.type !== 'take' && command.type !== 'update') return [];
  return [
    ...graphicFontWarnings(command.graphic.props, show.races),
    ...emptyBoardWarnings(command.graphic, show.races),
    ...(command.type === 'take' ? crawlWarnings(command.graphic, show.crawl) : []),
  ];
}
