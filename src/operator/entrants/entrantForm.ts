import { sameValue } from '../../protocol/sameValue';
import type { Entrant } from '../../protocol/entrant';
import type { Race } from '../../protocol/race';
import { editorForm } from '../form/editorForm';
import type { Outcome } from '../panelActions';
import { textEntry, type TextEntry } from '../textEntry';
import { DRAFT_FIELDS, DRAFT_LABELS, draftOf, readEntrantDraft, type EntrantDraft } from './entrantDraft';

const HINTS: Partial<Record<keyof EntrantDraft, string>> = {
  displayName: 'optional: the short form graphics prefer, e.g. Kipchoge',
  country: 'optional: KEN, KE or Kenya',
  category: 'optional, e.g. ELITE, F35, T54',
  pb: 'optional, e.g. 2:03:05',
};

/**
 * The entrant form: bib, name, display name, country, category and personal best, checked with the hub's Entrant
 * schema when saved (each message at its field; nothing is sent while one is wrong). A refusal from the hub is
 * shown in the form and what was typed stays. Snapshots never rebuild it; `follow` says at once when another
 * operator changed or removed the entrant being edited (the hub would refuse the save).
 */
export function createEntrantForm(options: { race: Race; entrant: Entrant | null; save(entrant: Entrant): Promise<Outcome>; close(): void }) {
  const { race, entrant } = options;
  const title = entrant ? `Edit bib ${entrant.bib}` : `New entrant in ${race.name}`;
  const headingId = `entrant-form-${entrant?.bib ?? 'new'}`;
  const initial = draftOf(entrant);
  const entries = Object.fromEntries(
    DRAFT_FIELDS.map((key) => {
      const entry = textEntry(DRAFT_LABELS[key], { name: key, ...(HINTS[key] ? { hint: HINTS[key] } : {}), size: key === 'name' ? 28 : 12 });
      entry.input.value = initial[key];
      return [key, entry];
    }),
  ) as Record<keyof EntrantDraft, TextEntry>;
  const shell = editorForm({
    id: headingId,
    title,
    className: 'crawl-form entrant-form',
    saveText: entrant ? 'Save entrant' : 'Add entrant',
    fields: DRAFT_FIELDS.map((key) => entries[key].element),
    submit: () => void submit(),
    close: options.close,
  });
  const { form, formError } = shell;

  const draft = () => Object.fromEntries(DRAFT_FIELDS.map((key) => [key, entries[key].input.value])) as EntrantDraft;
  let checkLive = false;
  function check(): Entrant | null {
    const read = readEntrantDraft(draft(), race);
    for (const key of DRAFT_FIELDS) entries[key].problem(read.ok ? '' : (read.problems[key] ?? ''));
    if (read.ok) return read.entrant;
    const first = DRAFT_FIELDS.find((key) => read.problems[key]);
    if (first) entries[first].input.focus();
    return null;
  }

  async function submit() {
    checkLive = true;
    const next = check();
    if (!next) return;
    formError.textContent = '';
    if (entrant && sameValue(next, entrant)) return options.close();
    await shell.send(options.save(next));
  }
  form.addEventListener('input', () => {
    if (checkLive) {
      const read = readEntrantDraft(draft(), race);
      for (const key of DRAFT_FIELDS) entries[key].problem(read.ok ? '' : (read.problems[key] ?? ''));
    }
  });
  form.addEventListener('keydown', (event) => {
    // Keys typed here are text, never panel hotkeys; Esc cancels the form.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      options.close();
    }
  });
  queueMicrotask(() => entries[entrant ? 'name' : 'bib'].input.focus());

  return {
    element: form,
    /** Says at once when another operator changed or removed this entrant (or the race) since the form opened. */
    follow(currentRace: Race | undefined, current: Entrant | undefined) {
      const note = !currentRace
        ? `${race.name} was removed from the show: saving will be refused.`
        : !entrant
          ? null
          : current === undefined
            ? `Another operator removed or renumbered bib ${entrant.bib}: saving will be refused. Copy what you need, then cancel.`
            : !sameValue(current, entrant)
              ? `Another operator changed bib ${entrant.bib} since you opened it: saving will be refused. Copy what you need, then cancel and reopen it.`
              : null;
      shell.warn(note);
    },
  };
}
export type EntrantForm = ReturnType<typeof createEntrantForm>;
