import type { CommandOutcome } from '../client/hubConnection';
import type { OutputStatus } from '../protocol/messages';
import { el } from './element';
import { BEHIND_GRACE_MS, droppedTracker, outputsToList, outputWarnings } from './outputHealth';
import type { PanelStore } from './panelStore';

/** Renames a connected output at the hub (the output adopts the name, so it keeps it when it reconnects). */
export type NameOutput = (connectionId: string, name: string) => Promise<CommandOutcome>;

/** What the panel calls an output: its name, or its connection id when it was given none. */
export const outputTitle = (output: OutputStatus) => output.name || `Output ${output.connectionId}`;

/**
 * Output confidence: every output the hub lists, by name, what it last drew (format, mode, renderer, revision,
 * graphics on air) and its frame health (frame rate against its target, dropped frames, frame intervals), with
 * warnings in words. A disconnected output is greyed until the hub forgets it. Each can be renamed here.
 */
export function mountOutputsView(host: HTMLElement, store: PanelStore, hubNow: () => number, nameOutput: NameOutput) {
  const list = el('ul', { class: 'outputs', 'aria-label': 'Outputs' });
  host.replaceChildren(el('h2', { id: 'outputs-heading', text: 'Outputs' }), list);
  let revision = -1;
  let revisionSince = 0;
  const dropped = droppedTracker();
  // While a name is being typed the list is not redrawn (that would take the text box away); it catches up after.
  let editing: string | null = null;

  const render = () => {
    if (editing !== null) return;
    const { show, connection } = store.getState();
    const outputs = outputsToList(store.getState().outputs);
    // Without the hub the panel hears nothing from any output: what it last heard is shown as that, greyed, with
    // no verdicts drawn from the silence (an output still drawing would read "silent", "behind").
    if (connection.status !== 'open') {
      const stale = outputs.map((output) => row(output, [], true));
      stale.unshift(el('li', { class: 'muted', 'data-state': 'warn', text: 'Output health unknown: this panel is not connected to the hub (as last heard below)' }));
      keepUnchanged(list, stale);
      return;
    }
    if (show && show.revision !== revision) {
      revision = show.revision;
      revisionSince = hubNow();
    }
    dropped.keepOnly(new Set(outputs.map((o) => o.connectionId)));
    const drawn = outputs.filter((output) => output.report !== null || !output.connected);
    const loading = outputs.filter((output) => output.report === null && output.connected).length;
    const rows = drawn.map((output) => row(output, outputWarnings(output, show, hubNow(), revisionSince, dropped.lately(output, hubNow()))));
    if (!outputs.some((o) => o.connected && o.report)) rows.push(el('li', { class: 'muted', 'data-state': 'warn', text: 'No output has drawn the show: nothing is going to air from this hub' }));
    if (loading > 0) rows.push(el('li', { class: 'muted', text: `${loading} ${loading === 1 ? 'output is' : 'outputs are'} connected but still loading` }));
    keepUnchanged(list, rows);
  };

  function rename(output: OutputStatus, item: HTMLElement) {
    editing = output.connectionId;
    const input = el('input', { type: 'text', value: output.name, maxlength: 60, 'aria-label': `New name for ${outputTitle(output)}`, autocomplete: 'off' });
    const problem = el('p', { class: 'field-error', role: 'alert' });
    const done = () => {
      editing = null;
      render();
    };
    const form = el('form', { class: 'output-name', 'aria-label': `Rename ${outputTitle(output)}` }, input, el('button', { type: 'submit', text: 'Save name' }), el('button', { type: 'button', text: 'Cancel' }), problem);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const name = input.value.trim();
      if (!name) return void (problem.textContent = 'Type a name (at most 60 characters)');
      void nameOutput(output.connectionId, name).then((outcome) => (outcome.ok ? done() : (problem.textContent = outcome.error)));
    });
    form.querySelector('button[type=button]')!.addEventListener('click', done);
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        done();
      }
    });
    item.querySelector('.output-title')!.replaceWith(form);
    input.focus();
    input.select();
  }

  function row(output: OutputStatus, warnings: string[], unknown = false): HTMLElement {
    const report = output.report;
    const state = unknown ? 'unknown' : !output.connected ? 'down' : warnings.length > 0 ? 'warn' : 'ok';
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
    const title = outputTitle(output);
    const item = el(
      'li',
      { 'data-state': state, 'data-output': output.connectionId, 'aria-label': title },
      el(
        'div',
        { class: 'output-title' },
        el('strong', { text: `${title}${unknown ? ' — LAST HEARD' : output.connected ? '' : ' — DISCONNECTED'}` }),
        output.name ? el('span', { class: 'muted', text: ` ${output.connectionId}` }) : null,
        output.connected && !unknown ? el('button', { type: 'button', class: 'small', text: 'Rename', 'aria-label': `Rename ${title}` }) : null,
      ),
      el('span', { class: 'facts', text: facts.join(' · ') }),
      health.length > 0 ? el('span', { class: 'facts', 'data-health': '', text: health.join(' · ') }) : null,
      el('span', { class: 'facts', text: `On air: ${onAir}` }),
      report ? el('span', { class: 'facts muted', text: report.rendererReason }) : null,
      ...warnings.map((w) => el('span', { class: 'warning', text: `⚠ ${w}` })),
    );
    // The row on screen may be an earlier element kept in place (keepUnchanged): rename the one holding the button.
    item.querySelector('button')?.addEventListener('click', (event) => rename(output, (event.currentTarget as HTMLElement).closest('li') ?? item));
    return item;
  }

  store.subscribe((state, previous) => {
    if (state.outputs !== previous.outputs || state.show !== previous.show || state.connection.status !== previous.connection.status) render();
  });
  // Re-checks the grace period and silence, so an output that stays behind or goes quiet is flagged without waiting for news.
  setInterval(render, BEHIND_GRACE_MS / 3);
  render();
}

/**
 * Puts `rows` in `list`, keeping every element whose markup is unchanged (a row, or a part of a row, of the same
 * output): the list is redrawn several times a second, and a button replaced under the mouse loses its click.
 */
function keepUnchanged(list: HTMLElement, rows: HTMLElement[]) {
  const old = new Map<string, HTMLElement>();
  for (const child of Array.from(list.children)) if (child instanceof HTMLElement && child.dataset.output) old.set(child.dataset.output, child);
  const next = rows.map((row) => {
    const kept = row.dataset.output ? old.get(row.dataset.output) : undefined;
    if (!kept || kept.children.length !== row.children.length) return row;
    for (const name of kept.getAttributeNames()) if (!row.hasAttribute(name)) kept.removeAttribute(name);
    for (const name of row.getAttributeNames()) if (kept.getAttribute(name) !== row.getAttribute(name)) kept.setAttribute(name, row.getAttribute(name)!);
    Array.from(row.children).forEach((part, i) => {
      const current = kept.children[i]!;
      if (current.outerHTML !== part.outerHTML) current.replaceWith(part);
    });
    return kept;
  });
  const same = next.length === list.children.length && next.every((row, i) => list.children[i] === row);
  if (!same) list.replaceChildren(...next);
}
