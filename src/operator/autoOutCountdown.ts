import { formatTime } from '../core';
import type { PanelStore } from './panelStore';

/** "OUT IN 0:07" while an auto-out runs (whole seconds, rounded up, so 0:00 is never shown before it goes). */
export function countdownText(outAt: number, t: number): string {
  const left = outAt - t;
  return left > 0 ? `OUT IN ${formatTime(Math.ceil(left / 1000) * 1000)}` : 'OUT';
}

/**
 * The auto-out countdowns on the rundown's tally: every `[data-out-at]` badge under `root` shows the time
 * left until the hub takes its graphic out, computed from hub time on each frame (never ticked in the
 * store); text is only touched when the shown second changes. Rows rebuilt by a snapshot are drawn at once.
 */
export function mountAutoOutCountdowns(root: HTMLElement, store: PanelStore) {
  let last: number | null = null;
  function frame(t: number) {
    last = t;
    for (const badge of root.querySelectorAll<HTMLElement>('[data-out-at]')) {
      const text = countdownText(Number(badge.dataset.outAt), t);
      if (badge.textContent !== text) badge.textContent = text;
    }
  }
  store.subscribe(() => {
    if (last !== null) frame(last);
  });
  return { frame };
}
