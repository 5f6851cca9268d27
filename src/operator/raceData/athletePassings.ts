import { formatTime } from '../../core';
import { shownName } from '../../protocol/entrant';
import type { Race } from '../../protocol/race';
import { entrantOf } from '../../state/passingTable';
import { rowAt } from '../../state/passingIndex';
import { confirmDialog, modal } from '../dialogs';
import { el } from '../element';
import type { PanelActions } from '../panelActions';
import type { PanelStore } from '../panelStore';

/** One stored passing of an athlete as the panel lists it: where, when, from which feed. */
export type AthletePassingLine = { metres: number; label: string; time: string; source: string };

/** The athlete's stored passings in course order: one lookup per timing point, never a scan of a mass race's rows. */
export function athletePassingLines(race: Race, bib: string): AthletePassingLine[] {
  return (race.timingPoints ?? []).flatMap((point, index) => {
    const row = rowAt(race.passings ?? [], bib, index);
    return row ? [{ metres: point.metres, label: point.label, time: formatTime(row[2]), source: race.passingSources?.[row[3]] ?? '' }] : [];
  });
}

/**
 * A dialog listing one athlete's passings, each with Remove… (asks first, Cancel has the focus): a misread the
 * timing company withdrew, or a passing for the wrong athlete, comes off the standings, gaps and splits. It follows
 * the show while open, so a passing removed (or corrected by a feed) is listed as it now is.
 */
export function openAthletePassings(store: PanelStore, actions: PanelActions, raceId: string, bib: string) {
  const raceNow = () => store.getState().show?.races.find((r) => r.id === raceId);
  const race = raceNow();
  if (!race) return;
  const entrant = entrantOf(race, bib);
  const who = `${entrant ? shownName(entrant) : 'Bib'} (${bib})`;
  const { dialog, body } = modal(`Passings of ${who} in ${race.name}`, 'athlete-passings');
  const list = el('ul', { class: 'athlete-passings', 'aria-label': `Passings of ${who}` });
  body.append(list);
  let drawn: Race | undefined;

  function render() {
    const current = raceNow();
    if (current === drawn) return;
    drawn = current;
    const lines = current ? athletePassingLines(current, bib) : [];
    if (lines.length === 0) return void list.replaceChildren(el('li', { class: 'muted', text: `${who} has no passings.` }));
    list.replaceChildren(
      ...lines.map((line) => {
        const remove = el('button', { type: 'button', text: 'Remove…', 'aria-label': `Remove the passing of ${who} at ${line.label}…` });
        remove.addEventListener('click', () => void askRemove(line));
        return el('li', { 'data-metres': line.metres }, `${line.label} ${line.time}${line.source ? ` (from ${line.source})` : ''} `, remove);
      }),
    );
  }

  async function askRemove(line: AthletePassingLine) {
    const yes = await confirmDialog({
      title: `Remove the passing of ${who} at ${line.label}?`,
      text: `${line.time}${line.source ? ` from ${line.source}` : ''} comes off the standings, gaps and splits. The same time sent again by a feed stays out; another time for ${line.label} is taken as usual.`,
      confirm: 'Remove passing',
    });
    if (!yes) return;
    await actions.send({ type: 'removePassing', raceId, bib, metres: line.metres }, `Removed the passing of ${who} at ${line.label}`);
    render();
    // The button pressed is gone: the focus goes to the next one, or Close.
    const next = list.querySelector('button') ?? dialog.querySelector<HTMLButtonElement>('.buttons button');
    next?.focus();
  }

  const unsubscribe = store.subscribe(render);
  dialog.addEventListener('close', () => {
    unsubscribe();
    dialog.remove();
  });
  render();
  dialog.showModal();
  list.querySelector('button')?.focus();
}
