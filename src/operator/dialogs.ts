import { el } from './element';

/**
 * Asks before something that cannot be undone. Resolves true only on the confirm button; Esc, Cancel and
 * closing say no. Cancel has the focus, so a stray Enter or Space cancels.
 */
export function confirmDialog(options: { title: string; text: string; confirm: string }): Promise<boolean> {
  return new Promise((resolve) => {
    const titleId = `confirm-${Date.now()}`;
    const yes = el('button', { type: 'button', class: 'take', text: options.confirm });
    const no = el('button', { type: 'button', text: 'Cancel', autofocus: true });
    const dialog = el('dialog', { role: 'alertdialog', 'aria-labelledby': titleId, class: 'confirm' }, el('h2', { id: titleId, text: options.title }), el('p', { text: options.text }), el('div', { class: 'buttons' }, yes, no));
    let answer = false;
    yes.addEventListener('click', () => {
      answer = true;
      dialog.close();
    });
    no.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}

/** A modal dialog with a heading and a Close button; returns it for the caller to fill. */
export function modal(title: string, id: string): { dialog: HTMLDialogElement; body: HTMLElement } {
  const body = el('div', { class: 'dialog-body' });
  const close = el('button', { type: 'button', text: 'Close' });
  const dialog = el('dialog', { 'aria-labelledby': `${id}-title`, id, class: 'wide' }, el('h2', { id: `${id}-title`, text: title }), body, el('div', { class: 'buttons' }, close));
  close.addEventListener('click', () => dialog.close());
  // A field of a closed dialog must not keep the focus: it would take the operator's next hotkeys as typing.
  dialog.addEventListener('close', () => {
    if (document.activeElement instanceof HTMLElement && dialog.contains(document.activeElement)) document.activeElement.blur();
  });
  document.body.append(dialog);
  return { dialog, body };
}
