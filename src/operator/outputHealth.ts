import type { OutputStatus } from '../protocol/messages';
import type { ShowState } from '../state/showState';

/** How long an output may lag the show before it is flagged: one report cycle (outputs report every second). */
export const BEHIND_GRACE_MS = 1500;

/** An output that has said nothing for this long is flagged (it reports every second while its page runs). */
export const SILENT_AFTER_MS = 5000;

/**
 * What an operator must know about one output, as sentences: disconnected, silent (connected but no longer
 * reporting: a frozen page or a stalled playout), behind the show, on a fallback renderer, or showing something
 * other than the show's on-air state. `now` is hub time, like the hub's `lastReportAt`.
 */
export function outputWarnings(output: OutputStatus, show: ShowState | null, now: number, revisionSince: number): string[] {
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
