import { formatTime } from '../../core';
import type { Race } from '../../protocol/race';
import { el } from '../element';
import { textEntry } from '../textEntry';
import type { RaceActions } from './raceActions';
import { readSplitEntry, type SplitEntry } from './raceEntry';

/**
 * Split entry for one race: distance and time as typed, read at once with the same rules as the hub, so the
 * caption, how the time was read and the projection against the record show beside the fields before
 * anything is sent, and a bad time or distance is named at its field. Enter sends it (or corrects the split
 * already at that distance); nothing is sent while a field is wrong.
 */
export function createSplitForm(raceName: string, currentRace: () => Race | null, raceActions: RaceActions) {
  const distance = textEntry('Distance', { name: 'distance', placeholder: '10K, 15 mi, HALFWAY', size: 12 });
  const time = textEntry('Time', { name: 'time', placeholder: '1:01:24', size: 10 });
  const leaders = textEntry('Leaders', { name: 'leaders', hint: 'optional, comma-separated, leader first', placeholder: 'Kipchoge, Biwott' });
  const preview = el('p', { class: 'split-preview', role: 'status', 'aria-live': 'polite', 'aria-label': 'Split preview' });
  const formError = el('p', { class: 'form-error', role: 'alert' });
  const submit = el('button', { type: 'submit', class: 'primary', text: 'Add split' });
  const form = el(
    'form',
    { 'aria-label': `Split for ${raceName}`, novalidate: true, class: 'split-form' },
    el('div', { class: 'split-fields' }, distance.element, time.element),
    leaders.element,
    preview,
    formError,
    el('div', { class: 'buttons' }, submit),
  );
  const fields = { distance, time, leaders };
  // Messages for an empty field wait until the operator tries to send: typing is not an error.
  let attempted = false;
  // The hub's refusal stays until the operator changes something.
  let refusal = '';

  function refresh(): SplitEntry | null {
    const race = currentRace();
    if (!race) return null;
    const text = { distance: distance.input.value, time: time.input.value, leaders: leaders.input.value };
    const entry = readSplitEntry(race, text);
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
    return entry;
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
    const outcome = await raceActions.sendSplit(race, entry.command, entry.preview.caption!);
    if (!outcome.ok) {
      refusal = outcome.error;
      refresh();
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
