import { formatTime } from '../../core';
import { clockText } from '../../graphics/raceClock/raceClockModel';
import type { Race, RaceSplit } from '../../protocol/race';
import { confirmDialog } from '../dialogs';
import { el } from '../element';
import { canControl, type PanelStore } from '../panelStore';
import { createFinishForm, createGunTimeForm } from './clockForms';
import type { RaceActions } from './raceActions';
import { createSplitForm } from './splitForm';

/** Where the race stands at hub time t, in words. */
export function raceStatus(race: Race, t: number): string {
  if (race.gunTime === null) return 'not started';
  if (race.finishedAt !== null) return `finished in ${formatTime(race.finishedAt - race.gunTime)}`;
  if (t < race.gunTime) return 'counting down to the gun';
  return 'running';
}

type Detail = {
  raceId: string;
  element: HTMLElement;
  timer: HTMLElement;
  status: HTMLElement;
  update(race: Race): void;
  focusGunTime(): void;
  focusSplit(): void;
};

/**
 * Race control: every race of the show with its clock (computed from its gun and the hub clock on every
 * frame, never stored), and the selected race's controls — start at the gun, type or correct the gun time,
 * finish, reset, enter splits with their reading and projection shown before sending, and its graphics to air.
 * The race and its clock come from the hub, so every panel shows the same; the selection is this panel's own.
 */
