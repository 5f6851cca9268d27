import { el } from './element';

let nextId = 0;

/**
 * A labelled one-line text box with its message below it (`aria-describedby`, so a screen reader reads the
 * message with the field) and an optional note under it that says how the text was read.
 */
export function textEntry(label: string, options: { name: string; placeholder?: string; hint?: string; size?: number }) {
  const id = `entry-${++nextId}`;
  const input = el('input', { id, name: options.name, type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: options.placeholder, size: options.size, 'aria-describedby': `${id}-error ${id}-note` });
  const error = el('p', { id: `${id}-error`, class: 'field-error' });
  const note = el('p', { id: `${id}-note`, class: 'reading' });
  const element = el('div', { class: 'field' }, el('label', { for: id, text: label }), options.hint ? el('span', { class: 'hint', text: options.hint }) : null, input, error, note);
  return {
    element,
    input,
    /** Shows a message at the field ('' clears it) and marks the field invalid while there is one. */
    problem(message: string) {
      error.textContent = message;
      input.setAttribute('aria-invalid', message ? 'true' : 'false');
    },
    /** How the field's text was read ('' when there is nothing to say). */
    reading(text: string) {
      note.textContent = text;
    },
  };
}
export type TextEntry = ReturnType<typeof textEntry>;
