import { el } from './element';
import { modal } from './dialogs';
import { HOTKEYS } from './hotkeys';

/** The keyboard help (`?`): every hotkey, from the same list the key handler and README use. */
export function createHelpOverlay() {
  const { dialog, body } = modal('Keyboard', 'help');
  body.append(
    el('p', { class: 'muted', text: 'Hotkeys never fire while you type in a field: press Esc to leave the field first. Only Space takes; Enter only sends forms.' }),
    el('p', { class: 'muted', text: 'PVW shows the draft you are typing (orange) before anything is sent. Your cue, race and drafts survive a reload; leaving with an unsent draft asks first. Auto-advance is the checkbox under Take.' }),
    el('table', {}, el('tbody', {}, ...HOTKEYS.map((h) => el('tr', {}, el('th', { scope: 'row' }, el('kbd', { text: h.keys })), el('td', { text: h.does }))))),
  );
  return {
    toggle() {
      if (dialog.open) dialog.close();
      else dialog.showModal();
    },
  };
}