export function mountRaceControl(host: HTMLElement, store: PanelStore, raceActions: RaceActions, now: () => number) {
  const tabs = el('div', { class: 'race-tabs', role: 'tablist', 'aria-label': 'Races' });
  const panelHost = el('div', { class: 'race-detail' });
  const problem = el('p', { class: 'notice error', role: 'alert' });
  host.replaceChildren(el('h2', { id: 'race-control-heading', text: 'Race control' }), tabs, panelHost, problem);

  let tabKey = '';
  let tabClocks: { race: Race; clock: HTMLElement }[] = [];
  let detail: Detail | null = null;
  let shownRace: Race | null = null;

  tabs.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const races = store.getState().show?.races ?? [];
    const at = races.findIndex((r) => r.id === raceActions.selected()?.id);
    const next = races[(at + (event.key === 'ArrowRight' ? 1 : -1) + races.length) % races.length];
    if (!next) return;
    event.preventDefault();
    raceActions.select(next.id);
    tabs.querySelector<HTMLElement>(`[data-race="${next.id}"]`)?.focus();
  });

  function render() {
    const state = store.getState();
    const races = state.show?.races ?? [];
    const selected = raceActions.selected();
    const problemText = state.raceProblem?.text ?? '';
    if (problem.textContent !== problemText) problem.textContent = problemText;
    const key = JSON.stringify(races.map((r) => [r.id, r.name]));
    if (key !== tabKey) {
      tabKey = key;
      tabClocks = [];
      tabs.replaceChildren(
        ...races.map((race, i) => {
          const clock = el('span', { class: 'race-tab-clock' });
          const tab = el('button', { type: 'button', role: 'tab', id: `race-tab-${race.id}`, 'data-race': race.id, 'aria-controls': 'race-detail', title: `Select with ${i + 1}` }, el('span', { class: 'race-tab-name', text: race.name }), ' ', clock);
          tab.addEventListener('click', () => raceActions.select(race.id));
          tabClocks.push({ race, clock });
          return tab;
        }),
      );
      if (races.length === 0) tabs.replaceChildren(el('p', { class: 'muted', text: state.show ? 'The show has no races.' : 'Waiting for the hub…' }));
    }
    tabClocks = tabClocks.map(({ clock }, i) => ({ race: races[i]!, clock }));
    for (const tab of tabs.querySelectorAll<HTMLElement>('[role=tab]')) {
      const isSelected = tab.dataset.race === selected?.id;
      tab.setAttribute('aria-selected', String(isSelected));
      tab.tabIndex = isSelected ? 0 : -1;
    }
    if (!selected) {
      detail = null;
      shownRace = null;
      panelHost.replaceChildren();
      return;
    }
    if (detail?.raceId !== selected.id) {
      detail = buildDetail(selected);
      panelHost.replaceChildren(detail.element);
      shownRace = null;
    }
    if (selected !== shownRace) {
      shownRace = selected;
      detail.update(selected);
    }
    for (const button of panelHost.querySelectorAll<HTMLButtonElement>('button[data-needs-control]')) button.disabled = !canControl(state) || button.dataset.blocked === 'true';
    frame(lastFrame);
  }

  function buildDetail(race: Race): Detail {
    const current = () => store.getState().show?.races.find((r) => r.id === race.id) ?? null;
    const timer = el('span', { class: 'race-timer', role: 'timer', 'aria-label': `${race.name} clock` });
    const status = el('span', { class: 'race-status' });
    const facts = el('p', { class: 'muted race-facts' });
    const button = (text: string, keys: string | null, onClick: () => void, className = '') => {
      const b = el('button', { type: 'button', class: className, 'data-needs-control': true, ...(keys ? { 'aria-keyshortcuts': keys, title: keys } : {}) }, text, keys ? el('kbd', { text: keys }) : null);
      b.addEventListener('click', onClick);
      return b;
    };
    const start = button('Start at the gun', 'G', () => void raceActions.start(current() ?? race), 'primary');
    const finish = button('Finish now', null, () => {
      const r = current();
      if (r) void raceActions.finishNow(r);
    });
    const reset = button('Reset…', null, () => void confirmReset(current() ?? race), 'danger');
    const gunForm = createGunTimeForm(race, current, raceActions, now);
    const finishForm = createFinishForm(race, current, raceActions);
    const splitForm = createSplitForm(race.name, current, raceActions, { store, now });
    const splits = el('ul', { class: 'race-splits', 'aria-label': `${race.name} splits` });
    const banner = button('Split banner', 'B', () => void raceActions.takeSplitBanner(current() ?? race), 'take');
    const projection = button('Projection', 'P', () => void raceActions.takeProjection(current() ?? race), 'take');
    const clock = button('Race clock', 'C', () => void raceActions.takeClock(current() ?? race), 'take');

    const element = el(
      'div',
      { id: 'race-detail', role: 'tabpanel', 'aria-labelledby': `race-tab-${race.id}`, class: 'race-panel' },
      el('div', { class: 'race-head' }, timer, status),
      facts,
      el('div', { class: 'buttons', role: 'group', 'aria-label': 'Race clock' }, start, finish, reset),
      el('div', { class: 'race-forms' }, gunForm.element, finishForm.element),
      splitForm.element,
      splits,
      el('div', { class: 'buttons', role: 'group', 'aria-label': `${race.name} to air` }, banner, projection, clock),
    );

    function update(r: Race) {
      const record = r.record ? `${r.record.label} ${formatTime(r.record.ms)}${r.record.holder ? ` (${r.record.holder})` : ''}` : 'no record set';
      facts.textContent = `${formatDistance(r.distanceM)} · ${record}`;
      start.dataset.blocked = String(r.gunTime !== null);
      finish.dataset.blocked = String(r.gunTime === null || r.finishedAt !== null);
      reset.dataset.blocked = String(r.gunTime === null && r.splits.length === 0);
      banner.dataset.blocked = String(r.splits.length === 0);
      projection.dataset.blocked = String(r.splits.length === 0);
      splits.replaceChildren(...(r.splits.length === 0 ? [el('li', { class: 'muted', text: 'No splits yet: press S to enter one.' })] : r.splits.map((split) => splitRow(r, split))));
      // What a form read depends on the race (its gun, its kind): typed before a change arrived, it is read again.
      gunForm.refresh();
      finishForm.refresh();
      splitForm.refresh();
    }

    function splitRow(r: Race, split: RaceSplit) {
      const remove = el('button', { type: 'button', class: 'small', 'data-needs-control': true, 'aria-label': `Remove the ${split.label} split`, text: 'Remove' });
      remove.addEventListener('click', () => {
        void confirmDialog({ title: `Remove ${r.name}'s ${split.label} split?`, text: `${split.label} at ${formatTime(split.elapsedMs)} is removed for every operator; graphics on air that show it follow.`, confirm: 'Remove' }).then((yes) => {
          if (yes) void raceActions.removeSplit(r, split);
        });
      });
      const leaders = split.leaders.length > 0 ? ` · ${split.leaders.join(', ')}` : '';
      return el('li', {}, el('span', { text: `${split.label} ${formatTime(split.elapsedMs)}${leaders}` }), ' ', remove);
    }

    async function confirmReset(r: Race) {
      const lost = r.splits.length > 0 ? ` and its ${r.splits.length === 1 ? 'split' : `${r.splits.length} splits`}` : '';
      const yes = await confirmDialog({ title: `Reset ${r.name}?`, text: `Its gun time, finish${lost} are cleared for every operator; its clock goes back to 0:00.`, confirm: 'Reset' });
      if (yes) await raceActions.reset(r);
    }

    return { raceId: race.id, element, timer, status, update, focusGunTime: gunForm.focus, focusSplit: splitForm.focus };
  }

  let lastFrame = 0;
  /** Draws every race clock at hub time t; text is only touched when the shown second changes. */
  function frame(t: number) {
    lastFrame = t;
    for (const { race, clock } of tabClocks) setText(clock, clockText(race, t));
    if (detail && shownRace) {
      setText(detail.timer, clockText(shownRace, t));
      setText(detail.status, raceStatus(shownRace, t));
    }
  }

  store.subscribe(render);
  render();

  return {
    frame,
    focusGunTime: () => detail?.focusGunTime(),
    focusSplit: () => detail?.focusSplit(),
  };
}
export type RaceControl = ReturnType<typeof mountRaceControl>;

function setText(node: HTMLElement, text: string) {
  if (node.textContent !== text) node.textContent = text;
}

function formatDistance(metres: number): string {
  return `${Number((metres / 1000).toFixed(3))} km`;
}
