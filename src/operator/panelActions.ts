import type { HubConnection } from '../client/hubConnection';
import { Command } from '../protocol/command';
import { describeIssues } from '../protocol/describeIssues';
import { contractOf } from '../protocol/graphicSpec';
import { LAYER_TITLES, type LayerId } from '../protocol/layers';
import { itemTitle, type RundownItem, type RundownItemInput } from '../protocol/rundownItem';
import { CLEAR_ALL_WINDOW_MS, TAKE_REPEAT_MS } from './hotkeys';
import { canControl, canEdit, readOnlyReason, type Notice, type PanelState, type PanelStore } from './panelStore';
import { moveCue } from './rundownOrder';

/**
 * What became of a command. A refusal that stops being true by itself (this panel not connected) says when:
 * `clearWhen` holds, and `gone` resolves, once it is no longer true, so a form's message can go with it.
 */
export type Outcome = { ok: true; revision: number; warnings?: string[] } | { ok: false; error: string; clearWhen?: (state: PanelState) => boolean; gone?: Promise<void> };

export const NOT_CONNECTED = 'Not sent: this panel is not connected to the hub as an operator';

/**
 * Everything the panel does, whether from a button or a key. Every command is validated here before it is
 * sent; the hub's answer (or refusal, as a sentence) is shown in the panel's message line.
 */
