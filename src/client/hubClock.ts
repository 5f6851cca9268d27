import { localNow } from './hubConnection';

/**
 * Hub time on this page: the local clock plus the offset measured against the hub. It never runs
 * backwards, even when a better offset arrives, so a race clock never shows a second twice.
 */
export function createHubClock() {
  let offset = 0;
  let last = -Infinity;
  return {
    setOffset(offsetMs: number) {
      offset = offsetMs;
    },
    now(): number {
      last = Math.max(last, localNow() + offset);
      return last;
    },
  };
}
export type HubClock = ReturnType<typeof createHubClock>;
