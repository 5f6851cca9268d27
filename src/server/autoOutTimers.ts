import type { OnAirGraphic, ShowState } from '../state/showState';
import type { Hub } from './hub';

/** How long to wait before trying an auto-out again when the hub could not apply it (a failed save). */
const RETRY_MS = 1000;

/**
 * Auto-out, driven by the show itself: every graphic on air with an `outAt` gets a timer that sends the hub's
 * own `autoOut` command when that time comes. The out-time lives in the show (saved with it), so after a hub
 * restart the timers are set again from the loaded show, and one already past fires at once.
 */
export function startAutoOutTimers(hub: Pick<Hub, 'store' | 'submit' | 'now'>): { stop(): void } {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const keyOf = (onAir: OnAirGraphic) => `${onAir.layer} ${onAir.id} ${onAir.outAt}`;

  function sync(show: ShowState) {
    const due = new Map(
      Object.values(show.onAir)
        .filter((onAir) => onAir.outAt !== undefined)
        .map((onAir) => [keyOf(onAir), onAir] as const),
    );
    for (const [key, timer] of timers) {
      if (due.has(key)) continue;
      clearTimeout(timer);
      timers.delete(key);
    }
    for (const [key, onAir] of due) if (!timers.has(key)) arm(key, onAir, onAir.outAt! - hub.now());
  }

  function arm(key: string, onAir: OnAirGraphic, delayMs: number) {
    timers.set(
      key,
      setTimeout(() => void fire(key, onAir), Math.max(0, delayMs)),
    );
  }

  async function fire(key: string, onAir: OnAirGraphic) {
    const result = await hub.submit({ type: 'autoOut', layer: onAir.layer, onAirId: onAir.id });
    if (result.ok || !timers.has(key)) return;
    // Still on air after a refusal (its time not quite come by the hub's clock, or the save failed): try again.
    const stillOn = hub.store.getState().onAir[onAir.layer]?.id === onAir.id;
    if (!stillOn) return;
    if (result.reason === 'storage') console.error(`Auto-out of ${onAir.layer} failed, retrying: ${result.error}`);
    arm(key, onAir, Math.max(onAir.outAt! - hub.now(), RETRY_MS));
  }

  const unsubscribe = hub.store.subscribe(sync);
  sync(hub.store.getState());
  return {
    stop() {
      unsubscribe();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
