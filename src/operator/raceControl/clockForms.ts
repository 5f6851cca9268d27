import { formatTime } from '../../core';
import { showRefusal } from '../formRefusal';
import { finishWithGun, type Race } from '../../protocol/race';
import { el } from '../element';
import type { Outcome } from '../panelActions';
import { textEntry } from '../textEntry';
import { readGunTime } from './gunTimeText';
import type { RaceActions } from './raceActions';
import { readFinishTime } from './raceEntry';

type Read = { ok: true; value: number; reading: string } | { ok: false; error: string };

/**
 * A one-field form that reads its text as it is typed, says how it read it (or what is wrong) at the field,
 * and on Enter sends it; the hub's refusal is shown below it and the text stays.
 */
function oneFieldForm(options: { label: string; field: string; name: string; placeholder: string; button: string; read(text: string): Read; send(value: number): Promise<Outcome> }) {
  const entry = textEntry(options.field, { name: options.name, placeholder: options.placeholder, size: 14 });
  const formError = el('p', { class: 'form-error', role: 'alert' });
  const form = el('form', { 'aria-label': options.label, novalidate: true, class: 'one-field-form' }, entry.element, el('button', { type: 'submit', text: options.button }), formError);
  let attempted = false;
  const refresh = (): Read => {
    const read = options.read(entry.input.value);
    const show = attempted || entry.input.value.trim() !== '';
    entry.problem(!read.ok && show ? read.error : '');
    entry.reading(read.ok ? read.reading : '');
    return read;
  };
  form.addEventListener('input', () => {
    formError.textContent = '';
    refresh();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    attempted = true;
    const read = refresh();
    if (!read.ok) return entry.input.focus();
    void options.send(read.value).then((outcome) => {
      if (!outcome.ok) return showRefusal(formError, outcome);
      form.reset();
      attempted = false;
      refresh();
      (document.activeElement as HTMLElement | null)?.blur();
    });
  });
  return { element: form, refresh, focus: () => entry.input.focus() };
}

/** Sets or corrects the gun: a time of day on the panel's clock (or a full date-time), read back before it is sent. */
export function createGunTimeForm(race: Race, currentRace: () => Race | null, raceActions: RaceActions, now: () => number) {
  return oneFieldForm({
    label: `Gun time for ${race.name}`,
    field: 'Gun time of day',
    name: 'gunTime',
    placeholder: '10:00:00',
    button: 'Set gun time',
    read(text) {
      const current = currentRace();
      if (!current) return { ok: false, error: `${race.name} is no longer in the show` };
      const read = readGunTime(text, { currentGun: current.gunTime, now: now() });
      if (!read.ok) return read;
      const [gun, at] = [read.value.ms, now()];
      // Where the hub will have the finish with this gun: an official time from the gun moves with it.
      const finish = finishWithGun(current, gun);
      const clock =
        finish !== null ? `finished in ${formatTime(finish - gun)}` : gun > at ? `the gun is ${formatTime(gun - at)} from now` : `its clock would read ${formatTime(at - gun)} now`;
      return { ok: true, value: read.value.ms, reading: `${read.value.reading}: ${clock}` };
    },
    send: (gunTime) => raceActions.setGunTime(currentRace() ?? race, gunTime),
  });
}

/** Finishes the race at an official time from the gun, read with the race kind's plausible times. */
export function createFinishForm(race: Race, currentRace: () => Race | null, raceActions: RaceActions) {
  return oneFieldForm({
    label: `Official finish for ${race.name}`,
    field: 'Official finish time',
    name: 'finishTime',
    placeholder: '2:03:05',
    button: 'Finish at this time',
    read(text) {
      const read = readFinishTime(currentRace() ?? race, text);
      return read.ok ? { ok: true, value: read.elapsedMs, reading: read.reading } : read;
    },
    send: (elapsedMs) => raceActions.finishIn(currentRace() ?? race, elapsedMs),
  });
}