export function createPanelActions(store: PanelStore, connection: Pick<HubConnection, 'command'>, now: () => number = Date.now) {
  const state = () => store.getState();
  const tell = (text: string, tone: 'error' | 'info' = 'info', clearWhen?: Notice['clearWhen']) => store.setState({ notice: { text, tone, ...(clearWhen ? { clearWhen } : {}) } });
  const locked = () => tell('The show is locked: unlock it to change the rundown (take and clear still work)', 'error', (s) => !s.show?.locked);
  let lastTakeAt = -Infinity;
  /** Resolves once `holds` is true of the panel's state. */
  const until = (holds: (s: PanelState) => boolean) =>
    new Promise<void>((resolve) => {
      const stop = store.subscribe((s) => {
        if (!holds(s)) return;
        stop();
        resolve();
      });
    });

  async function send(input: unknown, done?: string): Promise<Outcome> {
    const editorAtSend = state().editor;
    const parsed = Command.safeParse(input);
    if (!parsed.success) {
      const error = `Not sent: ${describeIssues(parsed.error)}`;
      tell(error, 'error', (s) => s.editor !== editorAtSend);
      return { ok: false, error };
    }
    if (!canControl(state())) {
      const { connection } = state();
      const error = connection.status === 'open' && connection.role === 'viewer' ? `Not sent: this panel is ${readOnlyReason(connection)}` : NOT_CONNECTED;
      tell(error, 'error', canControl);
      return { ok: false, error, clearWhen: canControl, gone: until(canControl) };
    }
    const noticeBefore = state().notice;
    const outcome = await connection.command(parsed.data);
    if (outcome.ok && outcome.warnings?.length) {
      // It went, but will not look as the operator typed it: said on the alert line, where it is not missed.
      tell(`${done ? `${done}, but ` : ''}${outcome.warnings.join('; ')}`, 'error');
    } else if (outcome.ok) {
      // A refusal said while this command was on its way stays in view: the operator has not read it yet.
      const since = state().notice;
      if (done && (since === noticeBefore || since?.tone !== 'error')) tell(done);
    } else tell(outcome.error, 'error', (s) => s.editor !== editorAtSend);
    return outcome;
  }

  function cued(): RundownItem | null {
    const { show, cueId } = state();
    return show?.rundown.find((item) => item.id === cueId) ?? null;
  }

  function needCued(verb: string): RundownItem | null {
    const item = cued();
    if (!item) tell(`Nothing is cued to ${verb}: cue an item with ↑/↓ or a click`, 'error', (s) => s.cueId !== null);
    return item;
  }

  return {
    cued,
    send,
    cue(to: 'previous' | 'next' | 'first' | 'last') {
      const show = state().show;
      if (show) store.setState({ cueId: moveCue(show.rundown, state().cueId, to) });
    },
    cueItem(id: string) {
      store.setState({ cueId: id });
    },
    /**
     * Takes the cued item. Presses within TAKE_REPEAT_MS of the last are one press (a double Space is one
     * take); with auto-advance on, the cue then moves to the next item.
     */
    async take() {
      if (now() - lastTakeAt < TAKE_REPEAT_MS) return null;
      const item = needCued('take');
      if (!item) return null;
      lastTakeAt = now();
      const layer = LAYER_TITLES[contractOf(item.graphic.kind).layer];
      // PVW draws the draft while the item is being edited, but Take takes the item as saved: said, so it is no surprise.
      const editor = state().editor;
      const editing = editor?.mode === 'edit' && editor.itemId === item.id;
      const outcome = await send({ type: 'take', graphic: item.graphic, itemId: item.id }, editing ? undefined : `Took “${itemTitle(item)}” to ${layer}`);
      // Said with the hub's warnings, if any: this line replaces the one that said them.
      const warned = outcome.ok && outcome.warnings?.length ? `; ${outcome.warnings.join('; ')}` : '';
      if (outcome.ok && editing) tell(`Took the saved “${itemTitle(item)}” to ${layer}: your edit is not saved yet${warned}`, 'error', (s) => s.editor !== editor);
      if (outcome.ok && state().autoAdvance && state().cueId === item.id) this.cue('next');
      return outcome;
    },
    /** Puts the cued item on its layer in place: the graphic on air animates to it instead of re-entering. */
    update() {
      const item = needCued('update');
      if (!item) return Promise.resolve(null);
      const layer = contractOf(item.graphic.kind).layer;
      return send({ type: 'update', layer, graphic: item.graphic, itemId: item.id }, `Updated ${LAYER_TITLES[layer]} with “${itemTitle(item)}”`);
    },
    clear(layer: LayerId) {
      return send({ type: 'clear', layer }, `Cleared ${LAYER_TITLES[layer]}`);
    },
    clearAll() {
      store.setState({ clearAllArmedUntil: null });
      return send({ type: 'clearAll' }, 'Cleared everything off air');
    },
    /** The F12 guard: the first press arms clear all for two seconds, a second press within them clears. */
    pressClearAll() {
      const armedUntil = state().clearAllArmedUntil;
      if (armedUntil !== null && now() <= armedUntil) return this.clearAll();
      store.setState({ clearAllArmedUntil: now() + CLEAR_ALL_WINDOW_MS });
      setTimeout(() => {
        if (state().clearAllArmedUntil !== null && now() > state().clearAllArmedUntil!) store.setState({ clearAllArmedUntil: null });
      }, CLEAR_ALL_WINDOW_MS + 50);
      return Promise.resolve(null);
    },
    disarm() {
      if (state().clearAllArmedUntil !== null) store.setState({ clearAllArmedUntil: null });
    },
    /** Adds or updates an item; an edit names the item revision it was made against. */
    saveItem(item: RundownItemInput): Promise<Outcome> {
      const editor = state().editor;
      if (editor?.mode === 'edit') {
        return send({ type: 'rundown.update', id: editor.itemId, itemRevision: editor.itemRevision, item }, `Saved “${itemTitle(item)}”`);
      }
      const cue = cued();
      return send({ type: 'rundown.add', item, ...(cue && cue.group === item.group ? { after: cue.id } : {}) }, `Added “${itemTitle(item)}”`);
    },
    duplicateCued() {
      const item = needCued('duplicate');
      if (item) void send({ type: 'rundown.duplicate', id: item.id }, `Duplicated “${itemTitle(item)}”`);
    },
    removeItem(item: RundownItem) {
      return send({ type: 'rundown.remove', id: item.id, itemRevision: item.revision }, `Deleted “${itemTitle(item)}”`);
    },
    moveCued(by: -1 | 1) {
      const item = needCued('move');
      if (item) void send({ type: 'rundown.move', id: item.id, by });
    },
    /** True when the rundown may be changed; else says why at once (the show is locked), before any dialog asks. */
    readyToEdit(): boolean {
      if (!state().show?.locked) return true;
      locked();
      return false;
    },
    editCued() {
      const item = needCued('edit');
      if (!item) return;
      if (!canEdit(state())) return locked();
      store.setState({ editor: { mode: 'edit', itemId: item.id, itemRevision: item.revision } });
    },
    newItem() {
      if (!canEdit(state())) return locked();
      store.setState({ editor: { mode: 'new' } });
    },
    toggleLock() {
      const locked = state().show?.locked ?? false;
      return send({ type: locked ? 'show.unlock' : 'show.lock' }, locked ? 'The show is unlocked: the rundown can be edited' : 'The show is locked: take and clear still work');
    },
    autoAdvance: () => state().autoAdvance,
    setAutoAdvance(on: boolean) {
      store.setState({ autoAdvance: on });
      tell(on ? 'Auto-advance is on: after Take, the next item is cued' : 'Auto-advance is off: the cue stays after Take');
    },
    tell,
  };
}
export type PanelActions = ReturnType<typeof createPanelActions>;
