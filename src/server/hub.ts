import type { Command } from '../protocol/command';
import { applyCommand } from '../state/applyCommand';
import { createShowStore, type ShowStore } from '../state/createShowStore';
import { checkShow } from '../state/checkShow';
import type { ShowState } from '../state/showState';

export { checkShow };

export type SubmitResult =
  | { ok: true; revision: number }
  | { ok: false; error: string; revision: number; reason: 'refused' | 'stale' | 'storage' | 'busy' };

/** One applied change, handed to `persist` with the state it produced: who sent what, when, and the show before and after. */
export type Applied = { revision: number; at: number; sender: string; command: Command | { type: 'show.replace' }; before: ShowState; after: ShowState };

/** Who a command is recorded as coming from when the caller names no one (the hub's own auto-out timers). */
export const HUB_SENDER = 'hub';

/** The authoritative show: applies commands in arrival order, persists them, and only then publishes them. */
export type Hub = {
  store: ShowStore;
  /** `sender` is the token name recorded with the command (the as-run log says who pressed it). */
  submit(command: Command, baseRevision?: number, sender?: string): Promise<SubmitResult>;
  /**
   * Replaces the whole show (opening a show file, starting a new one) in turn with commands: `produce` gets
   * the current show and returns the next one, or a sentence saying why not. The revision still goes up by one.
   */
  replace(produce: (current: ShowState) => Promise<ShowState | string>, sender?: string): Promise<SubmitResult>;
  now(): number;
  /** Why commands are refused right now (a hub on NATS that cannot reach it), or null. */
  problem?(): string | null;
  /** A hub sharing its show through NATS: the NATS server its connection is on now (host:port), null while it has none. */
  natsServer?(): string | null;
};

export type HubOptions = {
  initial: ShowState;
  /** Makes `state` durable, with the changes that led to it (in order); it must not resolve before both are on disk. */
  persist: (state: ShowState, applied: Applied[]) => Promise<void>;
  now?: () => number;
  /** Themes with valid template files, checked by show.setTheme (see ApplyContext.themes). */
  themes?: () => readonly string[];
  /** Commands allowed to wait while the show is being saved; more are refused as busy (see DEFAULT_MAX_WAITING). */
  maxWaiting?: number;
};

/**
 * Under overload a Take refused at once is worth more than one on air a minute late. Group commit saves
 * everything waiting in one write, so this many commands clear in a few disk writes, well under a second.
 */
export const DEFAULT_MAX_WAITING = 256;

type Job =
  | { kind: 'command'; command: Command; baseRevision?: number; sender: string; done: (result: SubmitResult) => void }
  | { kind: 'replace'; produce: (current: ShowState) => Promise<ShowState | string>; sender: string; done: (result: SubmitResult) => void };

export function createHub({ initial, persist, now = Date.now, themes, maxWaiting = DEFAULT_MAX_WAITING }: HubOptions): Hub {
  const store = createShowStore(initial);
  const waiting: Job[] = [];
  let saving = false;

  /**
   * Group commit: every command waiting when a save starts is applied in order to a working copy, the result is
   * saved once, and only then published and acknowledged (each in order). Durability before visibility holds for
   * each command; the disk is written once per group instead of once per command.
   */
  async function drain() {
    if (saving) return;
    saving = true;
    try {
      for (let head = waiting[0]; head; head = waiting[0]) {
        if (head.kind === 'replace') {
          waiting.shift();
          head.done(await replaceDurably(head.produce, head.sender));
          continue;
        }
        const group: Extract<Job, { kind: 'command' }>[] = [];
        while (waiting[0]?.kind === 'command') group.push(waiting.shift() as Extract<Job, { kind: 'command' }>);
        await commitGroup(group);
      }
    } finally {
      saving = false;
    }
  }

  async function commitGroup(group: Extract<Job, { kind: 'command' }>[]) {
    const current = store.getState();
    let working = current;
    let applied: Applied[] = [];
    // The show check costs milliseconds, so it runs once on the group's result; only when that fails is each
    // command checked on its own, so the one that broke the show is refused and the rest still go through.
    const applyAll = (checkEach: boolean) => {
      working = current;
      applied = [];
      return group.map((job) => {
        const { result, state, at } = applyOne(working, job.command, job.baseRevision, checkEach);
        if (state) {
          applied.push({ revision: state.revision, at: at!, sender: job.sender, command: job.command, before: working, after: state });
          working = state;
        }
        return result;
      });
    };
    let results = applyAll(group.length === 1);
    if (working !== current && group.length > 1 && checkShow(working)) results = applyAll(true);
    if (working !== current) {
      try {
        await persist(working, applied);
        store.setState(working, true);
      } catch (error) {
        const refused: SubmitResult = { ok: false, reason: 'storage', revision: current.revision, error: `The show could not be saved, so nothing was changed: ${(error as Error).message}` };
        results.forEach((result, i) => result.ok && (results[i] = refused));
      }
    }
    group.forEach((job, i) => job.done(results[i]!));
  }

  function applyOne(current: ShowState, command: Command, baseRevision: number | undefined, check: boolean): { result: SubmitResult; state?: ShowState; at?: number } {
    const refuse = (reason: 'refused' | 'stale', error: string) => ({ result: { ok: false as const, reason, error, revision: current.revision } });
    if (baseRevision !== undefined && baseRevision !== current.revision) {
      return refuse(
        'stale',
        `The show has changed since you loaded it (you edited revision ${baseRevision}, it is now at ${current.revision}); nothing was changed — check the new state and try again`,
      );
    }
    const at = now();
    const applied = applyCommand(current, command, themes ? { now: at, themes: themes() } : { now: at });
    if (!applied.ok) return refuse('refused', applied.error);
    const invalid = check ? checkShow(applied.state) : null;
    if (invalid) return refuse('refused', invalid);
    return { result: { ok: true, revision: applied.state.revision }, state: applied.state, at };
  }

  async function replaceDurably(produce: (current: ShowState) => Promise<ShowState | string>, sender: string): Promise<SubmitResult> {
    const current = store.getState();
    let next: ShowState | string;
    try {
      next = await produce(current);
    } catch (error) {
      return { ok: false, reason: 'storage', revision: current.revision, error: `Nothing was changed: ${(error as Error).message}` };
    }
    if (typeof next === 'string') return { ok: false, reason: 'refused', error: next, revision: current.revision };
    const state = { ...next, revision: current.revision + 1 };
    const invalid = checkShow(state);
    if (invalid) return { ok: false, reason: 'refused', error: invalid, revision: current.revision };
    try {
      await persist(state, [{ revision: state.revision, at: now(), sender, command: { type: 'show.replace' }, before: current, after: state }]);
    } catch (error) {
      return { ok: false, reason: 'storage', revision: current.revision, error: `The show could not be saved, so nothing was changed: ${(error as Error).message}` };
    }
    store.setState(state, true);
    return { ok: true, revision: state.revision };
  }

  function enqueue(job: Job): void {
    if (waiting.length >= maxWaiting) {
      job.done({
        ok: false,
        reason: 'busy',
        revision: store.getState().revision,
        error: `The hub is busy: ${waiting.length} commands are already waiting to be saved, so this one was refused rather than put on air late; nothing was changed — try again in a moment`,
      });
      return;
    }
    waiting.push(job);
    void drain();
  }

  return {
    store,
    now,
    submit: (command, baseRevision, sender = HUB_SENDER) => new Promise((done) => enqueue({ kind: 'command', command, baseRevision, sender, done })),
    replace: (produce, sender = HUB_SENDER) => new Promise((done) => enqueue({ kind: 'replace', produce, sender, done })),
  };
}
