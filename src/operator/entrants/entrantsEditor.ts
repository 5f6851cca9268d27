import type { Entrant } from '../../protocol/entrant';
import type { Race } from '../../protocol/race';
import { el } from '../element';
import type { PanelActions } from '../panelActions';
import type { FormValues } from '../panelMemory';
import { canControl, type PanelStore } from '../panelStore';
import { selectedIn } from '../raceControl/raceActions';
import { findEntrants } from './entrantFind';
import { mountEntrantFormSlot } from './entrantFormSlot';
import { createEntrantRowActions, entrantLine, onAirBibs } from './entrantRowActions';
import { createEntrantSearcher, sameSearch, type EntrantSearch, type SearchAnswer } from './entrantSearch';

/** Rows listed at once: an elite field fits; in a mass race the find box narrows the list, or it is paged. */
const SHOWN = 60;

/**
 * The selected race's start list in the Race data card: find an entrant by bib or name, add, edit (every field,
 * checked with the hub's Entrant schema at each field) and remove one at a time, each as one upsertEntrants /
 * removeEntrant naming what the edit started from, so another operator's change is never overwritten.
 *
 * Keys: F (a panel hotkey) or a click goes to the find box; there ↓ enters the list and Enter edits the first
 * match. In the list ↑/↓/Home/End move, Enter edits, Delete removes (asks; refused for an athlete with times),
 * P adds their profile to the rundown, Esc goes back to the find box. They never reach the panel's hotkeys.
 *
 * A mass start's list reaches the panel trimmed (state/pageView.ts: `entrantCount` says so): it is then found and
 * paged (PgUp/PgDn, or the buttons) through the hub's search, GET /api/races/{raceId}/entrants, asked again when the
 * show changes. The form (and what was typed in it, across a reload) is entrantFormSlot's.
 */
