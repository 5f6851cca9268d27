/** How long repeats of a line are counted before the count is logged. */
export const DEFAULT_SUMMARY_MS = 10_000;

/**
 * A log for lines a client can make the hub repeat at will (one per command it floods in): the first line of a
 * kind is logged, repeats of it for the next `windowMs` are only counted, then logged as one line
 * (`… and 27,982 more from producer in the last 10 s`), and so on while they keep coming. At most one line per
 * kind per window; kinds are the caller's keys, from a bounded set (a reason and a token's name).
 */
export function createSummarisedLog(log: (line: string) => void = (line) => console.log(line), windowMs = DEFAULT_SUMMARY_MS) {
  const windows = new Map<string, { more: number; summary: (more: number) => string }>();

  function close(key: string) {
    const window = windows.get(key);
    if (!window) return;
    if (window.more === 0) {
      windows.delete(key);
      return;
    }
    log(window.summary(window.more));
    window.more = 0;
    setTimeout(() => close(key), windowMs).unref();
  }

  return {
    /** Logs `line`, or counts it if a line of this `key` was logged within the window; `summary` says how many more there were. */
    log(key: string, line: string, summary: (more: number, seconds: number) => string) {
      const window = windows.get(key);
      if (window) {
        window.more++;
        return;
      }
      log(line);
      windows.set(key, { more: 0, summary: (more) => summary(more, Math.round(windowMs / 1000)) });
      setTimeout(() => close(key), windowMs).unref();
    },
  };
}
