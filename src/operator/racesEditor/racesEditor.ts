import { formatKm, formatTime } from '../../core';
import { showRefusal } from '../formRefusal';
import { itemTitle } from '../../protocol/rundownItem';
import { definitionOf, type Race } from '../../protocol/race';
import { sameValue } from '../../protocol/sameValue';
import { racesReferencedBy } from '../../state/raceReferences';
import { confirmDialog, modal } from '../dialogs';
import { el } from '../element';
import type { PanelActions } from '../panelActions';
import type { FormValues } from '../panelMemory';
import { canControl, type PanelStore } from '../panelStore';
import { textEntry, type TextEntry } from '../textEntry';
import { youHadTyped } from '../youHadTyped';
import { draftOf, RACE_KIND_TITLES, readRaceDraft, type DraftField, type RaceDraft } from './raceDraft';

const STALE = 'Another operator changed';

const PACE_CHOICES: [string, string][] = [
  ['', 'No pace'],
  ['km', 'Per km'],
  ['mi', 'Per mile'],
];

/**
 * The races editor (R, or Races… in the top bar): every race of the show with Edit and Remove, and one form
 * that adds a race or edits the chosen one — name, id, kind, distance, pace on the split banner, and the
 * record with its holder and year. The form reads each field as it is typed and names a problem at its
 * field with the hub's own schema before anything is sent; the hub's refusals are shown in the form.
 */
