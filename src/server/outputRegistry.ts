import type { OutputReport, OutputStatus } from '../protocol/messages';

/** The most outputs listed at once; a real installation has a handful, so this only stops a flood. */
export const DEFAULT_MAX_OUTPUTS = 64;
/** A disconnected output stays listed (greyed in the panel) this long, then it is forgotten. */
export const DEFAULT_FORGET_AFTER_MS = 60_000;
/** Panels get the list at most this often: outputs report every second each, and a panel needs no more. */
export const DEFAULT_LIST_EVERY_MS = 500;

export type OutputRegistryOptions = {
  onChange: (outputs: OutputStatus[]) => void;
  /**
   * Every report, with the output's status after it (the as-run log notes when each output first drew an entry) and
   * the show's revision when its connection began (what it may have drawn before this hub heard from it).
   */
  onReport?: (output: OutputStatus & { report: OutputReport }, joinedRevision: number) => void;
  now: () => number;
  maxOutputs?: number;
  forgetAfterMs?: number;
  listEveryMs?: number;
};

/**
 * Every output page connected to the hub (connections that said they are outputs), with its name and what it
 * last said it rendered. Disconnected ones stay listed for a while, then are forgotten; the list is bounded,
 * and panels hear of changes at a bounded rate.
 */
export function createOutputRegistry({ onChange, onReport, now, maxOutputs = DEFAULT_MAX_OUTPUTS, forgetAfterMs = DEFAULT_FORGET_AFTER_MS, listEveryMs = DEFAULT_LIST_EVERY_MS }: OutputRegistryOptions) {
  const outputs = new Map<string, OutputStatus>();
  const list = () => [...outputs.values()];

  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastSent = -Infinity;
  function changed() {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      lastSent = now();
      onChange(list());
    }, Math.max(0, lastSent + listEveryMs - now()));
  }

  function forgetOld() {
    const before = outputs.size;
    for (const [id, status] of outputs) {
      if (status.disconnectedAt !== null && now() - status.disconnectedAt >= forgetAfterMs) outputs.delete(id);
    }
    if (outputs.size !== before) changed();
  }
  const sweep = setInterval(forgetOld, Math.max(50, Math.min(forgetAfterMs / 4, 5000)));
  sweep.unref();

  const update = (connectionId: string, change: Partial<OutputStatus>): boolean => {
    const status = outputs.get(connectionId);
    if (!status) return false;
    outputs.set(connectionId, { ...status, ...change });
    changed();
    return true;
  };

  /** A named output that connects again (its page reloaded, its playout restarted) replaces its disconnected entry: it is the same output, not a second one gone missing. */
  function forgetGoneNamed(name: string) {
    if (!name) return;
    for (const [id, status] of outputs) if (!status.connected && status.name === name) outputs.delete(id);
  }

  return {
    list,
    /** Lists a new output; false when the list is full of connected outputs (it still gets the show, unlisted). */
    connected(connectionId: string, name: string): boolean {
      forgetGoneNamed(name);
      if (outputs.size >= maxOutputs) {
        const oldest = list()
          .filter((o) => !o.connected)
          .sort((a, b) => (a.disconnectedAt ?? 0) - (b.disconnectedAt ?? 0))[0];
        if (!oldest) return false;
        outputs.delete(oldest.connectionId);
      }
      outputs.set(connectionId, { connectionId, name, connected: true, connectedAt: now(), disconnectedAt: null, lastReportAt: null, report: null });
      changed();
      return true;
    },
    has: (connectionId: string) => outputs.has(connectionId),
    reported(connectionId: string, report: OutputReport, joinedRevision: number) {
      if (!update(connectionId, { report, lastReportAt: now() })) return false;
      onReport?.({ ...outputs.get(connectionId)!, report }, joinedRevision);
      return true;
    },
    renamed(connectionId: string, name: string) {
      forgetGoneNamed(name);
      return update(connectionId, { name });
    },
    disconnected: (connectionId: string) => update(connectionId, { connected: false, disconnectedAt: now() }),
    close() {
      clearInterval(sweep);
      if (timer) clearTimeout(timer);
    },
  };
}
export type OutputRegistry = ReturnType<typeof createOutputRegistry>;
