import { formatTime } from '../../core';
import type { Race } from '../../protocol/race';
import { readStartList, describeRefused, describeWarnings } from '../../protocol/startList';
import { confirmDialog } from '../dialogs';
import { el } from '../element';
import { mountEntrantsEditor } from '../entrants/entrantsEditor';
import type { PanelActions } from '../panelActions';
import type { FormValues } from '../panelMemory';
import type { PanelStore } from '../panelStore';
import { selectedIn, type RaceActions } from '../raceControl/raceActions';
import { openAthletePassings } from './athletePassings';
import { profileItem, resultItem } from './fromEntrants';
import { raceDataModel } from './raceDataModel';
import { sendStartList, type PostStartList } from './startListImport';

type FeedReport = { id: string; source: string; raceId: string | null; running: boolean; state: string; silentForS: number | null; passingsPerMin: number; received: number; errors: { message: string; times: number }[] };

const POLL_MS = 2000;

/**
 * Race data for the selected race (1-9 selects): its standings from the timing feeds with the leaderboard key
 * (L), each athlete's splits to air and passings (remove a misread: athletePassings), profiles and the result card made from the start list, feed splits waiting for approval, passings held as implausible (accept or reject, with the reason), the
 * start list (import CSV; find, add, edit and remove one entrant: entrants/entrantsEditor), and every feed of the show with its health (GET /api/feeds) and Start/Stop.
 */
