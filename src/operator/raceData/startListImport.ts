import { MAX_ENTRANTS_PER_COMMAND } from '../../protocol/commands/timingCommands';
import type { Race } from '../../protocol/race';
import { chunkEntrants, describeRefused, readStartList } from '../../protocol/startList';
import type { Outcome, PanelActions } from '../panelActions';

/** Commands travel in one WebSocket frame, which the hub caps at 64 KiB (what the command's type and race take aside). */
const MAX_COMMAND_BYTES = 64 * 1024 - 1024;

/**
 * Sends a start list typed or pasted in the panel. One that fits in a command goes as it is (importStartList: the
 * hub reads it and reports each refused row); a mass start's is read here, with the hub's own reader, and its good
 * rows sent as upsertEntrants of up to 1000 entrants each, in order. The message after it is the row-by-row report,
 * or, when a part is refused, which athletes were not imported and why.
 */
export async function sendStartList(race: Race, csv: string, actions: Pick<PanelActions, 'send' | 'tell'>, progress: (text: string) => void): Promise<Outcome> {
  const { send } = actions;
  const refuse = (error: string): Outcome => {
    actions.tell(error, 'error');
    return { ok: false, error };
  };
  const reading = readStartList(csv, race);
  const report = reading.ok ? `${reading.entrants.length} added or updated${reading.refused.length > 0 ? `; not imported: ${describeRefused(reading.refused)}` : ''}` : 'imported';
  const whole = { type: 'importStartList', raceId: race.id, csv };
  if (new TextEncoder().encode(JSON.stringify(whole)).length <= MAX_COMMAND_BYTES) return send(whole, `${race.name} start list: ${report}`);
  if (!reading.ok) return refuse(reading.error);
  if (reading.entrants.length === 0) return refuse(`No athlete in that start list could be imported: ${describeRefused(reading.refused)}`);
  const parts = chunkEntrants(reading.entrants, MAX_ENTRANTS_PER_COMMAND, MAX_COMMAND_BYTES);
  progress(`Sending ${reading.entrants.length} athletes to ${race.name} in ${parts.length} parts…`);
  // Sent together, so the hub saves them as one group, in order; a part refused does not stop the others.
  const outcomes = await Promise.all(parts.map((entrants, i) => send({ type: 'upsertEntrants', raceId: race.id, entrants }, i === parts.length - 1 ? `${race.name} start list: ${report}` : undefined)));
  progress('');
  const failed = outcomes.flatMap((outcome, i) => (outcome.ok ? [] : [`bibs ${parts[i]![0]!.bib} to ${parts[i]!.at(-1)!.bib} were not imported: ${outcome.error}`]));
  if (failed.length === 0) return outcomes.at(-1)!;
  const imported = reading.entrants.length - outcomes.reduce((sum, outcome, i) => sum + (outcome.ok ? 0 : parts[i]!.length), 0);
  return refuse(`${imported} of ${reading.entrants.length} athletes were imported; ${failed.join('; ')}`);
}
