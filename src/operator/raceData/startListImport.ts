import type { Race } from '../../protocol/race';
import { describeRefused, describeWarnings, readStartList, type RefusedEntrant, type StartListWarning } from '../../protocol/startList';
import type { Outcome, PanelActions } from '../panelActions';

/** Commands travel in one WebSocket frame, which the hub caps at 64 KiB (what the command's type and race take aside). */
const MAX_COMMAND_BYTES = 64 * 1024 - 1024;

/** POSTs a start list's CSV to the hub's start-list route (the hub reads it against the race as it is). */
export type PostStartList = (raceId: string, csv: string) => Promise<Response>;

/** The panel's PostStartList: the hub that served the page, with the panel's token. */
export const postStartListWith =
  (token: string | null): PostStartList =>
  (raceId, csv) =>
    fetch(`/api/races/${encodeURIComponent(raceId)}/start-list`, { method: 'POST', headers: { authorization: `Bearer ${token ?? ''}`, 'content-type': 'text/csv; charset=utf-8' }, body: csv });

/**
 * Sends a start list typed or pasted in the panel. One that fits in a command goes as it is (importStartList: the
 * hub reads it and reports each refused row); a longer one (a mass start's) is POSTed to the hub's start-list route,
 * which reads it the same way. Either way the hub reads it against the race as it is: a row that would break a
 * graphic on air is refused on its own, and a column the file leaves out keeps each entrant's value (the panel may
 * hold only part of a mass start's list). The message after it is the row-by-row report.
 */
export async function sendStartList(race: Race, csv: string, actions: Pick<PanelActions, 'send' | 'tell'>, progress: (text: string) => void, post: PostStartList): Promise<Outcome> {
  const { send } = actions;
  const refuse = (error: string): Outcome => {
    actions.tell(error, 'error');
    return { ok: false, error };
  };
  const whole = { type: 'importStartList', raceId: race.id, csv };
  if (new TextEncoder().encode(JSON.stringify(whole)).length <= MAX_COMMAND_BYTES) {
    const reading = readStartList(csv, race);
    const report = reading.ok ? `${reading.entrants.length} added or updated${reading.refused.length > 0 ? `; not imported: ${describeRefused(reading.refused)}` : ''}${warned(reading.warnings)}` : 'imported';
    return send(whole, `${race.name} start list: ${report}`);
  }
  progress(`Sending the start list to ${race.name}…`);
  let answer: { imported?: number; refused?: RefusedEntrant[]; warnings?: StartListWarning[]; note?: string; revision?: number; error?: string };
  try {
    const response = await post(race.id, csv);
    answer = (await response.json()) as typeof answer;
  } catch (error) {
    return refuse(`The start list was not sent (is the hub up?): ${(error as Error).message}. Nothing was imported.`);
  } finally {
    progress('');
  }
  if (answer.error !== undefined || answer.revision === undefined) return refuse(answer.error ?? 'The hub gave no answer to the start list');
  const refused = answer.refused ?? [];
  actions.tell(`${race.name} start list: ${answer.imported} added or updated${refused.length > 0 ? `; not imported: ${describeRefused(refused)}` : ''}${warned(answer.warnings ?? [])}${answer.note ? ` (${answer.note})` : ''}`, 'info');
  return { ok: true, revision: answer.revision };
}

/** "; check: line 3 (bib 007): differs from bib 7 …", or nothing: the import report's warnings. */
function warned(warnings: readonly StartListWarning[]): string {
  return warnings.length > 0 ? `; check: ${describeWarnings(warnings)}` : '';
}