export function mountRaceDataView(host: HTMLElement, store: PanelStore, actions: PanelActions, races: RaceActions, entrantDraft: () => FormValues | undefined, postStartList: PostStartList) {
  const body = el('div', { class: 'race-data' });
  // The start list has its own element: this card's body is redrawn on every snapshot, and an entrant being found
  // or edited must keep its focus and what was typed.
  const entrantsHost = el('section', { class: 'entrants', 'aria-labelledby': 'entrants-heading' });
  host.replaceChildren(el('h2', { id: 'race-data-heading', text: 'Race data' }), body, entrantsHost);
  const entrants = mountEntrantsEditor(entrantsHost, store, actions, entrantDraft);
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

  // What is drawn is rebuilt only when what it shows changes: the panel's store changes for many reasons (outputs
  // report twice a second, feeds are polled), and a button rebuilt under the pointer loses the operator's click.
  const view = el('div', { class: 'race-data-view' });
  const actionsRow = el('p');
  const standingsHost = el('div');
  // Not a select: a focused select changes with ↑/↓ or a letter, and a stray key would send feed splits to air unasked.
  // The switch to direct (the dangerous way) asks first, Cancel the default; back to approval is one click.
  const modeText = document.createTextNode('');
  const modeSwitch = el('button', { type: 'button' });
  const mode = el('p', { class: 'feed-splits' }, modeText, ' ', modeSwitch);
  const approvals = el('div');
  const held = el('ul', { class: 'held', 'aria-label': 'Held passings' });
  const feedList = el('ul', { class: 'feeds', 'aria-label': 'Timing feeds' });
  view.append(actionsRow, standingsHost, mode, approvals, held, feedList);
  const drawnKeys = new WeakMap<HTMLElement, string>();
  /** Replaces `host`'s children with `build()` only when `key` differs from what it last drew. */
  const keyed = (host: HTMLElement, key: string, build: () => (Node | string)[]) => {
    if (drawnKeys.get(host) === key) return;
    drawnKeys.set(host, key);
    host.replaceChildren(...build());
  };
  const current = () => selectedIn(store.getState());
  const button = (text: string, onClick: () => unknown, label?: string) => {
    const b = el('button', { type: 'button', text, ...(label ? { 'aria-label': label } : {}) });
    b.addEventListener('click', () => void onClick());
    return b;
  };
  const send = (command: unknown, done: string) => actions.send(command, done);
  /** Runs `act` on the selected race as it is when the operator clicks (a button outlives a snapshot). */
  const onRace = (act: (race: Race) => unknown) => () => {
    const race = current();
    return race ? act(race) : undefined;
  };
  const addItem = (item: ReturnType<typeof resultItem>) => {
    if (typeof item === 'string') return store.setState({ notice: { text: item, tone: 'error' } });
    return send({ type: 'rundown.add', item }, `Added “${item.label}” to the rundown`);
  };
  modeSwitch.addEventListener('click', async () => {
    const race = current();
    if (!race) return;
    const feedSplits = race.feedSplits === 'direct' ? 'approve' : 'direct';
    if (feedSplits === 'direct') {
      const yes = await confirmDialog({ title: `Send ${race.name}'s feed splits to air directly?`, text: 'Each new leader time from the timing feed goes into the race’s splits at once, and the split banner and projection on air follow it, with no approval.', confirm: 'Go to air directly' });
      if (!yes) return;
    }
    void send({ type: 'setFeedSplits', raceId: race.id, feedSplits }, `${race.name}: feed splits ${feedSplits === 'direct' ? 'go to air directly' : 'wait for approval'}`);
  });

  let drawn: { show: unknown; raceId: string } | null = null;
  function render() {
    if (importing) return;
    const state = store.getState();
    const race = selectedIn(state);
    if (!race) {
      drawn = null;
      return void body.replaceChildren(el('p', { class: 'muted', text: 'The show has no races.' }));
    }
    if (body.firstChild !== view) body.replaceChildren(view);
    renderFeeds();
    // A new snapshot or another race: the race's part is drawn again (each piece only where it changed).
    if (drawn && drawn.show === state.show && drawn.raceId === race.id) return;
    drawn = { show: state.show, raceId: race.id };
    const model = raceDataModel(race);

    keyed(actionsRow, JSON.stringify([race.id, model.entrants]), () => [
      button('Leaderboard to air (L)', onRace((r) => races.takeLeaderboard(r))),
      ' ',
      button('Gap to air (K)', onRace((r) => races.takeGap(r))),
      ` ${model.entrants} entrants `,
      button('Import start list…', onRace(openImport)),
      ' ',
      button('Result card to rundown', onRace((r) => addItem(resultItem(r)))),
      ' ',
      button('Add feed…', onRace(openFeedForm)),
    ]);
    keyed(standingsHost, JSON.stringify([race.id, race.name, model.point, model.standings]), () => [
      // An empty table's caption is as narrow as the table (no columns): a sentence instead.
      model.standings.length === 0 ? el('p', { class: 'muted standings-empty', text: model.point ? `${race.name} at ${model.point}: no standings yet` : `${race.name}: no passings yet` }) : el(
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
            el(
              'td',
              {},
              button('Profile', onRace((r) => {
                const entrant = r.entrants?.find((e) => e.bib === s.bib);
                return entrant ? addItem(profileItem(r, entrant)) : store.setState({ notice: { text: `Bib ${s.bib} is not on ${r.name}'s start list`, tone: 'error' } });
              }), `Profile of ${s.name} to the rundown`),
              ' ',
              button('Splits', onRace((r) => races.takeAthleteSplits(r, s.bib, s.name)), `Splits of ${s.name} to air`),
              ' ',
              button('Passings…', onRace((r) => openAthletePassings(store, actions, r.id, s.bib)), `Passings of ${s.name}…`),
            ),
          ),
        ),
      ),
    ]);
    const direct = race.feedSplits === 'direct';
    setText(modeText, direct ? 'Feed splits go to air directly.' : 'Feed splits wait for approval.');
    setText(modeSwitch, direct ? 'Wait for approval' : 'Go to air directly…');
    modeSwitch.setAttribute('aria-label', direct ? 'Feed splits: wait for approval' : 'Feed splits: go to air directly…');
    keyed(approvals, JSON.stringify([race.id, model.toApprove, model.notUsed]), () => [
      ...model.toApprove.map((split) => el('p', { class: 'approve' }, `Feed split ${split.label} ${formatTime(split.elapsedMs)} (${split.leaders.join(', ')}) `, button('Approve', onRace((r) => send({ type: 'approveFeedSplit', raceId: r.id, metres: split.metres }, `${r.name}: ${split.label} split approved`))))),
      // Direct mode skips a feed split that clashes with splits typed: said here, or the banner would just not move.
      ...model.notUsed.map(({ split, reason }) =>
        el('p', { class: 'warning', 'data-state': 'warn' }, `⚠ Feed split ${split.label} ${formatTime(split.elapsedMs)} not used: ${reason} Correct the splits entered (Race control) and it goes in.`),
      ),
    ]);
    keyed(held, JSON.stringify([race.id, model.held]), () =>
      model.held.map((h) =>
        el(
          'li',
          { 'data-state': 'warn' },
          `${h.reason} (from ${h.source}) `,
          button('Accept', onRace((r) => send({ type: 'acceptHeldPassing', raceId: r.id, bib: h.bib, metres: h.metres }, `Passing of bib ${h.bib} accepted`))),
          button('Reject', onRace((r) => send({ type: 'rejectHeldPassing', raceId: r.id, bib: h.bib, metres: h.metres }, `Passing of bib ${h.bib} rejected`))),
        ),
      ),
    );
  }

  /** Every feed of the show, one row each kept across polls: its text and Start/Stop follow in place. */
  const feedRows = new Map<string, { li: HTMLLIElement; text: Text; toggle: HTMLButtonElement; errors: HTMLElement }>();
  const feedWarning = el('li', { 'data-state': 'warn' });
  function renderFeeds() {
    const rows = feeds.map((f) => {
      let row = feedRows.get(f.id);
      if (!row) {
        const text = document.createTextNode('');
        const toggle = el('button', { type: 'button' });
        toggle.addEventListener('click', () => {
          const feed = feeds.find((x) => x.id === f.id);
          if (feed) void send({ type: feed.running ? 'stopFeed' : 'startFeed', feedId: feed.id }, `Feed ${feed.id} ${feed.running ? 'stopped' : 'started'}`);
        });
        row = { li: el('li', {}, text, toggle), text, toggle, errors: el('div') };
        row.li.append(row.errors);
        feedRows.set(f.id, row);
      }
      row.li.dataset.state = f.state === 'stale' || f.errors.length > 0 ? 'warn' : f.state === 'ok' || f.state === 'finished' ? 'ok' : 'idle';
      setText(row.text, `${f.id} (${f.source}${f.raceId ? `, ${f.raceId}` : ''}): ${f.state}${f.silentForS !== null ? `, last message ${f.silentForS} s ago` : ''}, ${f.passingsPerMin} passings/min, ${f.received} received `);
      const verb = f.running ? 'Stop' : 'Start';
      setText(row.toggle, verb);
      row.toggle.setAttribute('aria-label', `${verb} feed ${f.id}`);
      keyed(row.errors, JSON.stringify(f.errors.slice(-3)), () => f.errors.slice(-3).map((e) => el('div', { class: 'field-error', text: `${e.message}${e.times > 1 ? ` (×${e.times})` : ''}` })));
      return row.li;
    });
    for (const id of feedRows.keys()) if (!feeds.some((f) => f.id === id)) feedRows.delete(id);
    setText(feedWarning, feedProblem);
    const children = [...(feedProblem ? [feedWarning] : []), ...rows];
    if (children.length !== feedList.children.length || children.some((child, i) => feedList.children[i] !== child)) feedList.replaceChildren(...children);
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
      drawn = null;
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
      drawn = null;
      render();
    };
    const go = el('button', { type: 'button', text: 'Import' });
    const cancel = el('button', { type: 'button', text: 'Close' });
    text.addEventListener('input', () => {
      const reading = readStartList(text.value, race);
      report.textContent = reading.ok
        ? `${reading.entrants.length} to import${reading.refused.length > 0 ? `; not imported: ${describeRefused(reading.refused)}` : ''}${reading.warnings.length > 0 ? `; check: ${describeWarnings(reading.warnings)}` : ''}`
        : reading.error;
    });
    go.addEventListener('click', async () => {
      go.disabled = true;
      const outcome = await sendStartList(race, text.value, actions, (progress) => (report.textContent = progress), postStartList);
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

function setText(node: Node, text: string) {
  if (node.textContent !== text) node.textContent = text;
}
