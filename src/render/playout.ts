import { gsap } from 'gsap/gsap-core';
import type { Timeline } from '../graphics/graphicDefinition';
import type { LayerId } from '../protocol/layers';

/**
 * An empty paused timeline for the renderer to fill and seek itself. It is taken out of GSAP's root timeline
 * at once: GSAP only lets go of a child when its own ticker plays the root past the child's end, and the
 * renderer has detached that ticker (see outputScene), so every timeline left there, with the display objects
 * its tweens target, would be kept for the life of the page (a take and a clear kept about 30 kB for good).
 */
export function pausedTimeline(): Timeline {
  const tl = gsap.timeline({ paused: true });
  gsap.globalTimeline.remove(tl);
  return tl;
}

type Running = { tl: Timeline; startAt: number; layer: LayerId; onDone: (() => void) | undefined };

/**
 * Plays paused GSAP timelines against hub time: a frame at time t seeks each to (t - start). Nothing here
 * reads a wall clock, so a frame at time t always looks the same, live or in a test.
 */
export function createPlayout() {
  const running = new Set<Running>();
  return {
    start(tl: Timeline, startAt: number, layer: LayerId, onDone?: () => void) {
      const entry = { tl, startAt, layer, onDone };
      running.add(entry);
      return entry;
    },
    /** Seeks every running timeline to hub time t and returns the layers that moved. */
    advance(t: number): Set<LayerId> {
      const moved = new Set<LayerId>();
      for (const entry of running) {
        const local = Math.max(0, (t - entry.startAt) / 1000);
        const end = entry.tl.duration();
        entry.tl.seek(Math.min(local, end), false);
        moved.add(entry.layer);
        if (local >= end) finish(entry);
      }
      return moved;
    },
    /** Jumps a timeline to its end at once (a graphic shown in its on-air state, or superseded). */
    complete(tl: Timeline) {
      for (const entry of running) if (entry.tl === tl) return finish(entry);
      tl.progress(1, false);
    },
    /** Jumps every running timeline to its end (exits finish and destroy what they took off). */
    finishAll() {
      for (const entry of [...running]) finish(entry);
    },
    isRunning: () => running.size > 0,
    /** How many timelines are playing. */
    count: () => running.size,
  };

  function finish(entry: Running) {
    running.delete(entry);
    entry.tl.progress(1, false);
    entry.onDone?.();
  }
}
export type Playout = ReturnType<typeof createPlayout>;
