import { CrawlItemContent, type CrawlItem } from '../../protocol/crawlItem';
import { el } from '../element';
import { editorForm } from '../form/editorForm';
import { renderField, type FieldWidget } from '../form/fieldWidgets';
import { fieldsOf } from '../form/schemaFields';
import type { Outcome } from '../panelActions';

export type CrawlKind = CrawlItemContent['kind'];

/** How each kind of crawl item is named in the panel. */
export const CRAWL_KIND_TITLES: Record<CrawlKind, string> = { headline: 'Headline', social: 'Social post', result: 'Result' };

/** The form fields of each kind, generated from the CrawlItemContent schema (its kind is the choice above them). */
const FIELDS = Object.fromEntries(CrawlItemContent.options.map((option) => [option.shape.kind.value, fieldsOf(option).filter((field) => field.key !== 'kind')]));

/**
 * The crawl item form: a kind, then the fields of that kind generated from the CrawlItem schema with the
 * schema's messages beside each field. Nothing is sent while a field is wrong; a refusal from the hub is
 * shown in the form and what was typed stays. Snapshots never rebuild it: what is being typed is kept.
 */
export function createCrawlItemForm(options: { item: CrawlItem | null; save(content: CrawlItemContent): Promise<Outcome>; close(): void }) {
  const { item } = options;
  const title = item ? 'Edit crawl item' : 'New crawl item';
  const headingId = `crawl-form-${item?.id ?? 'new'}`;
  let kind: CrawlKind = item?.kind ?? 'headline';
  const kindSelect = el('select', { id: `${headingId}-kind`, name: 'kind' }, ...Object.entries(CRAWL_KIND_TITLES).map(([value, text]) => el('option', { value, text })));
  kindSelect.value = kind;
  const fieldsHost = el('div', { class: 'crawl-fields' });
  const shell = editorForm({
    id: headingId,
    title,
    className: 'crawl-form',
    saveText: item ? 'Save' : 'Add to crawl',
    fields: [el('div', { class: 'field' }, el('label', { for: kindSelect.id, text: 'Kind' }), kindSelect), fieldsHost],
    submit: () => void submit(),
    close: options.close,
  });
  const { form, formError } = shell;

  let widgets: { key: string; widget: FieldWidget }[] = [];
  const renderFields = (values: Record<string, unknown>) => {
    widgets = FIELDS[kind]!.map((field) => ({ key: field.key, widget: renderField(field, field.key, values[field.key]) }));
    fieldsHost.replaceChildren(...widgets.map((w) => w.widget.element));
  };
  renderFields((item ?? {}) as Record<string, unknown>);
  kindSelect.addEventListener('change', () => {
    // Whatever was typed in a field both kinds have (the text) carries over.
    const typed = read().values;
    kind = kindSelect.value as CrawlKind;
    renderFields(typed);
    if (validateLive) validate();
  });

  function read() {
    const values: Record<string, unknown> = {};
    const problems: [string, string][] = [];
    for (const { key, widget } of widgets) {
      const r = widget.read();
      if (r.value !== undefined) values[key] = r.value;
      problems.push(...r.problems);
    }
    return { values, problems };
  }

  let validateLive = false;
  function validate(): CrawlItemContent | null {
    const { values, problems } = read();
    const parsed = CrawlItemContent.safeParse({ kind, ...values });
    const errors = new Map(problems);
    if (!parsed.success) for (const issue of parsed.error.issues) if (!errors.has(issue.path.join('.'))) errors.set(issue.path.join('.'), issue.message);
    const shown = new Set(widgets.flatMap((w) => w.widget.showErrors(errors)));
    formError.textContent = [...errors].filter(([path]) => !shown.has(path)).map(([path, message]) => (path ? `${path}: ${message}` : message)).join('; ');
    if (errors.size === 0 && parsed.success) return parsed.data;
    widgets.find((w) => w.widget.showErrors(errors).length > 0)?.widget.focus();
    return null;
  }

  async function submit() {
    validateLive = true;
    const content = validate();
    if (!content) return;
    await shell.send(options.save(content));
  }
  form.addEventListener('input', () => {
    if (validateLive) validate();
  });
  form.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      void submit();
    }
  });
  queueMicrotask(() => (item ? widgets[0]?.widget.focus() : kindSelect.focus()));

  return {
    element: form,
    /** Says at once when another operator changed or removed the item being edited: the hub will refuse the save. */
    follow(current: CrawlItem | undefined) {
      if (!item) return;
      const changed = current === undefined ? 'removed' : JSON.stringify(current) !== JSON.stringify(item) ? 'changed' : null;
      shell.warn(
        changed === 'removed'
          ? 'Another operator removed this item from the crawl: saving will be refused. Copy what you need, then cancel.'
          : changed === 'changed'
            ? 'Another operator changed this item since you opened it: saving will be refused. Copy what you need, then cancel and reopen it.'
            : null,
      );
    },
  };
}
export type CrawlItemForm = ReturnType<typeof createCrawlItemForm>;
