import { fork, type ChildProcess } from 'node:child_process';

/** One IPC message between Companion and a module, as @companion-module/base's IpcWrapper frames them. */
type IpcMessage =
  | { direction: 'call'; name: string; payload: string; callbackId: number | undefined }
  | { direction: 'response'; callbackId: number; success: boolean; payload: string };

export type CompanionModuleProcess = {
  /** Calls the module as Companion does (`init`, `updateFeedbacks`, `executeAction`, …) and resolves with its answer. */
  call(name: string, message: unknown): Promise<any>;
  /** Every call the module made of Companion, by name, in order (`set-status`, `setVariableValues`, …). */
  received(name: string): any[];
  /** Resolves with the first call of this name (already made, or to come) that passes `test`. */
  waitFor(name: string, test: (payload: any) => boolean, timeoutMs?: number): Promise<any>;
  /** Resolves once `check` holds (now, or after a later message from the module); says what it waited for if it never does. */
  until(what: string, check: () => boolean, timeoutMs?: number): Promise<void>;
  /** The latest value of every variable the module has set. */
  variables(): Record<string, unknown>;
  /** The latest value the module reported for each feedback instance, by its id. */
  feedbacks(): Record<string, unknown>;
  /** The latest connection status the module reported. */
  status(): { status: string; message: string | null } | undefined;
  log(): string;
  stop(): Promise<void>;
};

/**
 * Starts a Companion module the way Companion's module host does: a Node child process with an IPC channel,
 * MODULE_MANIFEST, CONNECTION_ID and VERIFICATION_TOKEN in its environment; it answers the module's `register`
 * call, then speaks the host side of the `nodejs-ipc` API (see @companion-module/base/dist/host-api/api.d.ts).
 * It is the test's stand-in for Companion itself: everything in the module, InstanceBase included, is real.
 */
export async function startCompanionModule(entrypoint: string, manifestPath: string): Promise<CompanionModuleProcess> {
  const child: ChildProcess = fork(entrypoint, [], {
    env: { ...process.env, MODULE_MANIFEST: manifestPath, CONNECTION_ID: 'finishline-test', VERIFICATION_TOKEN: 'verify-test' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let log = '';
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk));
  const calls = new Map<string, any[]>();
  const watchers: { name: string; test: (payload: any) => boolean; resolve: (payload: any) => void }[] = [];
  const conditions = new Set<() => void>();
  const pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  const variables: Record<string, unknown> = {};
  const feedbacks: Record<string, unknown> = {};
  let nextId = 1;
  let registered!: () => void;
  const registration = new Promise<void>((resolve) => (registered = resolve));

  child.on('message', (raw) => {
    const message = raw as IpcMessage;
    if (message.direction === 'response') {
      const waiter = pending.get(message.callbackId);
      pending.delete(message.callbackId);
      const payload = message.payload ? JSON.parse(message.payload) : undefined;
      if (message.success) waiter?.resolve(payload);
      else waiter?.reject(new Error(payload?.message ?? JSON.stringify(payload)));
      return;
    }
    const payload = message.payload ? JSON.parse(message.payload) : undefined;
    if (message.name === 'register') {
      child.send({ direction: 'response', callbackId: message.callbackId, success: true, payload: JSON.stringify({}) });
      registered();
      return;
    }
    if (message.name === 'setVariableValues') for (const { id, value } of payload.newValues) variables[id] = value;
    if (message.name === 'setVariableDefinitions') for (const { id, value } of payload.newValues ?? []) variables[id] = value;
    if (message.name === 'updateFeedbackValues') for (const { id, value } of payload.values) feedbacks[id] = value;
    calls.set(message.name, [...(calls.get(message.name) ?? []), payload]);
    for (const watcher of [...watchers]) {
      if (watcher.name === message.name && watcher.test(payload)) {
        watchers.splice(watchers.indexOf(watcher), 1);
        watcher.resolve(payload);
      }
    }
    for (const condition of [...conditions]) condition();
    if (message.callbackId !== undefined) {
      child.send({ direction: 'response', callbackId: message.callbackId, success: false, payload: JSON.stringify({ message: `The test host does not answer ${message.name}` }) });
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await Promise.race([registration, exited.then(() => Promise.reject(new Error(`The module exited before it registered:\n${log}`)))]);

  return {
    call(name, message) {
      const callbackId = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(callbackId, { resolve, reject });
        child.send({ direction: 'call', name, payload: JSON.stringify(message), callbackId } satisfies IpcMessage);
      });
    },
    received: (name) => calls.get(name) ?? [],
    waitFor(name, test, timeoutMs = 10_000) {
      const seen = (calls.get(name) ?? []).find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No ${name} call passing the test within ${timeoutMs} ms; module log:\n${log}`)), timeoutMs);
        watchers.push({ name, test, resolve: (payload) => (clearTimeout(timer), resolve(payload)) });
      });
    },
    until(what, check, timeoutMs = 10_000) {
      if (check()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const condition = () => {
          if (!check()) return;
          conditions.delete(condition);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          conditions.delete(condition);
          reject(new Error(`Waited ${timeoutMs} ms for ${what}; variables ${JSON.stringify(variables)}, feedbacks ${JSON.stringify(feedbacks)}; module log:\n${log}`));
        }, timeoutMs);
        conditions.add(condition);
      });
    },
    variables: () => ({ ...variables }),
    feedbacks: () => ({ ...feedbacks }),
    status: () => calls.get('set-status')?.at(-1),
    log: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
