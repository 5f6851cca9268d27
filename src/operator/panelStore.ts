import { createStore } from 'zustand/vanilla';
import type { ConnectionStatus } from '../client/hubConnection';
import type { ClientRole, OutputStatus } from '../protocol/messages';
import type { TemplateProblem } from '../protocol/templates/templateSet';
import type { GraphicSpec } from '../protocol/graphicSpec';
import type { CrawlItem } from '../protocol/crawlItem';
import type { Entrant } from '../protocol/entrant';
import type { Race, RaceDefinition } from '../protocol/race';
import type { ShowState } from '../state/showState';

/**
 * What a form being filled in would put on air, drawn in PVW instead of the cued item: the graphics (each on
 * its kind's layer) and, for a split, the races as they would be once it is sent.
 */
export type PvwDraft = { title: string; graphics: GraphicSpec[]; races?: Race[] };

/** What the item form is doing: nothing, a new item, or editing an item from the item revision it was opened at. */
export type Editor = null | { mode: 'new' } | { mode: 'edit'; itemId: string; itemRevision: number };

/**
 * A message in the panel's message line. One that stops being true when the panel's state changes (not
 * connected, nothing cued, the show locked) says when: it is cleared the moment `clearWhen` holds.
 */
export type Notice = { text: string; tone: 'error' | 'info'; clearWhen?: (state: PanelState) => boolean };

/**
 * One panel's state. The show and outputs come from the hub (the truth, shared by every panel); the cue,
 * the form and the messages belong to this panel only.
 */
export type PanelState = {
  show: ShowState | null;
  outputs: OutputStatus[];
  /** `hub`: the name of the hub the panel is on, when hubs share the show (NATS). */
  /** `refused`: the hub's sentence for refusing this panel's connection (a token it does not know). */
  /** `role` and `name`: the token's (as the hub's welcome says; a viewer without a name connected without a token). */
  connection: { status: ConnectionStatus; role: ClientRole | null; name?: string; hub?: string; refused?: string };
  cueId: string | null;
  editor: Editor;
  /**
   * The crawl item form open in this panel: a new item (`itemId` null) or the item being edited, with the item as
   * it was when the form opened (`was`: what the save names, so the hub refuses it if another operator changed it since).
   */
  crawlForm: { itemId: string | null; was?: CrawlItem } | null;
  /**
   * The entrant form open in this panel: a new entrant for a race (`was` null), or an entrant as it was when the
   * form opened (what the save names, so the hub refuses it if another operator changed the entrant since).
   */
  entrantForm: { raceId: string; raceName: string; was: Entrant | null } | null;
  /**
   * The races editor open in this panel, the race its form edits (null: it adds one) and that race as the form
   * opened it (what the save names, so the hub refuses it if another operator changed the race since).
   */
  racesEditor: { raceId: string | null; was?: RaceDefinition } | null;
  notice: Notice | null;
  /** Hub time until which a first F12 is armed (a second one clears all). */
  clearAllArmedUntil: number | null;
  helpOpen: boolean;
  /** PVW shown large, to proof-read (V, double-click; Esc closes). */
  pvwLarge: boolean;
  /** The draft PVW draws while a form is being filled in; null shows the cued item. */
  draft: PvwDraft | null;
  /** The race this panel's race control (and its keys) act on; null follows the show's first race. */
  raceId: string | null;
  /** Why this panel's last race control action from a button or key was refused (forms show their own). */
  raceProblem: Notice | null;
  /** After Take, cue the next rundown item (this panel's setting, kept across reloads). */
  autoAdvance: boolean;
  /** The hub's template version on air, and what is wrong with the files on disk (air keeps the last good set). */
  templates: { version: number; problems: TemplateProblem[] };
};

export function createPanelStore() {
  const store = createStore<PanelState>()(() => ({
    show: null,
    outputs: [],
    connection: { status: 'connecting', role: null },
    cueId: null,
    editor: null,
    crawlForm: null,
    entrantForm: null,
    racesEditor: null,
    notice: null,
    clearAllArmedUntil: null,
    helpOpen: false,
    pvwLarge: false,
    draft: null,
    raceId: null,
    raceProblem: null,
    autoAdvance: false,
    templates: { version: 0, problems: [] },
  }));
  // A message lives only as long as it is true.
  store.subscribe((state) => {
    const stale = { notice: state.notice?.clearWhen?.(state) ?? false, raceProblem: state.raceProblem?.clearWhen?.(state) ?? false };
    if (stale.notice || stale.raceProblem) store.setState({ ...(stale.notice ? { notice: null } : {}), ...(stale.raceProblem ? { raceProblem: null } : {}) });
  });
  return store;
}
export type PanelStore = ReturnType<typeof createPanelStore>;

/** True when this panel may send commands (the hub still refuses those its role may not send, with a sentence). */
export function canControl(state: PanelState): boolean {
  return state.connection.status === 'open' && state.connection.role !== null && state.connection.role !== 'viewer';
}

/** Why this read-only panel may send nothing: connected with a viewer token (named), or without a token. */
export function readOnlyReason(connection: PanelState['connection']): string {
  return connection.name
    ? `connected as ${connection.name}, a viewer token: it may only read`
    : 'read-only (connected without an operator token): open the operator URL printed by npm start';
}

/** True when this panel may change the rundown (controls, and the show is not locked). */
export function canEdit(state: PanelState): boolean {
  return canControl(state) && state.show !== null && !state.show.locked;
}
