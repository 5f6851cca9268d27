import { effectiveSpeed } from '../../core';
import { contentOf, CrawlSpeed, type CrawlItem, type CrawlItemContent } from '../../protocol/crawlItem';
import { contractOf } from '../../protocol/graphicSpec';
import { confirmDialog } from '../dialogs';
import { el } from '../element';
import { readDecimal } from '../form/schemaFields';
import type { PanelActions } from '../panelActions';
import type { FormValues } from '../panelMemory';
import { canControl, type PanelState, type PanelStore } from '../panelStore';
import { textEntry } from '../textEntry';
import { youHadTyped } from '../youHadTyped';
import { createCrawlItemForm, CRAWL_KIND_TITLES, type CrawlItemForm } from './crawlItemForm';

// The output frame rate the panel quotes the effective speed at (the outputs' default).
const QUOTED_FPS = 50;

/** What a crawl item says, in one line: "Jamie Ogier: They just started… #GetInspired". */
export function crawlItemSummary(item: CrawlItemContent): string {
  if (item.kind === 'social') return `${item.handle}: ${item.text}${item.tag ? ` ${item.tag}` : ''}`;
  return item.text;
}

/**
 * The ticker editor: the show's crawl items in order, added, edited, removed (after asking) and reordered
 * one command per change (so two operators' edits never overwrite each other's items), the crawl running or
 * stopped, its speed, and the crawl to air and off. Everything shown comes from the hub's show.
 *
 * Keys inside the list: ↑/↓ move between items, Alt+↑/↓ move the focused item, Enter edits it, Delete
 * removes it (asks), Esc leaves the list. They never reach the panel's hotkeys (so ↑ does not move the cue).
 */
