import type { ConnectionStatus } from '../../../src/client/hubConnection';
import type { ClientRole, OutputStatus } from '../../../src/protocol/messages';
import type { ShowState } from '../../../src/state/showState';

/**
 * Everything the module's buttons are computed from: what the hub last pushed (show, outputs), the state of
 * the connection, and the module's own cue and clear-all arm (kept here, as the operator panel keeps its own).
 * Plain data: actions, feedbacks, variables and presets are pure functions of it.
 */
export type ModuleView = {
  show: ShowState | null;
  outputs: OutputStatus[];
  connection: ConnectionStatus;
  role: ClientRole | null;
  /** Whether the connection has ever been open since the module (re)connected: a drop is then news. */
  wasOpen: boolean;
  /** The hub's sentence refusing the configured token (the module then connects without it, read-only). */
  tokenRefused?: string;
  /** Hub clock minus this machine's clock, ms (from the connection's ping round trips). */
  offsetMs: number;
  /** Hub time when the show's revision last changed (outputs get a moment to catch up before they are "behind"). */
  revisionSince: number;
  /** The cued rundown item: green tally, and what "the cued item" means in actions. */
  cueId: string | null;
  /** Local time until which a first Clear all press stays armed, or null. */
  clearAllArmedUntil: number | null;
};

export function emptyView(): ModuleView {
  return { show: null, outputs: [], connection: 'connecting', role: null, wasOpen: false, offsetMs: 0, revisionSince: 0, cueId: null, clearAllArmedUntil: null };
}

/** The hub's clock now, from this machine's clock and the offset. */
export function hubTimeAt(view: ModuleView, localNow: number): number {
  return localNow + view.offsetMs;
}

/** Whether the hub welcomed the module with a role that sends commands (producer, operator, data: the hub refuses what a role may not send). */
export const maySend = (view: ModuleView) => view.role !== null && view.role !== 'viewer';

export type ModuleStatus = { status: 'ok' | 'connecting' | 'disconnected' | 'authentication_failure'; message: string | null };

/**
 * Companion's connection status for the view: a connection that was open and dropped stays "disconnected"
 * (retrying) until it is back, rather than flickering to "connecting" on every retry.
 */
export function moduleStatus(view: ModuleView, where: string): ModuleStatus {
  if (view.connection === 'open') {
    if (maySend(view)) return { status: 'ok', message: null };
    if (view.role === 'viewer') {
      const refusal = view.tokenRefused ? ` (${view.tokenRefused})` : '';
      return { status: 'authentication_failure', message: `Connected to ${where}, but the hub did not accept the token${refusal}: buttons show the show, actions are refused` };
    }
    return { status: 'connecting', message: `Connected to ${where}, waiting for the hub` };
  }
  if (view.wasOpen || view.connection === 'closed') return { status: 'disconnected', message: `No connection to ${where}; retrying` };
  return { status: 'connecting', message: `Connecting to ${where}` };
}
