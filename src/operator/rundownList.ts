import { formatTime } from '../core';
import { contractOf } from '../protocol/graphicSpec';
import { itemTitle, type RundownItem } from '../protocol/rundownItem';
import { el } from './element';
import type { PanelActions } from './panelActions';
import { canEdit, type PanelState, type PanelStore } from './panelStore';
import { groupRundown, layersOnAir, onAirDiffers } from './rundownOrder';

/**
 * The rundown, grouped by race or segment, with tally: on-air items red, the cued item green (both words
 * and colour). Clicking an item cues it; the toolbar acts on the cued item.
 */
export function mountRundownList(host: HTMLElement, store: PanelStore, actions: PanelActions, confirmDelete: (item: RundownItem) => void) {
  const list = el('div', { class: 'rundown-list', role: 'listbox', 'aria-label': 'Rundown' });
  const button = (text: string, title: string, onClick: () => void) => {
    const b = el('button', { type: 'button', class: 'small', text, title });
    b.addEventListener('click', onClick);
    return b;
  };
  const tools = {
    add: button('New', 'New item (N)', () => actions.newItem()),
    edit: button('Edit', 'Edit the cued item (E)', () => actions.editCued()),
    duplicate: button('Duplicate', 'Duplicate the cued item (D)', () => actions.duplicateCued()),
    remove: button('Delete', 'Delete the cued item (Delete)', () => {
      const item = actions.cued();
      if (item) confirmDelete(item);
    }),
    up: button('Move up', 'Move the cued item up (Alt+↑)', () => actions.moveCued(-1)),
    down: button('Move down', 'Move the cued item down (Alt+↓)', () => actions.moveCued(1)),
  };
  host.replaceChildren(
    el('h2', { id: 'rundown-heading', text: 'Rundown' }),
    el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Rundown item' }, ...Object.values(tools)),
    list,
  );

  let lastKey = '';
  const render = (state: PanelState) => {
    const key = JSON.stringify([state.show?.rundown, state.show?.onAir, state.show?.locked, state.cueId, state.connection]);
    if (key === lastKey) return;
    lastKey = key;
    const editable = canEdit(state);
    const hasCue = actions.cued() !== null;
    for (const [name, b] of Object.entries(tools)) b.disabled = !editable || (name !== 'add' && !hasCue);
    const show = state.show;
    if (!show || show.rundown.length === 0) {
      list.replaceChildren(el('p', { class: 'muted', text: show ? 'The rundown is empty: press N for a new item, or import a CSV file.' : 'Waiting for the hub…' }));
      return;
    }
    list.replaceChildren(
      ...groupRundown(show.rundown).map(({ group, items }) => {
        const headingId = `group-${group.replace(/\W+/g, '-')}-${items[0]!.id}`;
        return el(
          'div',
          { role: 'group', 'aria-labelledby': headingId, class: 'rundown-group' },
          el('h3', { id: headingId, text: group }),
          ...items.map((item) => row(item, state)),
        );
      }),
    );
    list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  };

  function row(item: RundownItem, state: PanelState): HTMLElement {
    const show = state.show!;
    const layers = layersOnAir(show, item.id);
    const cued = state.cueId === item.id;
    const tally = [layers.length > 0 ? 'pgm' : '', cued ? 'pvw' : ''].filter(Boolean).join(' ');
    const badges: HTMLElement[] = [];
    if (layers.length > 0) badges.push(el('span', { class: 'badge pgm', text: onAirDiffers(show, item) ? 'ON AIR · edited' : 'ON AIR' }));
    // Auto-out: the countdown's text is drawn on each frame from hub time (autoOutCountdown.ts).
    const outAt = layers.map((layer) => show.onAir[layer]?.outAt).find((at) => at !== undefined);
    if (outAt !== undefined) badges.push(el('span', { class: 'badge countdown', role: 'timer', 'aria-label': `${itemTitle(item)} goes out by itself`, 'data-out-at': outAt }));
    else if (item.autoOutS !== undefined) badges.push(el('span', { class: 'badge auto-out', title: 'Goes out by itself after this time on air', text: `AUTO OUT ${formatTime(item.autoOutS * 1000)}` }));
    if (cued) badges.push(el('span', { class: 'badge pvw', text: 'CUED' }));
    const option = el(
      'div',
      { role: 'option', 'aria-selected': cued ? 'true' : 'false', class: 'rundown-item', 'data-tally': tally || undefined, 'data-item': item.id },
      el('span', { class: 'title', text: itemTitle(item) }),
      el('span', { class: 'kind', text: contractOf(item.graphic.kind).title }),
      ...badges,
    );
    option.addEventListener('click', () => actions.cueItem(item.id));
    option.addEventListener('dblclick', () => actions.editCued());
    return option;
  }

  store.subscribe(render);
  render(store.getState());
}
