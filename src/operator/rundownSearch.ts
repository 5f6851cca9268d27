import { el } from './element';
import type { PanelActions } from './panelActions';
import type { PanelStore } from './panelStore';
import { bestMatch, findItems, jumpGroup } from './rundownFind';

/**
 * Find in the rundown, keyboard first: / puts the focus in the box; typing filters the list to the items
 * whose title, kind, group or text has every typed word, and cues the first match — the first item of a
 * group the words name, else the first in the list (PVW shows it; nothing goes to air); ↑/↓ move the cue
 * among the matches; Enter keeps that cue, clears the filter and leaves the box (it never takes); Esc
 * clears, leaves and puts the cue back where it was before the search. Choosing an item clears the filter, so
 * the cue never sits on a hidden item. PageUp/PageDown jump the cue a group at a time.
 */
export function mountRundownSearch(host: HTMLElement, store: PanelStore, actions: PanelActions) {
  const input = el('input', { id: 'rundown-find', type: 'search', autocomplete: 'off', spellcheck: 'false', placeholder: 'name, kind or group  (/)', 'aria-keyshortcuts': '/' });
  const count = el('span', { class: 'find-count', role: 'status' });
  const box = el('div', { class: 'rundown-find', role: 'search', 'aria-label': 'Rundown' }, el('label', { for: 'rundown-find', text: 'Find' }), input, count);
  const list = host.querySelector<HTMLElement>('.rundown-list');
  host.insertBefore(box, list);

  const matches = () => findItems(store.getState().show?.rundown ?? [], input.value);
  const filtering = () => input.value.trim() !== '';

  /** Hides what does not match (after every render of the list, which rebuilds its rows). */
  function apply() {
    if (!list) return;
    const show = store.getState().show;
    const ids = filtering() ? new Set(matches()) : null;
    for (const option of list.querySelectorAll<HTMLElement>('[data-item]')) option.hidden = ids !== null && !ids.has(option.dataset.item!);
    for (const group of list.querySelectorAll<HTMLElement>('[role=group]')) group.hidden = ids !== null && group.querySelector('[data-item]:not([hidden])') === null;
    const text = ids === null ? '' : ids.size === 0 ? `No item matches “${input.value.trim()}”` : `${ids.size} of ${show?.rundown.length ?? 0}`;
    if (count.textContent !== text) count.textContent = text;
  }

  function cueMatch(by: -1 | 1) {
    const ids = matches();
    if (ids.length === 0) return;
    const at = ids.indexOf(store.getState().cueId ?? '');
    actions.cueItem(at < 0 ? ids[0]! : ids[Math.max(0, Math.min(ids.length - 1, at + by))]!);
  }

  /** The cue when the search began, for Esc. */
  let cueBefore: string | null | undefined;

  function clear() {
    input.value = '';
    apply();
  }

  input.addEventListener('input', () => {
    if (cueBefore === undefined) cueBefore = store.getState().cueId;
    apply();
    const best = filtering() ? bestMatch(store.getState().show?.rundown ?? [], input.value) : null;
    if (best !== null) actions.cueItem(best);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      cueMatch(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      // Enter chooses the cued match; it never falls through to Take.
      event.preventDefault();
      event.stopPropagation();
      cueBefore = undefined;
      clear();
      input.blur();
    } else if (event.key === 'Escape') {
      const back = cueBefore;
      cueBefore = undefined;
      clear();
      if (back && store.getState().show?.rundown.some((item) => item.id === back)) actions.cueItem(back);
      input.blur();
    }
  });
  list?.addEventListener('click', () => {
    cueBefore = undefined;
    if (filtering()) clear();
  });
  store.subscribe(apply);
  apply();

  return {
    /** The / key. */
    focus() {
      input.focus();
      input.select();
    },
    /** PageUp / PageDown. */
    jumpGroup(by: -1 | 1) {
      const show = store.getState().show;
      if (!show) return;
      const id = jumpGroup(show.rundown, store.getState().cueId, by);
      if (id !== null) actions.cueItem(id);
    },
  };
}
