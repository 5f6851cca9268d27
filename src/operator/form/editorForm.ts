import { el } from '../element';
import { showRefusal } from '../formRefusal';
import type { Outcome } from '../panelActions';

/**
 * The frame of a panel editor for one thing another operator may also edit (a crawl item, an entrant): its
 * heading, a note when the thing changed under it, its fields, the hub's refusal, Save and Cancel. Enter in a
 * field submits; Cancel closes; a refusal stays in the form with what was typed.
 */
export function editorForm(options: { id: string; title: string; className: string; saveText: string; fields: Node[]; submit(): void; close(): void }) {
  const warning = el('p', { class: 'stale-note', role: 'alert', hidden: true });
  const formError = el('p', { class: 'form-error', role: 'alert' });
  const cancel = el('button', { type: 'button', text: 'Cancel' });
  const form = el(
    'form',
    { 'aria-labelledby': options.id, novalidate: true, class: options.className },
    el('h3', { id: options.id, text: options.title }),
    warning,
    ...options.fields,
    formError,
    el('div', { class: 'buttons' }, el('button', { type: 'submit', class: 'primary', text: options.saveText }), cancel),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    options.submit();
  });
  cancel.addEventListener('click', () => options.close());
  return {
    form,
    formError,
    /** Shows (or, with null, hides) the note that saving will be refused. */
    warn(note: string | null) {
      warning.hidden = note === null;
      warning.textContent = note ?? '';
    },
    /** Sends the save: closes the form when the hub takes it, shows its refusal when not. */
    async send(save: Promise<Outcome>) {
      const outcome = await save;
      if (!outcome.ok) showRefusal(formError, outcome);
      else options.close();
    },
  };
}
