import type { Command } from '../protocol/command';
import { applyCommand } from '../state/applyCommand';
import { createShowStore, type ShowStore } from '../state/createShowStore';
import type { ShowState } from '../state/showState';

export type SubmitResult =
  | { ok: true; revision: number }
  | { ok: false; error: string; revision: number; reason: 'refused' | 'stale' | 'storage' };

/** The authoritative show: applies commands one at a time, persists each, and only then publishes it. */
export type Hub = {
  store: ShowStore;
  submit(command: Command, baseRevision?: number): Promise<SubmitResult>;
  /**
   * Replaces the whole show (opening a show file, starting a new one) in turn with commands: `produce` gets
   * the current show and returns the next one, or a sentence saying why not. The revision still goes up by one.
   */
  replace(produce: (current: ShowState) => Promise<ShowState | string>): Promise<SubmitResult>;
  now(): number;
};

export type HubOptions = {
  initial: ShowState;
  persist: (state: ShowState) => Promise<void>;
  now?: () => number;
  /** Themes with valid template files, checked by show.setTheme (see ApplyContext.themes). */
  themes?: () => readonly string[];
};

export function createHub({ initial, persist, now = Date.now, themes }: HubOptions): Hub {
  const store = createShowStore(initial);
  // Commands are applied strictly in arrival order; each waits for the previous one's disk write.
  let queue: Promise<unknown> = Promise.resolve();

  async function applyDurably(command: Command, baseRevision?: number): Promise<SubmitResult> {
    const current = store.getState();
    if (baseRevision !== undefined && baseRevision !== current.revision) {
      return {
        ok: false,
        reason: 'stale',
        revision: current.revision,
        error: `The show has changed since you loaded it (you edited revision ${baseRevision}, it is now at ${current.revision}); nothing was changed — check the new state and try again`,
      };
    }
    const result = applyCommand(current, command, themes ? { now: now(), themes: themes() } : { now: now() });
    if (!result.ok) return { ok: false, reason: 'refused', error: result.error, revision: current.revision };
    return commit(current, result.state);
  }

  async function replaceDurably(produce: (current: ShowState) => Promise<ShowState | string>): Promise<SubmitResult> {
    const current = store.getState();
    let next: ShowState | string;
    try {
      next = await produce(current);
    } catch (error) {
      return { ok: false, reason: 'storage', revision: current.revision, error: `Nothing was changed: ${(error as Error).message}` };
    }
    if (typeof next === 'string') return { ok: false, reason: 'refused', error: next, revision: current.revision };
    return commit(current, { ...next, revision: current.revision + 1 });
  }

  async function commit(current: ShowState, next: ShowState): Promise<SubmitResult> {
    try {
      await persist(next);
    } catch (error) {
      return {
        ok: false,
        reason: 'storage',
        revision: current.revision,
        error: `The show could not be saved, so nothing was changed: ${(error as Error).message}`,
      };
    }
    store.setState(next, true);
    return { ok: true, revision: next.revision };
  }

  function inTurn(work: () => Promise<SubmitResult>): Promise<SubmitResult> {
    const run = queue.then(work);
    queue = run.catch(() => {});
    return run;
  }

  return {
    store,
    now,
    submit: (command, baseRevision) => inTurn(() => applyDurably(command, baseRevision)),
    replace: (produce) => inTurn(() => replaceDurably(produce)),
  };
}
