import { z } from 'zod';
import { crawlCommands } from './commands/crawlCommands';
import { onAirCommands } from './commands/onAirCommands';
import { showCommands } from './commands/showCommands';
import { raceCommands } from './commands/raceCommands';
import { rundownCommands } from './commands/rundownCommands';
import { feedCommands, timingCommands } from './commands/timingCommands';

/**
 * Everything that can change the show, as one discriminated union on `type`. Every edge (WebSocket, HTTP,
 * template files, operator forms) parses input with this schema; the reducers in src/state trust its output.
 * Each domain lists its commands in src/protocol/commands/.
 */
export const Command = z.discriminatedUnion('type', [
  ...onAirCommands,
  ...raceCommands,
  ...timingCommands,
  ...feedCommands,
  ...crawlCommands,
  ...rundownCommands,
  ...showCommands,
]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
