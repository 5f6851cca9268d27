import { el } from '../element';
import { valueFromText, type Field } from './schemaFields';

/**
 * A rendered field: reads its value (or says why it cannot) and shows messages beside itself. Paths are
 * keys joined with dots, relative to the props (`best.time`, `splits.2`).
 */
export type FieldWidget = {
  element: HTMLElement;
  read(): { value: unknown; problems: [string, string][] };
  /** Shows the messages whose path is this field's (or inside it); returns the paths it showed. */
  showErrors(errors: Map<string, string>): string[];
  focus(): void;
};

let nextId = 0;

export function renderField(field: Field, path: string, initial: unknown): FieldWidget {
  switch (field.type) {
    case 'group':
      return renderGroup(field, path, initial);
    case 'list':
      return renderList(field, path, initial);
    default:
      return renderLeaf(field, path, initial);
  }
}

function renderLeaf(field: Exclude<Field, { type: 'group' | 'list' }>, path: string, initial: unknown): FieldWidget {
  const id = `field-${++nextId}`;
  const errorId = `${id}-error`;
  const start = initial !== undefined ? initial : 'default' in field ? field.default : undefined;
  let input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  const common = { id, name: path, 'aria-describedby': errorId, autocomplete: 'off' };
  switch (field.type) {
    case 'text':
      input = field.multiline ? el('textarea', { ...common, rows: 3 }) : el('input', { ...common, type: 'text' });
      if (field.maxLength !== undefined) input.setAttribute('data-max', String(field.maxLength));
      input.value = typeof start === 'string' ? start : '';
      break;
    case 'number':
      input = el('input', { ...common, type: 'text', inputmode: field.integer ? 'numeric' : 'decimal' });
      input.value = typeof start === 'number' ? String(start) : '';
      break;
    case 'choice': {
      const select = el('select', common);
      if (!field.required) select.append(el('option', { value: '', text: '—' }));
      for (const option of field.options) select.append(el('option', { value: String(option), text: String(option) }));
      select.value = start === undefined ? '' : String(start);
      input = select;
      break;
    }
    case 'boolean': {
      const box = el('input', { ...common, type: 'checkbox' });
      box.checked = start === true;
      input = box;
      break;
    }
    default:
      input = el('textarea', { ...common, rows: 3, spellcheck: 'false' });
      input.value = start === undefined ? '' : JSON.stringify(start, null, 2);
  }
  if (field.required) input.setAttribute('aria-required', 'true');
  const error = el('p', { id: errorId, class: 'field-error' });
  const hint = field.description ? el('span', { class: 'hint', text: field.description }) : null;
  const label = el('label', { for: id, text: field.label });
  const element = el('div', { class: `field field-${field.type}` }, label, hint, input, error);
  return {
    element,
    read() {
      if (input instanceof HTMLInputElement && input.type === 'checkbox') return { value: input.checked, problems: [] };
      const read = valueFromText(field, input.value);
      return 'error' in read ? { value: undefined, problems: [[path, read.error]] } : { value: read.value, problems: [] };
    },
    showErrors(errors) {
      const message = errors.get(path) ?? '';
      error.textContent = message;
      input.setAttribute('aria-invalid', message ? 'true' : 'false');
      return message ? [path] : [];
    },
    focus: () => input.focus(),
  };
}

function renderGroup(field: Extract<Field, { type: 'group' }>, path: string, initial: unknown): FieldWidget {
  const values = (initial && typeof initial === 'object' ? initial : {}) as Record<string, unknown>;
  const children = field.fields.map((child) => ({ key: child.key, widget: renderField(child, join(path, child.key), values[child.key]) }));
  const error = el('p', { class: 'field-error' });
  const element = el('fieldset', { class: 'field-group' }, el('legend', { text: field.label }), ...children.map((c) => c.widget.element), error);
  return {
    element,
    read() {
      const value: Record<string, unknown> = {};
      const problems: [string, string][] = [];
      for (const { key, widget } of children) {
        const read = widget.read();
        if (read.value !== undefined) value[key] = read.value;
        problems.push(...read.problems);
      }
      return { value, problems };
    },
    showErrors(errors) {
      error.textContent = errors.get(path) ?? '';
      return [...(errors.has(path) ? [path] : []), ...children.flatMap((c) => c.widget.showErrors(errors))];
    },
    focus: () => children[0]?.widget.focus(),
  };
}

function renderList(field: Extract<Field, { type: 'list' }>, path: string, initial: unknown): FieldWidget {
  const rows: { widget: FieldWidget; element: HTMLElement }[] = [];
  const list = el('ol', { class: 'field-list' });
  const error = el('p', { class: 'field-error' });
  const add = el('button', { type: 'button', text: `Add ${field.label.toLowerCase()}` });
  const renumber = () => {
    const values = rows.map((row) => row.widget.read().value);
    rows.splice(0).forEach((row) => row.element.remove());
    values.forEach((value) => addRow(value));
  };
  function addRow(value: unknown) {
    const index = rows.length;
    const widget = renderField({ ...field.item, label: `${field.label} ${index + 1}` }, join(path, String(index)), value);
    const remove = el('button', { type: 'button', class: 'small', text: 'Remove', 'aria-label': `Remove ${field.label.toLowerCase()} ${index + 1}` });
    const element = el('li', {}, widget.element, remove);
    remove.addEventListener('click', () => {
      rows.splice(rows.indexOf(row), 1);
      element.remove();
      renumber();
    });
    const row = { widget, element };
    rows.push(row);
    list.append(element);
  }
  for (const value of Array.isArray(initial) ? initial : []) addRow(value);
  add.addEventListener('click', () => addRow(undefined));
  const element = el('fieldset', { class: 'field-group' }, el('legend', { text: field.label }), list, add, error);
  return {
    element,
    read() {
      const reads = rows.map((row) => row.widget.read());
      return { value: reads.map((r) => r.value), problems: reads.flatMap((r) => r.problems) };
    },
    showErrors(errors) {
      error.textContent = errors.get(path) ?? '';
      return [...(errors.has(path) ? [path] : []), ...rows.flatMap((row) => row.widget.showErrors(errors))];
    },
    focus: () => (rows[0]?.widget ?? { focus: () => add.focus() }).focus(),
  };
}

function join(path: string, key: string) {
  return path ? `${path}.${key}` : key;
}
