import { formatTime } from '../../core';
import { contractOf, type GraphicSpec } from '../../protocol/graphicSpec';
import type { Race } from '../../protocol/race';
import { applyCommand } from '../../state/applyCommand';
import { confirmDialog } from '../dialogs';
import { el } from '../element';
import type { PanelStore, PvwDraft } from '../panelStore';
import { textEntry } from '../textEntry';
import type { RaceActions } from './raceActions';
import { readSplitEntry, type SplitEntry } from './raceEntry';

/**
 * Split entry for one race: distance and time as typed, read at once with the same rules as the hub, so the
 * caption, how the time was read and the projection against the record show beside the fields before
 * anything is sent, and a bad time or distance is named at its field. Enter sends it (or corrects the split
 * already at that distance); nothing is sent while a field is wrong. PVW draws the graphics the split would
 * change, as they would look; a split ahead of the race clock or off the race kind's pace is sent only after
 * a confirmation that says why it looks wrong (Cancel has the focus, so a second Enter does not send it).
 */
export function createSplitForm(raceName: string, currentRace: () => Race | null, raceActions: RaceActions, panel: { store: PanelStore; now(): number }) {
  const distance = textEntry('Distance', { name: 'distance', placeholder: '10K, 15 mi, HALFWAY', size: 12 });
  const time = textEntry('Time', { name: 'time', placeholder: '1:01:24', size: 10 });
  const leaders = textEntry('Leaders', { name: 'leaders', hint: 'optional, comma-separated, leader first', placeholder: 'Kipchoge, Biwott' });
  const preview = el('p', { class: 'split-preview', role: 'status', 'aria-live': 'polite', 'aria-label': 'Split preview' });
  const doubts = el('p', { class: 'split-doubts', role: 'alert' });
  const formError = el('p', { class: 'form-error', role: 'alert' });
  const submit = el('button', { type: 'submit', class: 'primary', text: 'Add split' });
  const form = el(
    'form',
    { 'aria-label': `Split for ${raceName}`, novalidate: true, class: 'split-form' },
    el('div', { class: 'split-fields' }, distance.element, time.element),
    leaders.element,
    preview,
    doubts,
    formError,
    el('div', { class: 'buttons' }, submit),
  );
  const fields = { distance, time, leaders };
  // Messages for an empty field wait until the operator tries to send: typing is not an error.
  let attempted = false;
  // The hub's refusal stays until the operator changes something.
  let refusal = '';
  // The PVW draft this form drew, so it clears only its own.
  let drawn: PvwDraft | null = null;

  function refresh(): SplitEntry | null {
    const race = currentRace();
    if (!race) return null;
    const text = { distance: distance.input.value, time: time.input.value, leaders: leaders.input.value };
    const entry = readSplitEntry(race, text, panel.now());
    const problems = entry.ok ? {} : entry.problems;
    for (const [key, field] of Object.entries(fields) as [keyof typeof fields, (typeof fields)[keyof typeof fields]][]) {
      const show = attempted || text[key].trim() !== '';
      field.problem(show ? (problems[key] ?? '') : '');
    }
    const typed = Object.values(text).some((t) => t.trim() !== '');
    formError.textContent = refusal || (problems.form && (attempted || typed) ? problems.form : '');
    const { caption, reading, projection, corrects } = entry.preview;
    distance.reading(caption ? (corrects ? `${caption}: corrects the split entered at ${formatTime(corrects.elapsedMs)}` : caption) : '');
    time.reading(reading ?? '');
    submit.textContent = corrects ? 'Correct split' : 'Add split';
    preview.textContent = entry.ok ? `${caption} ${entry.preview.time} · ${projection}` : '';
    preview.dataset.doubtful = String(entry.preview.doubts.length > 0);
    doubts.textContent = entry.ok && entry.preview.doubts.length > 0 ? `Check this split: ${entry.preview.doubts.join(' ')}` : '';
    drawDraft(race, entry);
    return entry;
  }

  /** PVW: the graphics this split changes (those on air that show the race, else its banner), as they would be. */
  function drawDraft(race: Race, entry: SplitEntry) {
    const { show, draft } = panel.store.getState();
    let next: PvwDraft | null = null;
    if (entry.ok && show) {
      const applied = applyCommand(show, entry.command, { now: panel.now() });
      if (applied.ok) {
        const onAir = Object.values(show.onAir)
          .map((g) => g.graphic)
          .filter((g) => showsRace(g, race.id) && g.kind !== 'raceClock');
        const banner: GraphicSpec = { kind: 'splitBanner', props: { raceId: race.id, metres: entry.command.metres as number } };
        const graphics = onAir.some((g) => g.kind === 'splitBanner') ? onAir : [...onAir, banner];
        const changes = onAir.length > 0 ? ` · changes ${onAir.map((g) => contractOf(g.kind).title).join(', ')} on air when sent` : '';
        next = { title: `${race.name} ${entry.preview.caption} ${entry.preview.time} split${changes}`, graphics, races: applied.state.races };
      }
    }
    if (next === null) {
      if (drawn !== null && draft === drawn) panel.store.setState({ draft: null });
      drawn = null;
      return;
    }
    if (next !== null && drawn !== null && draft === drawn && JSON.stringify(next) === JSON.stringify(drawn)) return;
    drawn = next;
    panel.store.setState({ draft: next });
  }

  form.addEventListener('input', () => {
    refusal = '';
    refresh();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send();
  });

  async function send() {
    attempted = true;
    const race = currentRace();
    const entry = refresh();
    if (!race || !entry) return;
    if (!entry.ok) {
      const first = (['distance', 'time', 'leaders'] as const).find((key) => entry.problems[key]);
      if (first) fields[first].input.focus();
      return;
    }
    if (entry.preview.doubts.length > 0) {
      const sure = await confirmDialog({
        title: `Send ${entry.preview.caption} at ${entry.preview.time} for ${race.name}?`,
        text: `${entry.preview.doubts.join(' ')} Check the time as typed (colons left out?) before sending it to air.`,
        confirm: 'Send anyway',
      });
      if (!sure) return time.input.focus();
    }
    const outcome = await raceActions.sendSplit(race, entry.command, entry.preview.caption!);
    if (!outcome.ok) {
      refusal = outcome.error;
      refresh();
      // "Not connected" goes once the panel is connected again.
      void outcome.gone?.then(() => {
        if (refusal !== outcome.error) return;
        refusal = '';
        refresh();
      });
      return;
    }
    form.reset();
    attempted = false;
    refresh();
    // Out of the fields, so B and P put the new split on air at once.
    (document.activeElement as HTMLElement | null)?.blur();
  }

  return {
    element: form,
    /** Reads the form again against the race as it is now (another operator may have entered a split). */
    refresh,
    focus: () => distance.input.focus(),
  };
}

/** True when a graphic draws this race (its props name it). */
function showsRace(graphic: GraphicSpec, raceId: string): boolean {
  const props = graphic.props as { raceId?: string; raceIds?: string[] };
  return props.raceId === raceId || (props.raceIds?.includes(raceId) ?? false);
}