export function mountEntrantsEditor(host: HTMLElement, store: PanelStore, actions: PanelActions, typedBefore: () => FormValues | undefined) {
  const heading = el('h3', { id: 'entrants-heading', text: 'Entrants' });
  const find = el('input', { type: 'search', 'aria-label': 'Find entrant', placeholder: 'Find by bib or name (F)', autocomplete: 'off', spellcheck: 'false' });
  const add = el('button', { type: 'button', text: 'Add entrant' });
  const list = el('ol', { class: 'entrant-list', 'aria-labelledby': 'entrants-heading' });
  const more = el('p', { class: 'muted' });
  const previous = el('button', { type: 'button', class: 'small', text: `Previous ${SHOWN}` });
  const next = el('button', { type: 'button', class: 'small', text: `Next ${SHOWN}` });
  const pager = el('p', { class: 'entrant-pager', hidden: true }, previous, ' ', next);
  const formHost = el('div', { class: 'entrant-form-host' });
  host.replaceChildren(heading, el('div', { class: 'entrant-find' }, find, add), list, more, pager, formHost);

  const rowActions = createEntrantRowActions(store, actions);
  const slot = mountEntrantFormSlot(formHost, store, actions, {
    typedBefore,
    closed(bib) {
      if (bib !== null && rowOf(bib)) focusOn(bib, true);
      else find.focus();
    },
  });
  let focusBib: string | null = null;
  let listKey = '';
  let shown: Entrant[] = [];
  // A trimmed list's page: where it starts, what was last asked (and at which revision), the answer, a key waiting for it.
  let offset = 0;
  let asked: { search: EntrantSearch; revision: number } | null = null;
  let answer: SearchAnswer | null = null;
  let waiting: 'enter' | 'down' | null = null;
  const searcher = createEntrantSearcher((result) => {
    answer = result;
    render();
    const act = waiting;
    waiting = null;
    if (act && fresh()) findKey(act);
  });

  const race = () => selectedIn(store.getState());
  const trimmed = (r: Race | null | undefined) => r?.entrantCount !== undefined;
  const searchOf = (r: Race): EntrantSearch => ({ raceId: r.id, q: find.value.trim(), offset, limit: SHOWN });
  /** Whether the list shown answers what is typed now (a trimmed list's answer may still be on its way). */
  const fresh = () => {
    const current = race();
    return !trimmed(current) || (answer !== null && sameSearch(answer.search, searchOf(current!)));
  };
  function findKey(key: 'enter' | 'down') {
    if (!fresh()) return void (waiting = key);
    if (key === 'down' && shown[0]) focusOn(shown[0].bib, true);
    if (key === 'enter' && shown[0]) openForm(shown[0].bib);
  }
  function page(by: number) {
    const current = race();
    if (!current || !trimmed(current) || !answer || !('page' in answer)) return false;
    const to = offset + by * SHOWN;
    if (to < 0 || to >= answer.page.matched) return false;
    offset = to;
    render();
    return true;
  }
  previous.addEventListener('click', () => page(-1));
  next.addEventListener('click', () => page(1));
  const rowOf = (bib: string) => list.querySelector<HTMLElement>(`li[data-bib="${CSS.escape(bib)}"]`);

  find.addEventListener('input', () => {
    offset = 0;
    render();
  });
  find.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') findKey('down');
    else if (event.key === 'Enter') findKey('enter');
    else if (event.key === 'Escape') {
      if (find.value) find.value = '';
      else find.blur();
      render();
    } else return;
    event.preventDefault();
    event.stopPropagation();
  });
  add.addEventListener('click', () => openForm(null));

  list.addEventListener('focusin', (event) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('li[data-bib]');
    if (row) focusOn(row.dataset.bib!, false);
  });
  list.addEventListener('keydown', (event) => {
    const row = event.target instanceof HTMLElement && event.target.matches('li[data-bib]') ? event.target : null;
    if (!row || event.ctrlKey || event.metaKey || event.altKey) return;
    const bib = row.dataset.bib!;
    const at = shown.findIndex((e) => e.bib === bib);
    const handled = (() => {
      switch (event.key) {
        case 'ArrowUp':
        case 'ArrowDown': {
          const next = shown[at + (event.key === 'ArrowUp' ? -1 : 1)];
          if (next) focusOn(next.bib, true);
          else if (event.key === 'ArrowUp') find.focus();
          return true;
        }
        case 'PageDown':
        case 'PageUp':
          if (page(event.key === 'PageUp' ? -1 : 1)) waiting = 'down';
          return true;
        case 'Home':
        case 'End': {
          const next = event.key === 'Home' ? shown[0] : shown[shown.length - 1];
          if (next) focusOn(next.bib, true);
          return true;
        }
        case 'Enter':
          openForm(bib);
          return true;
        case 'Delete':
          void askRemove(bib);
          return true;
        case 'p':
        case 'P':
          addProfile(bib);
          return true;
        case ' ':
          return true;
        case 'Escape':
          find.focus();
          return true;
      }
      return false;
    })();
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  });

  function focusOn(bib: string, moveFocus: boolean) {
    focusBib = bib;
    for (const row of list.querySelectorAll<HTMLElement>('li[data-bib]')) row.tabIndex = row.dataset.bib === bib ? 0 : -1;
    if (moveFocus) rowOf(bib)?.focus();
  }

  function entrantOf(bib: string): Entrant | undefined {
    return (trimmed(race()) ? shown.find((e) => e.bib === bib) : undefined) ?? race()?.entrants?.find((e) => e.bib === bib);
  }

  function addProfile(bib: string) {
    const current = race();
    const entrant = entrantOf(bib);
    if (current && entrant) rowActions.addProfile(current, entrant);
  }

  async function askRemove(bib: string) {
    const current = race();
    const entrant = entrantOf(bib);
    if (!current || !entrant) return;
    const done = await rowActions.remove(current, entrant);
    if (done === 'cancelled') return rowOf(bib)?.focus();
    const at = shown.findIndex((e) => e.bib === bib);
    const next = shown.filter((e) => e.bib !== bib)[Math.min(at, shown.length - 2)];
    if (done === 'removed' && next) focusOn(next.bib, true);
  }

  function openForm(bib: string | null) {
    const current = race();
    if (!current) return;
    if (!canControl(store.getState())) return actions.tell('Not connected to the hub as an operator: the start list cannot be changed from this panel', 'error');
    slot.open(current, bib === null ? null : (entrantOf(bib) ?? null));
  }

  function render() {
    const state = store.getState();
    const current = race();
    const control = canControl(state);
    add.disabled = !control || !current;
    slot.render(state);
    pager.hidden = !trimmed(current);
    if (!current) {
      heading.textContent = 'Entrants';
      shown = [];
      list.replaceChildren();
      more.textContent = '';
      return;
    }
    if (trimmed(current)) renderTrimmed(current, state.show!.revision);
    else {
      const all = current.entrants ?? [];
      const found = findEntrants(all, find.value);
      shown = found.slice(0, SHOWN);
      heading.textContent = `Entrants of ${current.name} (${all.length})`;
      more.textContent = found.length > shown.length ? `${found.length - shown.length} more: type a bib or name to narrow the list` : all.length > 0 && found.length === 0 ? `No entrant matches “${find.value}”` : all.length === 0 ? 'No entrants yet: add one, or import a start list.' : '';
    }
    const onAir = onAirBibs(state.show, current.id);
    const key = JSON.stringify([current.id, shown, onAir, control]);
    if (key === listKey) return;
    listKey = key;
    const hadFocus = list.contains(document.activeElement);
    list.replaceChildren(...shown.map((entrant) => row(entrant, onAir.includes(entrant.bib), control)));
    const keep = focusBib !== null && shown.some((e) => e.bib === focusBib) ? focusBib : (shown[0]?.bib ?? null);
    if (keep) focusOn(keep, hadFocus);
  }

  /** A trimmed list: the hub's search for what is typed, asked again on every change of the show; the last answer meanwhile. */
  function renderTrimmed(current: Race, revision: number) {
    const search = searchOf(current);
    if (!asked || !sameSearch(asked.search, search) || asked.revision !== revision) {
      asked = { search, revision };
      searcher.find(search);
    }
    heading.textContent = `Entrants of ${current.name} (${current.entrantCount})`;
    const last = answer?.search.raceId === current.id ? answer : null;
    shown = last && 'page' in last ? last.page.entrants : [];
    if (!last) more.textContent = 'Finding…';
    else if ('error' in last) more.textContent = last.error;
    else {
      const { matched, offset: from } = last.page;
      const typed = last.search.q;
      more.textContent =
        matched === 0 ? `No entrant matches “${typed}”` : `${from + 1}–${from + shown.length} of ${matched}${typed ? ` matching “${typed}”` : ''}${matched > shown.length ? ': PgUp/PgDn for more, or type a bib or name' : ''}`;
      previous.disabled = from === 0;
      next.disabled = from + shown.length >= matched;
    }
  }

  function row(entrant: Entrant, onAir: boolean, control: boolean): HTMLElement {
    const small = (text: string, name: string, onClick: () => void) => {
      const b = el('button', { type: 'button', class: 'small', text, 'aria-label': `${name} bib ${entrant.bib}`, disabled: !control });
      b.addEventListener('click', onClick);
      return b;
    };
    return el(
      'li',
      { 'data-bib': entrant.bib, tabindex: -1, class: 'entrant', 'aria-label': `${entrantLine(entrant)}${onAir ? ' (on air)' : ''}`, ...(onAir ? { 'data-state': 'on-air' } : {}) },
      el('span', { text: entrantLine(entrant) }),
      onAir ? el('span', { class: 'badge', text: 'ON AIR' }) : null,
      el(
        'span',
        { class: 'crawl-item-buttons' },
        small('Edit', 'Edit', () => openForm(entrant.bib)),
        small('Profile', 'Profile to the rundown of', () => addProfile(entrant.bib)),
        small('Remove', 'Remove', () => void askRemove(entrant.bib)),
      ),
    );
  }

  store.subscribe(render);
  render();
  return {
    /** The F key: to the find box, its text selected so typing replaces it. */
    focusFind() {
      find.focus();
      find.select();
    },
  };
}
export type EntrantsEditor = ReturnType<typeof mountEntrantsEditor>;