export function createRacesEditor(store: PanelStore, actions: PanelActions, typedBefore: () => FormValues | undefined) {
  const { dialog, body } = modal('Races', 'races-editor');
  const table = el('table', { class: 'races-table', 'aria-label': 'Races of the show' });
  const formHeading = el('h3', { id: 'race-form-heading' });
  const formError = el('p', { class: 'form-error', role: 'alert' });
  const entries = {
    name: textEntry('Name', { name: 'raceName', placeholder: 'ELITE MEN', hint: 'as shown on air' }),
    id: textEntry('Id', { name: 'raceId', placeholder: 'elite-men', hint: 'optional: made from the name' }),
    distance: textEntry('Distance', { name: 'raceDistance', placeholder: 'marathon, 10K, 10 mi' }),
    recordLabel: textEntry('Record caption', { name: 'recordLabel', placeholder: 'WORLD RECORD' }),
    recordTime: textEntry('Record time', { name: 'recordTime', placeholder: '2:02:57', hint: 'empty for no record' }),
    recordHolder: textEntry('Record holder', { name: 'recordHolder', placeholder: 'Dennis Kimetto' }),
    recordYear: textEntry('Record year', { name: 'recordYear', placeholder: '2014', size: 6 }),
  } satisfies Partial<Record<DraftField, TextEntry>>;
  const select = (label: string, name: string, options: [string, string][]) => {
    const id = `races-editor-${name}`;
    const input = el('select', { id, name }, ...options.map(([value, text]) => el('option', { value, text })));
    const error = el('p', { class: 'field-error' });
    return { input, error, element: el('div', { class: 'field' }, el('label', { for: id, text: label }), input, error) };
  };
  const kind = select('Kind', 'raceKind', Object.entries(RACE_KIND_TITLES));
  const pace = select('Pace on the split banner', 'racePace', PACE_CHOICES);
  const save = el('button', { type: 'submit', class: 'primary' });
  const cancelEdit = el('button', { type: 'button', text: 'Cancel edit' });
  const form = el(
    'form',
    { 'aria-labelledby': 'race-form-heading', novalidate: true, class: 'race-form' },
    formHeading,
    entries.name.element,
    entries.id.element,
    kind.element,
    entries.distance.element,
    pace.element,
    el('fieldset', {}, el('legend', { text: 'Record' }), entries.recordLabel.element, entries.recordTime.element, entries.recordHolder.element, entries.recordYear.element),
    formError,
    el('div', { class: 'buttons' }, save, cancelEdit),
  );
  body.append(table, form);

  /** The race being edited, by id; null while adding. */
  let editing: string | null = null;
  let attempted = false;
  const races = () => store.getState().show?.races ?? [];
  const editedRace = () => (editing === null ? null : (races().find((r) => r.id === editing) ?? null));

  function draft(): RaceDraft {
    return {
      name: entries.name.input.value,
      id: entries.id.input.value,
      kind: kind.input.value,
      distance: entries.distance.input.value,
      paceUnit: pace.input.value,
      recordLabel: entries.recordLabel.input.value,
      recordTime: entries.recordTime.input.value,
      recordHolder: entries.recordHolder.input.value,
      recordYear: entries.recordYear.input.value,
    };
  }

  /** Puts `race` (null: an empty form to add one) in the form; `keepDraft` after a reload, whose draft panelMemory fills in. */
  function fill(race: Race | null, keepDraft = false) {
    // A reset tells panelMemory the draft is gone (Save, Cancel edit, another race to edit).
    if (!keepDraft) form.reset();
    editing = race?.id ?? null;
    attempted = false;
    // Which race the form is on, and that race as it opened, are the panel's (kept across a reload: panelMemory.ts);
    // after a reload the race as it was when first opened stays, so the save is still checked against it.
    const open = store.getState().racesEditor;
    if (dialog.open && (open?.raceId !== editing || (!keepDraft && race !== null))) store.setState({ racesEditor: race ? { raceId: race.id, was: definitionOf(race) } : { raceId: null } });
    const d = draftOf(race);
    for (const [field, entry] of Object.entries(entries) as [keyof typeof entries, TextEntry][]) entry.input.value = d[field];
    kind.input.value = d.kind;
    pace.input.value = d.paceUnit;
    entries.id.input.disabled = race !== null;
    formHeading.textContent = race ? `Edit ${race.name}` : 'Add a race';
    save.textContent = race ? 'Save race' : 'Add race';
    cancelEdit.hidden = race === null;
    formError.textContent = '';
    check();
  }

  /** Reads the draft, and shows each field's reading, or its problem once the field has text (or on Save). */
  function check() {
    const read = readRaceDraft(draft(), editedRace(), races(), store.getState().racesEditor?.was);
    const problems = read.ok ? {} : read.problems;
    for (const [field, entry] of Object.entries(entries) as [keyof typeof entries, TextEntry][]) {
      // An id made from the name is checked as soon as there is a name.
      const typed = entry.input.value.trim() !== '' || (field === 'id' && entries.name.input.value.trim() !== '');
      const show = attempted || typed;
      entry.problem(show ? (problems[field] ?? '') : '');
      entry.reading(read.readings[field] ?? '');
    }
    kind.error.textContent = problems.kind ?? '';
    pace.error.textContent = problems.paceUnit ?? '';
    return read;
  }

  /** Why a save of this form would be refused for a change made elsewhere since it opened, or ''. */
  function staleNote(): string {
    const was = store.getState().racesEditor?.was;
    const now = editedRace();
    return now && was && !sameValue(definitionOf(now), was) ? `${STALE} ${was.name} since you opened it: saving will be refused. Press Edit again to start from it as it is now.` : '';
  }

  form.addEventListener('input', () => {
    formError.textContent = staleNote();
    check();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    attempted = true;
    const read = check();
    if (!read.ok) {
      const first = (Object.keys(entries) as (keyof typeof entries)[]).find((field) => read.problems[field]);
      if (first) entries[first].input.focus();
      return;
    }
    void (async () => {
      for (const command of read.commands) {
        const outcome = await actions.send(command, editing ? `${entries.name.input.value}: race saved` : `${entries.name.input.value} added to the races`);
        if (!outcome.ok) return showRefusal(formError, outcome);
      }
      fill(null);
      // Closed while the hub answered (Esc straight after Enter): the focus must not go back into a closed dialog.
      if (dialog.open) entries.name.input.focus();
    })();
  });
  cancelEdit.addEventListener('click', () => fill(null));

  async function remove(race: Race) {
    const show = store.getState().show;
    const items = show?.rundown.filter((item) => racesReferencedBy(item.graphic).includes(race.id)) ?? [];
    const used = items.length > 0 ? ` ${items.length === 1 ? 'One rundown item draws' : `${items.length} rundown items draw`} from it (${items.slice(0, 3).map(itemTitle).join(', ')}${items.length > 3 ? ', …' : ''}) and cannot be taken until a race with the id ${race.id} exists again.` : '';
    // A race on air is refused by the hub, which says where it is on air; the refusal is shown in the form.
    const yes = await confirmDialog({ title: `Remove ${race.name}?`, text: `Its clock, splits and record are removed for every operator.${used}`, confirm: 'Remove race' });
    if (!yes) return;
    const outcome = await actions.send({ type: 'removeRace', raceId: race.id }, `${race.name} removed from the races`);
    if (!outcome.ok) showRefusal(formError, outcome);
    else if (editing === race.id) fill(null);
  }

  let tableKey = '';
  function renderTable() {
    const state = store.getState();
    const key = JSON.stringify([races(), canControl(state)]);
    if (key === tableKey) return;
    tableKey = key;
    const control = canControl(state);
    save.disabled = !control;
    const button = (text: string, label: string, onClick: () => void) => {
      const b = el('button', { type: 'button', class: 'small', text, 'aria-label': label, disabled: !control });
      b.addEventListener('click', onClick);
      return b;
    };
    table.replaceChildren(
      el('thead', {}, el('tr', {}, ...['Race', 'Kind', 'Distance', 'Pace', 'Record', ''].map((h) => el('th', { scope: 'col', text: h })))),
      el(
        'tbody',
        {},
        ...(races().length === 0
          ? [el('tr', {}, el('td', { colspan: 6, class: 'muted', text: 'The show has no races yet: add one below.' }))]
          : races().map((race) =>
              el(
                'tr',
                {},
                el('th', { scope: 'row', text: `${race.name} (${race.id})` }),
                el('td', { text: RACE_KIND_TITLES[race.kind] }),
                el('td', { text: formatKm(race.distanceM) }),
                el('td', { text: race.paceUnit ? `per ${race.paceUnit === 'km' ? 'km' : 'mile'}` : '—' }),
                el('td', { text: race.record ? recordText(race.record) : '—' }),
                el(
                  'td',
                  {},
                  button('Edit', `Edit ${race.name}`, () => {
                    fill(race);
                    entries.name.input.focus();
                  }),
                  ' ',
                  button('Remove…', `Remove ${race.name}`, () => void remove(race)),
                ),
              ),
            )),
      ),
    );
  }

  dialog.addEventListener('close', () => store.setState({ racesEditor: null }));

  function show(race: Race | null, keepDraft: boolean) {
    tableKey = '';
    renderTable();
    dialog.showModal();
    fill(race, keepDraft);
    entries.name.input.focus();
  }

  // A panel reloaded with the races editor open opens it again, on the same race, once the show is here.
  let restored = false;
  store.subscribe((state) => {
    if (!restored && state.show && canControl(state)) {
      restored = true;
      const open = state.racesEditor;
      const race = open?.raceId == null ? null : (races().find((r) => r.id === open.raceId) ?? null);
      if (open && open.raceId !== null && !race) {
        const typed = typedBefore(); // before the state forgets the form, and panelMemory its draft
        store.setState({ racesEditor: null });
        actions.tell(raceNotReopenedText(open.raceId, typed), 'error');
      } else if (open) show(race, true);
    }
    // Another show opened: the editor of the old one closes.
    if (dialog.open && !state.racesEditor) return dialog.close();
    if (!dialog.open) return;
    renderTable();
    // A race edited here and removed elsewhere: back to adding.
    if (editing !== null && !editedRace()) fill(null);
    // Changed elsewhere while this form is open: said at once, before a save the hub would refuse.
    const stale = staleNote();
    if (stale && !formError.textContent) formError.textContent = stale;
    else if (!stale && formError.textContent.startsWith(STALE)) formError.textContent = '';
  });

  return {
    /** Its dialog, whose form panelMemory keeps. */
    dialog,
    open() {
      store.setState({ racesEditor: { raceId: null } });
      show(null, false);
    },
  };
}

function recordText(record: NonNullable<Race['record']>): string {
  const who = [record.holder, record.year].filter((part) => part !== undefined && part !== '').join(', ');
  return `${record.label} ${formatTime(record.ms)}${who ? ` (${who})` : ''}`;
}

/** What the message line says when the races editor left open over a reload on a race that was removed meanwhile. */
function raceNotReopenedText(raceId: string, typed: FormValues | undefined): string {
  const labels: Record<string, string> = { raceName: 'Name', raceDistance: 'Distance', recordLabel: 'Record caption', recordTime: 'Record time', recordHolder: 'Record holder', recordYear: 'Record year' };
  return `The race ${raceId} was removed from the show since you opened it in the races editor, so after the reload it is not reopened.${youHadTyped(typed, labels)}`;
}
