import { el } from './element';
import { modal } from './dialogs';
import type { PanelStore } from './panelStore';

type SavedShow = { file: string; name: string; revision: number; items: number; savedAt: string };

/**
 * Show files (the hub's /api/shows): open a saved show, start a new one, save this one under a name.
 * Switching saves the current show first, so nothing is lost; the hub refuses it while graphics are on air.
 */
export function createShowFilesView(store: PanelStore, token: string | null) {
  const { dialog, body } = modal('Show files', 'show-files');
  const message = el('p', { class: 'form-error', role: 'alert' });
  const list = el('ul', { class: 'saved-shows', 'aria-label': 'Saved shows' });
  const saveName = el('input', { id: 'save-as-name', autocomplete: 'off', maxlength: 120 });
  const newName = el('input', { id: 'new-show-name', autocomplete: 'off', maxlength: 120 });
  const saveForm = el('form', { class: 'inline-form' }, el('label', { for: 'save-as-name', text: 'Save this show as' }), saveName, el('button', { type: 'submit', text: 'Save as' }));
  const newForm = el('form', { class: 'inline-form' }, el('label', { for: 'new-show-name', text: 'New show named' }), newName, el('button', { type: 'submit', text: 'Create new show' }));
  body.append(message, el('h3', { text: 'Open a saved show' }), list, saveForm, newForm);

  async function call(action: string, payload: unknown): Promise<boolean> {
    message.textContent = '';
    const response = await fetch(`/api/shows/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(payload),
    }).catch((error: Error) => ({ ok: false, status: 0, json: async () => ({ error: `The hub did not answer: ${error.message}` }) }) as const);
    if (response.ok) return true;
    message.textContent = ((await response.json()) as { error: string }).error;
    return false;
  }

  async function refresh() {
    const response = await fetch('/api/shows');
    const { shows, current } = (await response.json()) as { shows: SavedShow[]; current: { file: string } };
    list.replaceChildren(
      ...shows.map((show) => {
        const open = el('button', { type: 'button', text: `Open ${show.name}` });
        open.disabled = show.file === current.file;
        open.addEventListener('click', async () => {
          if (await call('open', { file: show.file })) dialog.close();
        });
        return el('li', {}, open, el('span', { class: 'muted', text: ` ${show.items} items · saved ${new Date(show.savedAt).toLocaleString()}${show.file === current.file ? ' · open now' : ''}` }));
      }),
    );
    if (shows.length === 0) list.append(el('li', { class: 'muted', text: 'No saved shows yet: save this one to start the list.' }));
  }

  saveForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (await call('save-as', { name: saveName.value })) await refresh();
  });
  newForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (await call('new', { name: newName.value })) dialog.close();
  });

  return {
    async open() {
      message.textContent = '';
      saveName.value = store.getState().show?.name ?? '';
      newName.value = '';
      dialog.showModal();
      await refresh();
    },
  };
}
