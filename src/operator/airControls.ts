import { LAYER_TITLES, LAYERS } from '../protocol/layers';
import { confirmDialog } from './dialogs';
import { el } from './element';
import type { PanelActions } from './panelActions';
import { canControl, type PanelStore } from './panelStore';

/** Take, Update, a Clear per layer and Clear all, with their keys; auto-advance; and the panel's message line (one line, fixed height). */
export function mountAirControls(host: HTMLElement, store: PanelStore, actions: PanelActions) {
  const button = (text: string, keys: string, className: string, onClick: () => void) => {
    const b = el('button', { type: 'button', class: className, 'aria-keyshortcuts': keys, title: keys }, text, el('kbd', { text: keys }));
    b.addEventListener('click', onClick);
    return b;
  };
  const take = button('Take', 'Space', 'take', () => void actions.take());
  const update = button('Update', 'U', 'update', () => void actions.update());
  const clears = LAYERS.map((layer, i) => button(`Clear ${LAYER_TITLES[layer]}`, `F${i + 1}`, 'clear', () => void actions.clear(layer)));
  const clearAll = button('Clear all…', 'F12 F12', 'danger', () => {
    void confirmDialog({ title: 'Clear everything off air?', text: 'Every graphic on every layer animates out.', confirm: 'Clear all' }).then((yes) => {
      if (yes) void actions.clearAll();
    });
  });
  const advance = el('input', { type: 'checkbox', id: 'auto-advance', 'aria-keyshortcuts': 'A' });
  advance.addEventListener('change', () => {
    actions.setAutoAdvance(advance.checked);
    // Like the buttons, the checkbox gives the focus back once clicked: Space must take, not turn auto-advance off.
    advance.blur();
  });
  const armed = el('p', { class: 'armed', role: 'alert' });
  const info = el('p', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  const problem = el('p', { class: 'notice error', role: 'alert' });
  host.replaceChildren(
    el('div', { class: 'air-buttons' }, take, update, clearAll, el('label', { class: 'auto-advance', for: 'auto-advance', title: 'A' }, advance, ' Auto-advance ', el('kbd', { text: 'A' }))),
    el('div', { class: 'clear-buttons', role: 'group', 'aria-label': 'Clear a layer' }, ...clears),
    el('div', { class: 'messages' }, armed, problem, info),
  );

  const render = () => {
    const state = store.getState();
    const control = canControl(state);
    const cued = actions.cued() !== null;
    take.disabled = !control || !cued;
    update.disabled = !control || !cued;
    for (const [i, b] of clears.entries()) b.disabled = !control || !state.show?.onAir[LAYERS[i]!];
    clearAll.disabled = !control;
    advance.checked = state.autoAdvance;
    armed.textContent = state.clearAllArmedUntil !== null ? 'Clear all is armed: press F12 again within 2 seconds to clear everything off air (Esc cancels)' : '';
    problem.textContent = state.notice?.tone === 'error' ? state.notice.text : '';
    info.textContent = state.notice?.tone === 'info' ? state.notice.text : '';
  };
  store.subscribe(render);
  render();
}
