import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { CommandType } from '../protocol/command';
import { describeIssues } from '../protocol/describeIssues';
import { Role } from '../protocol/role';
import { crawlCommandTypes } from '../state/reducers/reduceCrawl';
import { onAirCommandTypes } from '../state/reducers/reduceOnAir';
import { raceCommandTypes } from '../state/reducers/reduceRaces';
import { rundownCommandTypes } from '../state/reducers/reduceRundown';
import { showCommandTypes } from '../state/reducers/reduceShow';
import { feedCommandTypes } from '../state/reducers/reduceFeeds';
import { timingCommandTypes } from '../state/reducers/reduceTiming';
import { hasToken } from './token';

export { Role };

/** Something a token may be allowed: one command type, switching show files (`showFiles`), or seeing and naming the outputs (`outputs`). */
export type Permission = CommandType | 'showFiles' | 'outputs';

const raceControl = ['startRace', 'setGunTime', 'finishRace', 'resetRace', 'addSplit', 'correctSplit', 'removeSplit'] as const;
/** What the operator decides on air from the timing: held passings, a passing to take back, feed splits waiting for approval. */
const timingDecisions = ['acceptHeldPassing', 'rejectHeldPassing', 'removePassing', 'approveFeedSplit'] as const;
const raceData: readonly Permission[] = [...raceCommandTypes, ...timingCommandTypes, ...feedCommandTypes];
const everything: readonly Permission[] = [...onAirCommandTypes, ...raceData, ...crawlCommandTypes, ...rundownCommandTypes, ...showCommandTypes, 'showFiles', 'outputs'];

const PERMISSIONS: Record<Role, readonly Permission[]> = {
  producer: everything,
  operator: [...onAirCommandTypes, ...rundownCommandTypes, ...crawlCommandTypes, ...raceControl, ...timingDecisions, 'outputs'],
  data: raceData,
  viewer: [],
};

/** The role's allowance in words, for the 403 sentence. */
const DESCRIPTIONS: Record<Role, string> = {
  producer: 'everything, including show files, races and the theme',
  operator: 'take, update and clear, the rundown (and its lock), the crawl, race control (start, gun time, finish, reset, splits), accepting held passings and feed splits and removing a passing',
  data: 'races, splits, records, entrants, passings and timing feeds only',
  viewer: 'nothing but read the show',
};

/** Whoever sent a request: the token's name (recorded with each command) and its role. */
export type Sender = { name: string; role: Role };

export const mayDo = (sender: Sender, permission: Permission) => PERMISSIONS[sender.role].includes(permission);

/** The 403 sentence: who was refused, what their role is, and what it may do. */
export function refusalFor(sender: Sender, permission: Permission): string {
  const what = permission === 'showFiles' ? 'switch or save show files' : permission === 'outputs' ? 'see or name the outputs' : `send ${permission}`;
  return `Forbidden: "${sender.name}" has the ${sender.role} role, which may not ${what}; the ${sender.role} role may do ${DESCRIPTIONS[sender.role]}`;
}

const TokenName = z.string().regex(/^[A-Za-z0-9 ._-]{1,40}$/, 'a token name is 1 to 40 letters, digits, spaces, dots, dashes or underscores');
/** data/roles.json: the named tokens besides the hub's own operator token (which is always the producer "producer"). */
export const RolesFile = z.strictObject({
  tokens: z
    .array(z.strictObject({ name: TokenName, token: z.string().min(12, 'a token is at least 12 characters').max(200), role: Role }))
    .max(100)
    .refine((list) => new Set(list.map((t) => t.name)).size === list.length, 'token names must be unique')
    .refine((list) => new Set(list.map((t) => t.token)).size === list.length, 'tokens must be unique'),
});
export type RolesFile = z.infer<typeof RolesFile>;

export type Roles = {
  /** The sender a presented token stands for, or null for no token or an unknown one. */
  senderOf(presented: string | null | undefined): Sender | null;
};

/** The main token is the producer "producer"; the file adds named tokens. A missing file means the main token only. */
export function createRoles(mainToken: string, file: RolesFile = { tokens: [] }): Roles {
  const entries = [{ name: 'producer', token: mainToken, role: 'producer' as Role }, ...file.tokens];
  return {
    senderOf(presented) {
      const entry = entries.find((e) => hasToken(presented, e.token));
      return entry ? { name: entry.name, role: entry.role } : null;
    },
  };
}

/** Reads the roles file; a file that is missing means no named tokens, one that is wrong stops the hub with the reason. */
export async function loadRolesFile(path: string): Promise<RolesFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { tokens: [] };
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Roles file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = RolesFile.safeParse(json);
  if (!parsed.success) throw new Error(`Roles file ${path} is not valid: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
