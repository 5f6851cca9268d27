import { formatTime } from '../../core';
import type { Race } from '../../protocol/race';
import { readStartList, describeRefused } from '../../protocol/startList';
import { el } from '../element';
import { mountEntrantsEditor } from '../entrants/entrantsEditor';
import type { PanelActions } from '../panelActions';
import type { PanelStore } from '../panelStore';
import { selectedIn, type RaceActions } from '../raceControl/raceActions';
import { profileItem, resultItem } from './fromEntrants';
import { raceDataModel } from './raceDataModel';
import { sendStartList } from './startListImport';

type FeedReport = { id: string; source: string; raceId: string | null; running: boolean; state: string; silentForS: number | null; passingsPerMin: number; received: number; errors: { message: string; times: number }[] };

const POLL_MS = 2000;

/**
 * Race data for the selected race (1-9 selects): its standings from the timing feeds with the leaderboard key
 * (L), each athlete's splits to air, profiles and the result card made from the start list, feed splits waiting for approval, passings held as implausible (accept or reject, with the reason), the
 * start list (import CSV; find, add, edit and remove one entrant: entrants/entrantsEditor), and every feed of the show with its health (GET /api/feeds) and Start/Stop.
 */
export function mountRaceDataView(host: HTMLElement, store: PanelStore, actions: PanelActions, races: RaceActions) {
  const body = el('div', { class: 'race-data' });
  // The start list has its own element: this card's body is redrawn on every snapshot, and an entrant being found
  // or edited must keep its focus and what was typed.
  const entrantsHost = el('section', { class: 'entrants', 'aria-labelledby': 'entrants-heading' });
  host.replaceChildren(el('h2', { id: 'race-data-heading', text: 'Race data' }), body, entrantsHost);
  const entrants = mountEntrantsEditor(entrantsHost, store, actions);
  let feeds: FeedReport[] = [];
  let feedProblem = '';
  let importing = false;

  async function poll() {
    try {
      const response = await fetch('/api/feeds');
      feeds = ((await response.json()) as { feeds: FeedReport[] }).feeds;
      feedProblem = '';
    } catch (error) {
      feedProblem = `Feed health could not be read: ${(error as Error).message}`;
    }
    render();
  }

  function render() {
    if (importing) return;
    const race = selectedIn(store.getState());
    if (!race) return void body.replaceChildren(el('p', { class: 'muted', text: 'The show has no races.' }));
    const model = raceDataModel(race);
    const button = (text: string, onClick: () => unknown, label?: string) => {
      const b = el('button', { type: 'button', text, ...(label ? { 'aria-label': label } : {}) });
      b.addEventListener('click', () => void onClick());
      return b;
    };
    const send = (command: unknown, done: string) => actions.send(command, done);
    const addItem = (item: ReturnType<typeof resultItem>) => {
      if (typeof item === 'string') return store.setState({ notice: { text: item, tone: 'error' } });
      return send({ type: 'rundown.add', item }, `Added “${item.label}” to the rundown`);
    };
    const entrantOf = (bib: string) => race.entrants?.find((e) => e.bib === bib);

    const standings = el(
      'table',
      { class: 'standings', 'aria-label': `${race.name} standings` },
      el('caption', { text: model.point ? `${race.name} at ${model.point}` : `${race.name}: no passings yet` }),
      ...model.standings.map((s) =>
        el(
          'tr',
          { 'data-group': s.group },
          el('td', { text: String(s.place) }),
          el('td', { text: s.name }),
          el('td', { text: s.time }),
          el('td', { text: s.change }),
          el('td', {}, button('Profile', () => addItem(profileItem(race, entrantOf(s.bib)!)), `Profile of ${s.name} to the rundown`), ' ', button('Splits', () => races.takeAthleteSplits(race, s.bib, s.name), `Splits of ${s.name} to air`)),
        ),
      ),
    );
    const mode = el('select', { 'aria-label': 'Feed splits' }, el('option', { value: 'approve', text: 'Feed splits wait for approval' }), el('option', { value: 'direct', text: 'Feed splits go to air directly' }));
    mode.value = race.feedSplits ?? 'approve';
    mode.addEventListener('change', () => void send({ type: 'setFeedSplits', raceId: race.id, feedSplits: mode.value }, `${race.name}: feed splits ${mode.value === 'direct' ? 'go to air directly' : 'wait for approval'}`));

    body.replaceChildren(
      el('p', {}, button('Leaderboard to air (L)', () => races.takeLeaderboard(race)), ' ', button('Gap to air (K)', () => races.takeGap(race)), ` ${model.entrants} entrants `, button('Import start list…', () => openImport(race)), ' ', button('Result card to rundown', () => addItem(resultItem(race))), ' ', button('Add feed…', () => openFeedForm(race))),
      standings,
      mode,
      ...model.toApprove.map((split) => el('p', { class: 'approve' }, `Feed split ${split.label} ${formatTime(split.elapsedMs)} (${split.leaders.join(', ')}) `, button('Approve', () => send({ type: 'approveFeedSplit', raceId: race.id, metres: split.metres }, `${race.name}: ${split.label} split approved`)))),
      el(
        'ul',
        { class: 'held', 'aria-label': 'Held passings' },
        ...model.held.map((h) =>
          el(
            'li',
            { 'data-state': 'warn' },
            `${h.reason} (from ${h.source}) `,
            button('Accept', () => send({ type: 'acceptHeldPassing', raceId: race.id, bib: h.bib, metres: h.metres }, `Passing of bib ${h.bib} accepted`)),
            button('Reject', () => send({ type: 'rejectHeldPassing', raceId: race.id, bib: h.bib, metres: h.metres }, `Passing of bib ${h.bib} rejected`)),
          ),
        ),
      ),
      el(
        'ul',
        { class: 'feeds', 'aria-label': 'Timing feeds' },
        ...(feedProblem ? [el('li', { 'data-state': 'warn', text: feedProblem })] : []),
        ...feeds.map((f) =>
          el(
            'li',
            { 'data-state': f.state === 'stale' || f.errors.length > 0 ? 'warn' : f.state === 'ok' ? 'ok' : 'idle' },
            `${f.id} (${f.source}${f.raceId ? `, ${f.raceId}` : ''}): ${f.state}${f.silentForS !== null ? `, last message ${f.silentForS} s ago` : ''}, ${f.passingsPerMin} passings/min, ${f.received} received `,
            button(f.running ? 'Stop' : 'Start', () => send({ type: f.running ? 'stopFeed' : 'startFeed', feedId: f.id }, `Feed ${f.id} ${f.running ? 'stopped' : 'started'}`), `${f.running ? 'Stop' : 'Start'} feed ${f.id}`),
            ...f.errors.slice(-3).map((e) => el('div', { class: 'field-error', text: `${e.message}${e.times > 1 ? ` (×${e.times})` : ''}` })),
          ),
        ),
      ),
    );
  }

  /** Feed set-up: a replay file, a pulled URL with its mapping file, or a push endpoint; sent as setFeed. */
  function openFeedForm(race: Race) {
    importing = true;
    const input = (label: string, value = '') => el('input', { type: 'text', 'aria-label': label, placeholder: label, value });
    const id = input('Feed id', 'rehearsal');
    const source = el('select', { 'aria-label': 'Source' }, el('option', { value: 'replay', text: 'Replay a feed file' }), el('option', { value: 'pull', text: 'Pull a URL' }), el('option', { value: 'push', text: 'Push (POST /api/feeds/<id>/passings)' }));
    const file = input('Replay file or URL', 'london-2016-elite.rehearsal.json');
    const mapping = input('Mapping file (pull)', 'example-results.mapping.json');
    const rate = input('Speed (replay) or interval s (pull)', '1');
    const done = () => {
      importing = false;
      render();
    };
    const save = el('button', { type: 'button', text: 'Save feed' });
    const cancel = el('button', { type: 'button', text: 'Close' });
    save.addEventListener('click', () => {
      const common = { id: id.value.trim(), raceId: race.id };
      const feed =
        source.value === 'replay'
          ? { ...common, source: 'replay', file: file.value.trim(), speed: Number(rate.value) }
          : source.value === 'pull'
            ? { ...common, source: 'pull', url: file.value.trim(), mapping: mapping.value.trim(), intervalS: Number(rate.value) }
            : { ...common, source: 'push' };
      void actions.send({ type: 'setFeed', feed }, `Feed ${common.id} saved: start it below`).then((outcome) => outcome.ok && done());
    });
    cancel.addEventListener('click', done);
    body.replaceChildren(el('form', { class: 'feed-form', 'aria-label': 'Timing feed' }, id, source, file, mapping, rate, save, cancel));
    id.focus();
  }

  function openImport(race: Race) {
    importing = true;
    const text = el('textarea', { rows: 6, 'aria-label': `Start list CSV for ${race.name}`, placeholder: 'bib,name,display name,country,category,pb' });
    const report = el('p', { role: 'status' });
    const done = () => {
      importing = false;
      render();
    };
    const go = el('button', { type: 'button', text: 'Import' });
    const cancel = el('button', { type: 'button', text: 'Close' });
    text.addEventListener('input', () => {
      const reading = readStartList(text.value, race);
      report.textContent = reading.ok ? `${reading.entrants.length} to import${reading.refused.length > 0 ? `; not imported: ${describeRefused(reading.refused)}` : ''}` : reading.error;
    });
    go.addEventListener('click', async () => {
      go.disabled = true;
      const outcome = await sendStartList(race, text.value, actions, (progress) => (report.textContent = progress));
      go.disabled = false;
      if (outcome.ok) done();
    });
    cancel.addEventListener('click', done);
    body.replaceChildren(text, report, go, cancel);
    text.focus();
  }

  store.subscribe(render);
  render();
  void poll();
  setInterval(() => void poll(), POLL_MS);
  return { focusEntrants: () => entrants.focusFind() };
}