export function mountCrawlEditor(host: HTMLElement, store: PanelStore, actions: PanelActions, typedBefore: () => FormValues | undefined) {
  const status = el('p', { class: 'crawl-status' });
  const run = el('button', { type: 'button', 'aria-pressed': 'false', text: 'Run crawl' });
  const speed = textEntry('Speed (px/s)', { name: 'speed', size: 5 });
  const speedForm = el('form', { 'aria-label': 'Crawl speed', novalidate: true, class: 'one-field-form' }, speed.element, el('button', { type: 'submit', text: 'Set speed' }));
  // An empty label puts no label on air, so the empty field says that, in a style no value has: a sample
  // name in grey read as a label that was set.
  const label = textEntry('Label', { name: 'crawlLabel', placeholder: 'no label', size: 16, hint: 'fixed at the left; optional, e.g. LONDON MARATHON' });
  const toAir = el('button', { type: 'button', class: 'take', text: 'Crawl to air' });
  const clear = el('button', { type: 'button', class: 'clear', 'aria-keyshortcuts': 'F4', title: 'F4' }, 'Clear crawl', el('kbd', { text: 'F4' }));
  const airForm = el('div', { class: 'crawl-air' }, label.element, toAir, clear);
  const list = el('ol', { class: 'crawl-items', 'aria-label': 'Crawl items' });
  const add = el('button', { type: 'button', text: 'Add item' });
  const formHost = el('div', { class: 'crawl-form-host' });
  host.replaceChildren(
    el('h2', { id: 'crawl-heading', text: 'Crawl' }),
    status,
    el('div', { class: 'crawl-motion' }, run, speedForm),
    airForm,
    list,
    add,
    formHost,
  );

  let form: { id: string | null; view: CrawlItemForm } | null = null;
  let listKey = '';
  let focusId: string | null = null;
  let rebuilding = false;

  const items = () => store.getState().show?.crawl.items ?? [];
  const itemRow = (id: string) => list.querySelector<HTMLElement>(`li[data-id="${CSS.escape(id)}"]`);

  run.addEventListener('click', () => {
    const running = store.getState().show?.crawl.running ?? false;
    void actions.send({ type: 'crawlRun', running: !running }, running ? 'The crawl is stopped where it is' : 'The crawl runs on from where it is');
  });
  speedForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = speed.input.value.trim();
    const typed = readDecimal(text);
    const parsed = CrawlSpeed.safeParse(typed ?? Number.NaN);
    if (!parsed.success) {
      speed.problem(text === '' ? 'Enter a speed in pixels per second, 20 to 480' : typed !== null ? parsed.error.issues[0]!.message : `must be a plain number of pixels per second like 120, not “${text}”`);
      return speed.input.focus();
    }
    speed.problem('');
    void actions.send({ type: 'crawlSpeed', speedPxPerS: parsed.data }, `Crawl speed ${parsed.data} px/s`).then((outcome) => {
      if (outcome.ok) speed.input.blur();
      else {
        speed.problem(outcome.error);
        void outcome.gone?.then(() => speed.element.querySelector('.field-error')?.textContent === outcome.error && speed.problem(''));
      }
    });
  });
  speed.input.addEventListener('input', () => {
    const n = readDecimal(speed.input.value) ?? Number.NaN;
    speed.problem('');
    speed.reading(CrawlSpeed.safeParse(n).success ? `shows as ${effectiveSpeed(n, QUOTED_FPS)} px/s on a ${QUOTED_FPS} fps output (whole pixels per frame)` : '');
  });
  toAir.addEventListener('click', () => {
    const props = contractOf('crawl').props.safeParse({ label: label.input.value });
    if (!props.success) return label.problem(props.error.issues[0]!.message);
    label.problem('');
    void actions.send({ type: 'take', graphic: { kind: 'crawl', props: props.data } }, 'The crawl is on air');
  });
  clear.addEventListener('click', () => void actions.clear('crawl'));
  add.addEventListener('click', () => openForm(null));

  list.addEventListener('focusin', (event) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('li[data-id]');
    if (row) focusOn(row.dataset.id!, false);
  });
  list.addEventListener('focusout', (event) => {
    if (!rebuilding && !list.contains(event.relatedTarget as Node | null)) focusId = null;
  });
  list.addEventListener('keydown', (event) => {
    const row = event.target instanceof HTMLElement && event.target.matches('li[data-id]') ? event.target : null;
    if (!row) return;
    const id = row.dataset.id!;
    const at = items().findIndex((i) => i.id === id);
    const handled = (() => {
      if (event.ctrlKey || event.metaKey) return false;
      if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
        move(id, event.key === 'ArrowUp' ? -1 : 1);
        return true;
      }
      if (event.altKey) return false;
      switch (event.key) {
        case 'ArrowUp':
        case 'ArrowDown': {
          const next = items()[at + (event.key === 'ArrowUp' ? -1 : 1)];
          if (next) focusOn(next.id, true);
          return true;
        }
        case 'Home':
        case 'End': {
          const next = event.key === 'Home' ? items()[0] : items()[items().length - 1];
          if (next) focusOn(next.id, true);
          return true;
        }
        case 'Enter':
          openForm(id);
          return true;
        case 'Delete':
          void askRemove(id);
          return true;
        case ' ':
          return true;
        case 'Escape':
          row.blur();
          return true;
      }
      return false;
    })();
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  });

  function focusOn(id: string, moveFocus: boolean) {
    focusId = id;
    for (const row of list.querySelectorAll<HTMLElement>('li[data-id]')) row.tabIndex = row.dataset.id === id ? 0 : -1;
    if (moveFocus) itemRow(id)?.focus();
  }

  /** One place up or down, worked out on the hub so quick presses add up even before this panel hears of the first. */
  function move(id: string, by: -1 | 1) {
    void actions.send({ type: 'crawlMove', id, by });
  }

  async function askRemove(id: string) {
    const item = items().find((i) => i.id === id);
    if (!item) return;
    const yes = await confirmDialog({
      title: 'Remove this crawl item?',
      text: `“${crawlItemSummary(item)}” is removed from the crawl for every operator; if it is on screen it finishes crossing, then never comes back.`,
      confirm: 'Remove',
    });
    if (!yes) return;
    const at = items().findIndex((i) => i.id === id);
    const outcome = await actions.send({ type: 'crawlRemove', id, was: contentOf(item) }, 'Removed the crawl item');
    const next = items()[Math.min(at, items().length - 1)];
    if (outcome.ok && next) focusOn(next.id, true);
  }

  /** Opens the form for a new item (null), the item `id` as it is now, or (after a reload) as it was when first opened. */
  function openForm(id: string | null, was?: CrawlItem) {
    if (!canControl(store.getState())) return actions.tell('Not connected to the hub as an operator: the crawl cannot be changed from this panel', 'error');
    const item = id === null ? null : (was ?? items().find((i) => i.id === id) ?? null);
    const close = () => {
      if (form !== opened) return;
      form = null;
      formHost.replaceChildren();
      store.setState({ crawlForm: null });
      if (id) focusOn(id, true);
    };
    const save = (content: CrawlItemContent) =>
      item ? actions.send({ type: 'crawlUpdate', id: item.id, item: content, was: contentOf(item) }, 'Saved the crawl item') : actions.send({ type: 'crawlAdd', item: content }, 'Added to the end of the crawl');
    const opened = { id, view: createCrawlItemForm({ item, save, close }) };
    form = opened;
    formHost.replaceChildren(opened.view.element);
    // Which form is open is the panel's (kept across a reload with what was typed in it: panelMemory.ts), set in the
    // same task as the form appears, which panelMemory keys the form's draft by.
    if (!was) store.setState({ crawlForm: { itemId: id, ...(item ? { was: item } : {}) } });
  }

  function render(state: PanelState) {
    const show = state.show;
    const control = canControl(state);
    for (const b of [run, toAir, add, speedForm.querySelector('button')!]) b.disabled = !control;
    clear.disabled = !control || !show?.onAir.crawl;
    if (!show) return void (status.textContent = 'Waiting for the hub…');
    // Another show opened forgets the form (panelMemory.ts): it closes, its item is not the new show's.
    if (form && !state.crawlForm) {
      form = null;
      formHost.replaceChildren();
    }
    // A panel reloaded with a crawl item form open opens it again, its item as it was when first opened (its draft
    // is filled in by panelMemory.ts); one whose item was removed meanwhile is not, and the message line says so.
    if (!form && state.crawlForm && control) {
      const { itemId, was } = state.crawlForm;
      const current = show.crawl.items.find((i) => i.id === itemId);
      if (itemId === null) openForm(null);
      // (A panel saved before `was` was kept opens the item as it is now.)
      else if (current) openForm(itemId, was ?? current);
      else {
        const typed = typedBefore();
        store.setState({ crawlForm: null });
        actions.tell(crawlNotReopenedText(typed), 'error');
      }
    }
    const { crawl } = show;
    const onAir = show.onAir.crawl;
    status.textContent = `${crawl.running ? 'Running' : 'Stopped'} · ${crawl.speedPxPerS} px/s · ${crawl.items.length} ${crawl.items.length === 1 ? 'item' : 'items'} · ${onAir ? 'on air' : 'off air'}`;
    run.textContent = crawl.running ? 'Stop crawl' : 'Run crawl';
    run.setAttribute('aria-pressed', String(crawl.running));
    if (document.activeElement !== speed.input && speed.input.value !== String(crawl.speedPxPerS)) speed.input.value = String(crawl.speedPxPerS);
    if (onAir && onAir.graphic.kind === 'crawl' && document.activeElement !== label.input) label.input.value = onAir.graphic.props.label;
    if (form?.id) form.view.follow(crawl.items.find((i) => i.id === form!.id));

    const key = JSON.stringify([crawl.items, control]);
    if (key === listKey) return;
    listKey = key;
    const hadFocus = list.contains(document.activeElement);
    rebuilding = true;
    list.replaceChildren(...crawl.items.map((item, i) => row(item, i, crawl.items.length, control)));
    if (crawl.items.length === 0) list.replaceChildren(el('li', { class: 'muted', text: 'The crawl has no items: add one.' }));
    rebuilding = false;
    const keep = focusId !== null && crawl.items.some((i) => i.id === focusId) ? focusId : (crawl.items[0]?.id ?? null);
    if (keep) focusOn(keep, hadFocus && focusId !== null);
  }

  function row(item: CrawlItem, index: number, count: number, control: boolean): HTMLElement {
    const summary = crawlItemSummary(item);
    const kind = CRAWL_KIND_TITLES[item.kind];
    const small = (text: string, name: string, onClick: () => void, disabled = false) => {
      const b = el('button', { type: 'button', class: 'small', text, 'aria-label': `${name} item ${index + 1}`, disabled: disabled || !control });
      b.addEventListener('click', onClick);
      return b;
    };
    const li = el(
      'li',
      { 'data-id': item.id, tabindex: -1, 'aria-label': `${index + 1}. ${kind}: ${summary}`, class: `crawl-item crawl-${item.kind}` },
      el('span', { class: 'badge', text: kind.toUpperCase() }),
      ' ',
      item.kind === 'social' ? el('strong', { text: item.handle }) : null,
      item.kind === 'social' ? ' ' : null,
      el('span', { class: 'crawl-text', text: item.text }),
      item.kind === 'social' && item.tag ? el('span', { class: 'crawl-tag', text: ` ${item.tag}` }) : null,
      el(
        'span',
        { class: 'crawl-item-buttons' },
        small('Edit', 'Edit', () => openForm(item.id)),
        small('Up', 'Move up', () => move(item.id, -1), index === 0),
        small('Down', 'Move down', () => move(item.id, 1), index === count - 1),
        small('Remove', 'Remove', () => void askRemove(item.id)),
      ),
    );
    return li;
  }

  store.subscribe(render);
  render(store.getState());
}

/** What the message line says when a crawl item form left open over a reload cannot come back: its item was removed. */
export function crawlNotReopenedText(typed: FormValues | undefined): string {
  // The crawl item form's fields are named as it labels them (the kind's own fields): Handle, Text…
  const labels = Object.fromEntries(Object.keys(typed ?? {}).filter((name) => name !== 'kind').map((name) => [name, `${name[0]!.toUpperCase()}${name.slice(1)}`]));
  return `Another operator removed the crawl item you were editing since you opened it, so after the reload it is not reopened.${youHadTyped(typed, labels)}`;
}
