import { decodeTextFile } from '../protocol/decodeTextFile';
import { contractOf, GRAPHIC_KINDS, type GraphicKind } from '../protocol/graphicSpec';
import { importCsv, type CsvImport } from './csvImport';
import { el } from './element';
import { modal } from './dialogs';
import type { PanelActions } from './panelActions';

/** Commands travel in one WebSocket frame, which the hub caps at 64 KiB. */
const MAX_COMMAND_BYTES = 64 * 1024 - 512;

/**
 * CSV import: pick a kind, a group and a file; the report lists every rejected row by line, and only then
 * does "Import" send the accepted rows, as one command.
 */
export function createCsvImportView(actions: PanelActions) {
  const { dialog, body } = modal('Import from CSV', 'csv-import');
  const kind = el('select', { id: 'import-kind' }, ...GRAPHIC_KINDS.map((c) => el('option', { value: c.kind, text: c.title })));
  const group = el('input', { id: 'import-group', autocomplete: 'off', maxlength: 60, value: 'Commentators' });
  const file = el('input', { id: 'import-file', type: 'file', accept: '.csv,text/csv' });
  const report = el('div', { class: 'import-report', role: 'region', 'aria-label': 'Import report' });
  const send = el('button', { type: 'button', class: 'primary', text: 'Import', disabled: true });
  body.append(
    el('p', { class: 'muted', text: 'The first line names the columns: the kind’s fields (for a name card: name, role, quote), and optionally group and label.' }),
    el('div', { class: 'field' }, el('label', { for: 'import-kind', text: 'Kind' }), kind),
    el('div', { class: 'field' }, el('label', { for: 'import-group', text: 'Group' }), group),
    el('div', { class: 'field' }, el('label', { for: 'import-file', text: 'CSV file' }), file),
    report,
    send,
  );
  let text: string | null = null;
  /** How a file that is not UTF-8 was read (decodeTextFile), shown above the report. */
  let note: string | null = null;
  let result: CsvImport | null = null;

  function analyse() {
    result = text === null ? (note === null ? null : { ok: false, error: note }) : importCsv(text, { kind: kind.value as GraphicKind, group: group.value.trim() || contractOf(kind.value as GraphicKind).title });
    send.disabled = !(result?.ok && result.items.length > 0);
    send.textContent = result?.ok ? `Import ${result.items.length} ${result.items.length === 1 ? 'item' : 'items'}` : 'Import';
    if (!result) return report.replaceChildren();
    if (!result.ok) return report.replaceChildren(el('p', { class: 'form-error', role: 'alert', text: result.error }));
    const rejected = result.rejected;
    report.replaceChildren(
      ...[
      text !== null && note ? el('p', { class: 'warning', text: note }) : null,
      el('p', { text: `${result.items.length} ${result.items.length === 1 ? 'row is' : 'rows are'} ready to import; ${rejected.length} ${rejected.length === 1 ? 'row was' : 'rows were'} rejected.` }),
      result.ignoredColumns.length > 0 ? el('p', { class: 'warning', text: `Ignored columns (not fields of this kind): ${result.ignoredColumns.join(', ')}` }) : null,
      rejected.length > 0 ? el('ul', { class: 'rejected', 'aria-label': 'Rejected rows' }, ...rejected.map((r) => el('li', { text: `Line ${r.line}: ${r.problems.join('; ')}` }))) : null,
      ].filter((node) => node !== null),
    );
  }

  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    const decoded = chosen ? decodeTextFile(new Uint8Array(await chosen.arrayBuffer())) : null;
    text = decoded?.ok ? decoded.text : null;
    note = decoded === null ? null : decoded.ok ? (decoded.note ?? null) : decoded.error;
    analyse();
  });
  kind.addEventListener('change', analyse);
  group.addEventListener('input', analyse);
  send.addEventListener('click', async () => {
    if (!result?.ok || result.items.length === 0) return;
    const command = { type: 'rundown.import', items: result.items };
    const bytes = new TextEncoder().encode(JSON.stringify(command)).length;
    if (bytes > MAX_COMMAND_BYTES) {
      actions.tell(`These ${result.items.length} rows make a ${Math.ceil(bytes / 1024)} kB import; the hub takes at most 64 kB at once: split the file`, 'error');
      return;
    }
    const outcome = await actions.send(command, `Imported ${result.items.length} items into the rundown`);
    if (outcome.ok) dialog.close();
    else report.prepend(el('p', { class: 'form-error', role: 'alert', text: outcome.error }));
  });

  return {
    open() {
      file.value = '';
      text = null;
      note = null;
      analyse();
      dialog.showModal();
    },
  };
}
