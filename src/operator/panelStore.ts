import { createStore } from 'zustand/vanilla';
import type { ConnectionStatus } from '../client/hubConnection';
import type { ClientRole, OutputStatus } from '../protocol/messages';
import type { TemplateProblem } from '../protocol/templates/templateSet';
import type { ShowState } from '../state/showState';

/** What the item form is doing: nothing, a new item, or editing an item from the item revision it was opened at. */
export type Editor = null | { mode: 'new' } | { mode: 'edit'; itemId: string; itemRevision: number };

export type Notice = { text: string; tone: 'error' | 'info' };

/**
 * One panel's state. The show and outputs come from the hub (the truth, shared by every panel); the cue,
 * the form and the messages belong to this panel only.
 */
export type PanelState = {
  show: ShowState | null;
  outputs: OutputStatus[];
  connection: { status: ConnectionStatus; role: ClientRole | null };
  cueId: string | null;
  editor: Editor;
  notice: Notice | null;
  /** Hub time until which a first F12 is armed (a second one clears all). */
  clearAllArmedUntil: number | null;
  helpOpen: boolean;
  /** The race this panel's race control (and its keys) act on; null follows the show's first race. */
  raceId: string | null;
  /** Why the hub refused this panel's last race control action from a button or key (forms show their own). */
  raceProblem: string | null;
  /** The hub's template version on air, and what is wrong with the files on disk (air keeps the last good set). */
  templates: { version: number; problems: TemplateProblem[] };
};

export function createPanelStore() {
  return createStore<PanelState>()(() => ({
    show: null,
    outputs: [],
    connection: { status: 'connecting', role: null },
    cueId: null,
    editor: null,
    notice: null,
    clearAllArmedUntil: null,
    helpOpen: false,
    raceId: null,
    raceProblem: null,
    templates: { version: 0, problems: [] },
  }));
}
export type PanelStore = ReturnType<typeof createPanelStore>;

/** True when this panel may send commands. */
export function canControl(state: PanelState): boolean {
  return state.connection.status === 'open' && state.connection.role === 'operator';
}

/** True when this panel may change the rundown (controls, and the show is not locked). */
export function canEdit(state: PanelState): boolean {
  return canControl(state) && state.show !== null && !state.show.locked;
}
