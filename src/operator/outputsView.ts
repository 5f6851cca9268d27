import type { OutputStatus } from '../protocol/messages';
import { el } from './element';
import { BEHIND_GRACE_MS, outputWarnings } from './outputHealth';
import type { PanelStore } from './panelStore';


/**
 * Output confidence: every output the hub knows, what it last drew (format, mode, renderer, revision, graphics
 * on air) and its frame health (frame rate against its target, dropped frames, frame intervals), with warnings in words.
 */
export function mountOutputsView(host: HTMLElement, store: PanelStore, hubNow: () => number) {
  const list = el('ul', { class: 'outputs', 'aria-label': 'Outputs' });
  host.replaceChildren(el('h2', { id: 'outputs-heading', text: 'Outputs' }), list);
  let revision = -1;
  let revisionSince = 0;

  const render = () => {
    const { outputs, show } = store.getState();
    if (show && show.revision !== revision) {
      revision = show.revision;
      revisionSince = hubNow();
    }
    // Every page connects the same way; one that has never reported a frame may be a panel, or an output still loading.
    const drawn = outputs.filter((output) => output.report !== null);
    const silent = outputs.filter((output) => output.report === null && output.connected).length;
    const rows = drawn.map((output) => row(output, outputWarnings(output, show, hubNow(), revisionSince)));
    if (drawn.length === 0) rows.push(el('li', { class: 'muted', 'data-state': 'warn', text: 'No output has drawn the show: nothing is going to air from this hub' }));
    if (silent > 0) rows.push(el('li', { class: 'muted', text: `${silent} connected ${silent === 1 ? 'page has' : 'pages have'} not drawn anything: operator panels (this one included), or outputs still loading` }));
    list.replaceChildren(...rows);
  };

  function row(output: OutputStatus, warnings: string[]): HTMLElement {
    const report = output.report;
    const state = !output.connected ? 'down' : warnings.length > 0 ? 'warn' : 'ok';
    const facts: string[] = [];
    const health: string[] = [];
    if (report) {
      const mode = report.mode === 'fill' || report.mode === 'keyfill' ? `${report.mode} ${report.alpha}` : report.mode;
      const asked = report.requestedRenderer !== 'auto' ? ` (asked for ${report.requestedRenderer})` : '';
      facts.push(`${report.format || `${report.width}x${report.height}`} ${mode}`, `${report.renderer} renderer${asked}`, `revision ${report.revision}`);
      health.push(`${Math.round(report.fps * 10) / 10} fps for ${report.targetFps}`, `${report.droppedFrames} dropped`);
      if (report.frameIntervalMs) health.push(`frame interval p95 ${report.frameIntervalMs.p95.toFixed(1)} ms, max ${report.frameIntervalMs.max.toFixed(1)} ms`);
    }
    const onAir = report ? (report.onAir.length > 0 ? report.onAir.map((g) => `${g.layer}: ${g.kind}`).join(', ') : 'nothing') : '—';
    return el(
      'li',
      { 'data-state': state, 'data-output': output.connectionId },
      el('strong', { text: `${report?.page ?? 'output'} ${output.connectionId}${output.connected ? '' : ' — DISCONNECTED'}` }),
      el('span', { class: 'facts', text: facts.join(' · ') }),
      health.length > 0 ? el('span', { class: 'facts', 'data-health': '', text: health.join(' · ') }) : null,
      el('span', { class: 'facts', text: `On air: ${onAir}` }),
      report ? el('span', { class: 'facts muted', text: report.rendererReason }) : null,
      ...warnings.map((w) => el('span', { class: 'warning', text: `⚠ ${w}` })),
    );
  }

  store.subscribe((state, previous) => {
    if (state.outputs !== previous.outputs || state.show !== previous.show) render();
  });
  // Re-checks the grace period and silence, so an output that stays behind or goes quiet is flagged without waiting for news.
  setInterval(render, BEHIND_GRACE_MS / 3);
  render();
}
