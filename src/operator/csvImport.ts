import Papa from 'papaparse';
import { contractOf, type GraphicKind } from '../protocol/graphicSpec';
import { RundownItemInput } from '../protocol/rundownItem';
import { fieldsOf, valueFromText, type Field } from './form/schemaFields';

/** A row that was not imported: its line in the file and what is wrong, one sentence per field. */
export type RejectedRow = { line: number; problems: string[] };

export type CsvImport =
  | { ok: true; items: RundownItemInput[]; rejected: RejectedRow[]; ignoredColumns: string[] }
  /** The whole file was refused (nothing to import): no rows, a missing column, too many rows. */
  | { ok: false; error: string };

export const MAX_IMPORT_ROWS = 500;
/** Columns every kind accepts besides its props. */
const ITEM_COLUMNS = ['group', 'label'] as const;

type Column = { header: string; index: number; path: string[]; field: Field | null; optionalGroup: string | null };

/**
 * Turns a CSV file into rundown items of one graphic kind: each column named after one of the kind's props
 * (any case, spaces ignored; `best.time` for a nested one), plus optional `group` and `label` columns. Each
 * row is validated with the kind's own props schema, so this works for any kind; bad rows are reported by
 * line, good ones imported.
 */
export function importCsv(text: string, options: { kind: GraphicKind; group: string }): CsvImport {
  const contract = contractOf(options.kind);
  const leaves = leafFields(fieldsOf(contract.props));
  const rows = parseRows(text.replace(/^\uFEFF/, ''));
  const [header, ...body] = rows;
  if (header === undefined) return { ok: false, error: 'The file is empty: the first line must name the columns' };
  if (body.length === 0) return { ok: false, error: 'The file has column names but no rows' };
  if (body.length > MAX_IMPORT_ROWS) return { ok: false, error: `The file has ${body.length} rows; import at most ${MAX_IMPORT_ROWS} at once` };

  const columns: Column[] = [];
  const ignoredColumns: string[] = [];
  header.cells.forEach((cell, index) => {
    const name = normalise(cell);
    const leaf = leaves.find((l) => normalise(l.path.join('.')) === name);
    if (leaf) columns.push({ header: cell.trim(), index, path: leaf.path, field: leaf.field, optionalGroup: leaf.optionalGroup });
    else if ((ITEM_COLUMNS as readonly string[]).includes(name)) columns.push({ header: cell.trim(), index, path: [name], field: null, optionalGroup: null });
    else ignoredColumns.push(cell.trim());
  });
  const missing = leaves.filter((l) => l.required && !columns.some((c) => c.path.join('.') === l.path.join('.'))).map((l) => l.path.join('.'));
  if (missing.length > 0) {
    const optional = leaves.filter((l) => !l.required).map((l) => l.path.join('.'));
    return {
      ok: false,
      error: `The file has no ${plural(missing.length, 'column')} ${missing.join(', ')}: a ${contract.title.toLowerCase()} needs ${leaves
        .filter((l) => l.required)
        .map((l) => l.path.join('.'))
        .join(', ')}${optional.length > 0 ? ` and may have ${[...optional, ...ITEM_COLUMNS].join(', ')}` : ''}`,
    };
  }

  const items: RundownItemInput[] = [];
  const rejected: RejectedRow[] = [];
  for (const row of body) {
    if (row.cells.length !== header.cells.length) {
      rejected.push({ line: row.line, problems: [`has ${row.cells.length} ${plural(row.cells.length, 'value')}; the header has ${header.cells.length} columns`] });
      continue;
    }
    const problems: string[] = [];
    const props: Record<string, unknown> = {};
    let group = options.group;
    let label: string | undefined;
    // An optional group (an athlete's best) left empty in a row is absent, not a group of empty fields.
    const filledGroups = new Set(columns.filter((c) => c.optionalGroup !== null && row.cells[c.index]!.trim() !== '').map((c) => c.optionalGroup));
    for (const column of columns) {
      const cell = row.cells[column.index]!;
      if (column.optionalGroup !== null && !filledGroups.has(column.optionalGroup)) continue;
      if (column.field === null) {
        if (column.path[0] === 'group' && cell.trim()) group = cell;
        if (column.path[0] === 'label' && cell.trim()) label = cell;
        continue;
      }
      const read = valueFromText(column.field, cell);
      if ('error' in read) problems.push(`${column.header}: ${read.error}`);
      else if (read.value !== undefined) setPath(props, column.path, read.value);
    }
    const parsed = RundownItemInput.safeParse({ group, ...(label ? { label } : {}), graphic: { kind: options.kind, props } });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String);
        const where = path[0] === 'graphic' ? (columns.find((c) => c.path.join('.') === path.slice(2).join('.'))?.header ?? path.slice(2).join('.')) : path.join('.');
        problems.push(where ? `${where}: ${issue.message}` : issue.message);
      }
    }
    if (problems.length > 0) rejected.push({ line: row.line, problems });
    else if (parsed.success) items.push(parsed.data);
  }
  return { ok: true, items, rejected, ignoredColumns };
}

/** `optionalGroup`: the path of the outermost optional group the field is in (`best`), or null. */
type Leaf = { path: string[]; field: Field; required: boolean; optionalGroup: string | null };

/** Every field a CSV cell can fill: top-level ones, and those inside nested groups as `parent.child`. */
function leafFields(fields: Field[], prefix: string[] = [], parentRequired = true, optionalGroup: string | null = null): Leaf[] {
  return fields.flatMap((field) =>
    field.type === 'group'
      ? leafFields(field.fields, [...prefix, field.key], parentRequired && field.required, optionalGroup ?? (field.required ? null : [...prefix, field.key].join('.')))
      : [{ path: [...prefix, field.key], field, required: parentRequired && field.required, optionalGroup }],
  );
}

/** Rows with the line each starts on (a quoted value may span lines); blank lines are skipped. */
function parseRows(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    step(result) {
      let first = start;
      while (first < text.length && /\s/.test(text[first]!)) first++;
      const line = 1 + (text.slice(0, first).match(/\r\n|\r|\n/g)?.length ?? 0);
      rows.push({ line, cells: result.data });
      start = result.meta.cursor;
    },
  });
  return rows;
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown) {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}

function plural(n: number, word: string) {
  return n === 1 ? word : `${word}s`;
}
