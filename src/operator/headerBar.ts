import { el } from './element';
import type { PanelActions } from './panelActions';
import { canControl, type PanelStore } from './panelStore';

/** The top bar: show name and revision, the show lock, show files, import, help, and the connection. */
export function mountHeaderBar(host: HTMLElement, store: PanelStore, actions: PanelActions, open: { files(): void; importCsv(): void; races(): void; asRun(): void; help(): void; templates(): void }) {
  const name = el('span', { class: 'show-name' });
  const locked = el('span', { class: 'badge locked', text: 'LOCKED', hidden: true });
  const lock = el('button', { type: 'button', 'aria-pressed': 'false', text: 'Lock show' });
  const files = el('button', { type: 'button', text: 'Show files…' });
  const importCsv = el('button', { type: 'button', text: 'Import CSV…' });
  const races = el('button', { type: 'button', text: 'Races…', 'aria-keyshortcuts': 'R', title: 'R' });
  const asRun = el('button', { type: 'button', text: 'As-run…' });
  const help = el('button', { type: 'button', text: 'Keys (?)' });
  const connection = el('span', { class: 'connection', role: 'status', 'aria-live': 'polite', text: 'Connecting…' });
  const hubName = el('span', { class: 'hub-name muted', 'aria-label': 'Hub' });
  // A designer's broken template edit is named in the Templates card, which is often scrolled out of view: the bar
  // says so where the operator is already looking, and takes them there.
  const templates = el('button', { type: 'button', class: 'badge template-warning', hidden: true });
  templates.addEventListener('click', () => open.templates());
  lock.addEventListener('click', () => void actions.toggleLock());
  files.addEventListener('click', () => open.files());
  importCsv.addEventListener('click', () => open.importCsv());
  races.addEventListener('click', () => open.races());
  asRun.addEventListener('click', () => open.asRun());
  help.addEventListener('click', () => open.help());
  host.replaceChildren(el('h1', { text: 'Finishline' }), name, locked, templates, el('div', { class: 'bar-buttons' }, lock, files, importCsv, races, asRun, help), connection, hubName);

  const render = () => {
    const state = store.getState();
    const { status, role } = state.connection;
    name.textContent = state.show ? `${state.show.name} · revision ${state.show.revision}` : '';
    const isLocked = state.show?.locked ?? false;
    locked.hidden = !isLocked;
    lock.textContent = isLocked ? 'Unlock show' : 'Lock show';
    lock.setAttribute('aria-pressed', String(isLocked));
    const control = canControl(state);
    lock.disabled = !control;
    files.disabled = !control;
    importCsv.disabled = !control || isLocked;
    const problems = state.templates.problems.length;
    templates.hidden = problems === 0;
    templates.textContent = `⚠ Templates: ${problems} ${problems === 1 ? 'problem' : 'problems'} (last good look on air)`;
    connection.dataset.status = status;
    hubName.textContent = status === 'open' && state.connection.hub ? `on hub ${state.connection.hub}` : '';
    connection.textContent =
      status === 'open'
        ? role !== 'viewer'
          ? 'Connected'
          : state.connection.name
            ? `Connected as ${state.connection.name}, a viewer token: it may only read`
            : 'Connected read-only: open the operator URL printed by npm start'
        : state.connection.refused
          ? `Refused by the hub — ${state.connection.refused}`
          : status === 'connecting'
            ? 'Connecting…'
            : 'Disconnected — retrying';
  };
  store.subscribe(render);
  render();
}
