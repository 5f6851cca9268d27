import type { OutputStatus } from '../protocol/messages';
import type { ShowState } from '../state/showState';

/** How long an output may lag the show before it is flagged: one report cycle (outputs report every second). */
export const BEHIND_GRACE_MS = 1500;

/** An output that has said nothing for this long is flagged (it reports every second while its page runs). */
export const SILENT_AFTER_MS = 5000;

/** An output drawing below this share of its target rate is flagged (a 50 fps output under 45 fps). */
export const LOW_RATE_SHARE = 0.9;

/** How far back dropped frames count as "dropping now" (a glitch an hour ago is not news). */
export const DROPPED_WINDOW_MS = 10_000;

/**
 * What an operator must know about one output, as sentences: disconnected, silent (connected but no longer
 * reporting: a frozen page or a stalled playout), behind the show, below its frame rate or dropping frames, on a
 * fallback renderer, or showing something other than the show's on-air state. `now` is hub time, like the hub's
 * `lastReportAt`; `droppedLately` is how many frames it dropped in the last DROPPED_WINDOW_MS (see droppedTracker).
 */
export function outputWarnings(output: OutputStatus, show: ShowState | null, now: number, revisionSince: number, droppedLately = 0): string[] {
  const warnings: string[] = [];
  const report = output.report;
  if (!output.connected) warnings.push('Disconnected: this output is not receiving the show');
  if (!report) {
    warnings.push('Connected but has not drawn anything yet');
    return warnings;
  }
  if (output.connected && output.lastReportAt !== null && now - output.lastReportAt > SILENT_AFTER_MS) {
    warnings.push(`Silent for ${Math.floor((now - output.lastReportAt) / 1000)} s: connected, but its page has stopped reporting (frozen page or stalled playout?)`);
  }
  if (show && report.revision < show.revision && now - revisionSince > BEHIND_GRACE_MS) {
    warnings.push(`Behind: drew revision ${report.revision}, the show is at ${show.revision}`);
  }
  // The page's own clock only: on the manual clock (tests, `clock=manual`) there are no intervals and no rate.
  if (output.connected && report.frameIntervalMs !== null && report.fps < report.targetFps * LOW_RATE_SHARE) {
    warnings.push(`Low frame rate: ${Math.round(report.fps * 10) / 10} fps for ${report.targetFps} (the machine or its GPU cannot keep up)`);
  }
  if (output.connected && droppedLately > 0) {
    warnings.push(`Dropping frames: ${droppedLately} dropped in the last ${DROPPED_WINDOW_MS / 1000} s (${report.droppedFrames} since it started)`);
  }
  if (report.requestedRenderer !== 'auto' && report.renderer !== report.requestedRenderer) {
    warnings.push(`Fallback renderer: asked for ${report.requestedRenderer}, drawing with ${report.renderer} (${report.rendererReason})`);
  }
  if (show && report.revision === show.revision) {
    const want = Object.values(show.onAir)
      .map((g) => `${g.layer}:${g.id}`)
      .sort();
    const have = report.onAir.map((g) => `${g.layer}:${g.id}`).sort();
    if (JSON.stringify(want) !== JSON.stringify(have)) warnings.push('Shows different graphics from the ones on air in the show');
  }
  return warnings;
}

/**
 * Remembers each output's dropped-frame count per report, so the panel can tell "dropping now" from a count
 * that grew once, long ago. `now` is hub time.
 */
export function droppedTracker() {
  const seen = new Map<string, { count: number; drops: { at: number; frames: number }[] }>();
  return {
    /** Frames this output dropped within DROPPED_WINDOW_MS of `now`. */
    lately(output: OutputStatus, now: number): number {
      const count = output.report?.droppedFrames;
      if (count === undefined) return 0;
      const entry = seen.get(output.connectionId);
      if (!entry) {
        seen.set(output.connectionId, { count, drops: [] });
        return 0;
      }
      if (count > entry.count) entry.drops.push({ at: output.lastReportAt ?? now, frames: count - entry.count });
      entry.count = count;
      entry.drops = entry.drops.filter((drop) => now - drop.at < DROPPED_WINDOW_MS);
      return entry.drops.reduce((sum, drop) => sum + drop.frames, 0);
    },
    /** Forgets outputs the hub no longer lists. */
    keepOnly(ids: Set<string>) {
      for (const id of seen.keys()) if (!ids.has(id)) seen.delete(id);
    },
  };
}

/**
 * The outputs the panel lists: a disconnected one is left out once a connected output has its name (the same page
 * reloaded, or restarted), so a reload never shows the old connection's "Disconnected" beside the healthy new one.
 */
export function outputsToList(outputs: readonly OutputStatus[]): OutputStatus[] {
  const live = new Set(outputs.filter((o) => o.connected && o.name !== '').map((o) => o.name));
  return outputs.filter((o) => o.connected || o.name === '' || !live.has(o.name));
}

