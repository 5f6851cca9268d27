import { el } from './element';
import { modal } from './dialogs';

/** One row of the hub's as-run log (GET /api/asrun), as the panel lists it. */
type AsRunRow = { revision: number; at: number; action: string; layer: string; item: string; kind: string; text: string; by: string; drawn: Record<string, number>; drawnMore?: number };

const time = (ms: number) => new Date(ms).toLocaleTimeString(undefined, { hour12: false }) + `.${String(ms % 1000).padStart(3, '0')}`;

/**
 * The as-run log: today's takes, updates and clears, newest first, with who sent each and when each output
 * first drew it. The filter keeps rows whose item or text contains it (the hub does the filtering, as for the CSV).
 */
export function createAsRunView() {
  const { dialog, body } = modal('As-run log (today)', 'as-run');
  const filter = el('input', { id: 'as-run-filter', type: 'search', autocomplete: 'off', placeholder: 'item or text' });
  const csv = el('a', { text: 'Download CSV', href: '/api/asrun.csv' });
  const message = el('p', { class: 'form-error', role: 'alert' });
  const table = el('table', { class: 'as-run', 'aria-label': 'As-run log' });
  body.append(el('div', { class: 'inline-form' }, el('label', { for: 'as-run-filter', text: 'Filter' }), filter, csv), message, table);

  async function refresh() {
    const query = filter.value.trim() ? `?item=${encodeURIComponent(filter.value.trim())}` : '';
    csv.href = `/api/asrun.csv${query}`;
    const response = await fetch(`/api/asrun${query}`).catch((error: Error) => error);
    if (response instanceof Error || !response.ok) {
      message.textContent = `The as-run log could not be read: ${response instanceof Error ? response.message : response.status}`;
      return;
    }
    message.textContent = '';
    const { entries } = (await response.json()) as { entries: AsRunRow[] };
    const head = el('tr', {}, ...['Time', 'Action', 'Layer', 'Item', 'Shown', 'By', 'Drawn'].map((t) => el('th', { text: t })));
    const rows = entries.reverse().map((e) => {
      const drawn = [...Object.entries(e.drawn).map(([output, at]) => `${output} ${time(at)}`), ...(e.drawnMore ? [`and ${e.drawnMore} more outputs`] : [])].join(', ');
      return el('tr', { 'data-revision': String(e.revision) }, ...[time(e.at), e.action, e.layer, e.item, [e.kind, e.text].filter(Boolean).join(': '), e.by, drawn || '—'].map((t) => el('td', { text: t })));
    });
    table.replaceChildren(head, ...rows);
    if (rows.length === 0) table.append(el('tr', {}, el('td', { class: 'muted', colspan: 7, text: filter.value ? 'Nothing matches the filter today.' : 'Nothing has gone to air today.' })));
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  filter.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void refresh(), 200);
  });

  return {
    async open() {
      dialog.showModal();
      await refresh();
    },
  };
}
