import { describe, expect, it } from 'vitest';
import type { Command } from '../protocol/command';
import { emptyShow } from '../state/showState';
import type { Race } from '../protocol/race';
import { showRefusal } from './formRefusal';
import { createPanelActions, NOT_CONNECTED, type Outcome } from './panelActions';
import { canControl, createPanelStore } from './panelStore';
import { createRaceActions } from './raceControl/raceActions';

/** A panel connected as an operator whose commands are answered only when the test says so. */
function panelWithSlowHub() {
  const store = createPanelStore();
  store.setState({ show: { ...emptyShow(), locked: true }, connection: { status: 'open', role: 'operator' } });
  const pending: { command: Command; answer(outcome: Outcome): void }[] = [];
  const actions = createPanelActions(store, {
    command: (command: Command) => new Promise<Outcome>((answer) => pending.push({ command, answer })),
  });
  return { store, actions, pending };
}

describe('the panel’s message line', () => {
  it('keeps a refusal said while an earlier command was on its way, instead of that command’s “done”', async () => {
    const { store, actions, pending } = panelWithSlowHub();
    const clearing = actions.clear('lowerThird');
    expect(pending.map((p) => p.command)).toEqual([{ type: 'clear', layer: 'lowerThird' }]);
    actions.newItem(); // refused at once: the show is locked
    expect(store.getState().notice).toMatchObject({ text: 'The show is locked: unlock it to change the rundown (take and clear still work)', tone: 'error' });
    pending[0]!.answer({ ok: true, revision: 2 });
    await clearing;
    expect(store.getState().notice?.tone).toBe('error');
  });

  it('says “done” when nothing else was said meanwhile, or only news, and always says a refusal from the hub', async () => {
    const { store, actions, pending } = panelWithSlowHub();
    const first = actions.clear('lowerThird');
    pending[0]!.answer({ ok: true, revision: 2 });
    await first;
    expect(store.getState().notice).toMatchObject({ text: 'Cleared Lower third', tone: 'info' });

    const second = actions.clear('banner');
    store.setState({ notice: { text: 'Something informative', tone: 'info' } });
    pending[1]!.answer({ ok: true, revision: 3 });
    await second;
    expect(store.getState().notice).toMatchObject({ text: 'Cleared Banner', tone: 'info' });

    const third = actions.clear('clock');
    actions.newItem();
    pending[2]!.answer({ ok: false, error: 'Nothing is on the clock layer' });
    await third;
    expect(store.getState().notice).toMatchObject({ text: 'Nothing is on the clock layer', tone: 'error' });
  });

  it('says the hub’s warnings for a take that went, on the alert line: a name no bundled font draws', async () => {
    const { store, actions, pending } = panelWithSlowHub();
    const taking = actions.send({ type: 'take', graphic: { kind: 'nameCard', props: { name: '設楽 悠太', role: 'Japan' } } }, 'Took 設楽 悠太 to Lower third');
    pending[0]!.answer({ ok: true, revision: 2, warnings: ['設楽 悠太: 4 characters no bundled font has (drawn as boxes or in a system font)'] });
    await taking;
    expect(store.getState().notice).toMatchObject({
      text: 'Took 設楽 悠太 to Lower third, but 設楽 悠太: 4 characters no bundled font has (drawn as boxes or in a system font)',
      tone: 'error',
    });
  });

  it('should clear a message the moment it stops being true: not connected, nothing cued, the show locked, a refusal for a form since closed', async () => {
    const { store, actions, pending } = panelWithSlowHub();
    store.setState({ connection: { status: 'closed', role: 'operator' } });
    await actions.clear('lowerThird');
    expect(store.getState().notice?.text).toBe('Not sent: this panel is not connected to the hub as an operator');
    store.setState({ connection: { status: 'open', role: 'operator' } });
    expect(store.getState().notice).toBeNull();

    await actions.take();
    expect(store.getState().notice?.text).toBe('Nothing is cued to take: cue an item with ↑/↓ or a click');
    store.setState({ cueId: 'r1' });
    expect(store.getState().notice).toBeNull();

    actions.newItem();
    expect(store.getState().notice?.text).toMatch(/^The show is locked/);
    store.setState({ show: { ...store.getState().show!, locked: false } });
    expect(store.getState().notice).toBeNull();

    store.setState({ editor: { mode: 'new' } });
    const saving = actions.saveItem({ group: 'Commentators', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC' } } });
    pending.at(-1)!.answer({ ok: false, error: 'Another operator changed “Steve Cram” while you were editing it; nothing was changed: load their version and make your edit again' });
    await saving;
    expect(store.getState().notice?.tone).toBe('error');
    store.setState({ editor: null }); // Cancel
    expect(store.getState().notice).toBeNull();
  });

  it('should clear “not connected” in a form and in race control too once the panel is connected again, but not a message said since', async () => {
    const { store, actions } = panelWithSlowHub();
    const race = { id: 'elite-men', name: 'ELITE MEN', kind: 'elite-men', distanceM: 42195, gunTime: null, finishedAt: null, record: null, splits: [] } as Race;
    store.setState({ show: { ...store.getState().show!, races: [race] }, connection: { status: 'closed', role: 'operator' } });
    const itemForm = { textContent: '' as string | null };
    const entrantForm = { textContent: '' as string | null };
    showRefusal(itemForm, await actions.saveItem({ group: 'Commentators', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC' } } }));
    showRefusal(entrantForm, await actions.send({ type: 'clear', layer: 'banner' }));
    await createRaceActions(store, actions).takeProjection();
    expect([itemForm.textContent, entrantForm.textContent, store.getState().raceProblem?.text]).toEqual([NOT_CONNECTED, NOT_CONNECTED, NOT_CONNECTED]);
    entrantForm.textContent = 'Bib: must be a bib number';
    store.setState({ connection: { status: 'open', role: 'operator' } });
    await Promise.resolve();
    expect([itemForm.textContent, entrantForm.textContent, store.getState().raceProblem]).toEqual(['', 'Bib: must be a bib number', null]);
  });

  it('should say a read-only panel is read-only, not that it is not connected', async () => {
    const { store, actions } = panelWithSlowHub();
    store.setState({ connection: { status: 'open', role: 'viewer' } });
    const outcome = await actions.clear('lowerThird');
    expect(outcome).toMatchObject({ ok: false, error: 'Not sent: this panel is read-only (connected without an operator token): open the operator URL printed by npm start' });
    expect(store.getState().notice?.text).toBe('Not sent: this panel is read-only (connected without an operator token): open the operator URL printed by npm start');
  });

  it('should name a viewer token and its role when a panel opened with it sends something', async () => {
    const { store, actions } = panelWithSlowHub();
    store.setState({ connection: { status: 'open', role: 'viewer', name: 'Sponsor screen' } });
    const outcome = await actions.clear('lowerThird');
    expect(outcome).toMatchObject({ ok: false, error: 'Not sent: this panel is connected as Sponsor screen, a viewer token: it may only read' });
    expect(store.getState().notice?.text).toBe('Not sent: this panel is connected as Sponsor screen, a viewer token: it may only read');
  });

  it('should let a panel with a producer or data token send, for the hub to judge by its role', async () => {
    const { store } = panelWithSlowHub();
    store.setState({ connection: { status: 'open', role: 'data', name: 'Timing feed' } });
    expect(canControl(store.getState())).toBe(true);
    store.setState({ connection: { status: 'open', role: 'producer', name: 'producer' } });
    expect(canControl(store.getState())).toBe(true);
  });

  it('should say at once that a locked show can’t have an item deleted, before asking to delete it', () => {
    const { store, actions } = panelWithSlowHub();
    expect(actions.readyToEdit()).toBe(false);
    expect(store.getState().notice?.text).toBe('The show is locked: unlock it to change the rundown (take and clear still work)');
    store.setState({ show: { ...store.getState().show!, locked: false } });
    expect(actions.readyToEdit()).toBe(true);
  });
});

describe('taking while the cued item is being edited', () => {
  it('should take the saved item and say the edit is not saved yet', async () => {
    const { store, actions, pending } = panelWithSlowHub();
    const item = { id: 'r1', revision: 1, group: 'Commentators', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC' } } };
    store.setState({ show: { ...store.getState().show!, rundown: [item] } as never, cueId: 'r1', editor: { mode: 'edit', itemId: 'r1', itemRevision: 1 } });
    const taking = actions.take();
    expect(pending.at(-1)!.command).toMatchObject({ type: 'take', itemId: 'r1', graphic: item.graphic });
    pending.at(-1)!.answer({ ok: true, revision: 2 });
    await taking;
    expect(store.getState().notice).toMatchObject({ text: 'Took the saved “Steve Cram” to Lower third: your edit is not saved yet', tone: 'error' });
  });

  it('should say the hub’s warnings for that take as well', async () => {
    const { store, actions, pending } = panelWithSlowHub();
    const item = { id: 'r1', revision: 1, group: 'Boards', label: 'QA board', graphic: { kind: 'leaderboard', props: { raceId: 'qa', top: 8, page: 3 } } };
    store.setState({ show: { ...store.getState().show!, rundown: [item] } as never, cueId: 'r1', editor: { mode: 'edit', itemId: 'r1', itemRevision: 1 } });
    const taking = actions.take();
    pending.at(-1)!.answer({ ok: true, revision: 2, warnings: ["Page 3 of QA MEN's leaderboard starts at place 17: only 10 athletes have passed 5K; it stays empty until they do"] });
    await taking;
    expect(store.getState().notice).toMatchObject({
      text: "Took the saved “QA board” to Centre: your edit is not saved yet; Page 3 of QA MEN's leaderboard starts at place 17: only 10 athletes have passed 5K; it stays empty until they do",
      tone: 'error',
    });
  });
});

describe('race control’s leaderboard and gap keys', () => {
  it('should take the board of a race no athlete has reached a timing point in yet, and say the hub’s warning', async () => {
    const { store, actions, pending } = panelWithSlowHub();
    const race = { id: 'qa', name: 'QA MEN', kind: 'elite-men', distanceM: 42195, gunTime: null, finishedAt: null, record: null, splits: [], passings: [] } as Race;
    store.setState({ show: { ...store.getState().show!, races: [race] } });
    const raceActions = createRaceActions(store, actions);
    const taking = raceActions.takeLeaderboard();
    expect(pending.at(-1)?.command).toEqual({ type: 'take', graphic: { kind: 'leaderboard', props: { raceId: 'qa', top: 8, page: 1 } } });
    pending.at(-1)!.answer({ ok: true, revision: 2, warnings: ['No athlete of QA MEN has passed a timing point yet: the leaderboard shows AWAITING TIMES until one does'] });
    expect(await taking).toMatchObject({ ok: true });
    expect(store.getState().notice).toMatchObject({
      text: 'QA MEN leaderboard to air, but No athlete of QA MEN has passed a timing point yet: the leaderboard shows AWAITING TIMES until one does',
      tone: 'error',
    });
    const gap = raceActions.takeGap();
    expect(pending.at(-1)?.command).toEqual({ type: 'take', graphic: { kind: 'gap', props: { raceId: 'qa' } } });
    pending.at(-1)!.answer({ ok: true, revision: 3 });
    await gap;
  });
});

