import { contractOf, GRAPHIC_KINDS, type GraphicKind } from '../../protocol/graphicSpec';
import { showRefusal } from '../formRefusal';
import { itemTitle, RundownItemInput, type RundownItem } from '../../protocol/rundownItem';
import { el } from '../element';
import type { PanelActions } from '../panelActions';
import type { PanelStore } from '../panelStore';
import { layersOnAir } from '../rundownOrder';
import { renderField, type FieldWidget } from './fieldWidgets';
import { fieldsOf, type Field } from './schemaFields';

const GROUP_FIELD: Field = { key: 'group', label: 'Group', required: true, type: 'text', maxLength: 60, multiline: false };
const AUTO_OUT_FIELD: Field = { key: 'autoOutS', label: 'Auto out after (seconds)', required: false, type: 'number', integer: true, min: 1, max: 3600, description: 'optional; once taken, it goes out by itself' };
const LABEL_FIELD: Field = { key: 'label', label: 'Label', required: false, type: 'text', maxLength: 80, multiline: false, description: 'optional; the rundown shows the first text otherwise' };

/**
 * The item form: group, label and the kind's props, with fields generated from the kind's props schema and
 * messages from the same schema beside each field. Nothing is sent while any field is wrong. The form is
 * rebuilt only when a different item is opened, so snapshots from the hub never wipe what is being typed.
 */
export function mountItemForm(host: HTMLElement, store: PanelStore, actions: PanelActions) {
  let openKey = '';
  let warning: HTMLElement | null = null;
  // Follow the item going on and off air while the form is open.
  let onAirMarks: { badge: HTMLElement; button: HTMLElement } | null = null;

  store.subscribe((state) => {
    const key = JSON.stringify(state.editor);
    if (key !== openKey) {
      openKey = key;
      render();
    }
    showStale();
    showOnAir();
  });
  render();

  function render() {
    const { editor, show } = store.getState();
    warning = null;
    onAirMarks = null;
    if (store.getState().draft) store.setState({ draft: null });
    if (!editor || !show) {
      host.replaceChildren(el('h2', { id: 'editor-heading', text: 'Item' }), el('p', { class: 'muted', text: 'Cue an item and press E to edit it, or N for a new one.' }));
      return;
    }
    const item = editor.mode === 'edit' ? (show.rundown.find((i) => i.id === editor.itemId) ?? null) : null;
    if (editor.mode === 'edit' && !item) {
      store.setState({ editor: null });
      return;
    }
    host.replaceChildren(buildForm(item));
  }

  function buildForm(item: RundownItem | null): HTMLElement {
    const builtFor = openKey;
    const show = store.getState().show!;
    let kind: GraphicKind = item?.graphic.kind ?? store.getState().show?.rundown.find((i) => i.id === store.getState().cueId)?.graphic.kind ?? GRAPHIC_KINDS[0].kind;
    const cuedGroup = show.rundown.find((i) => i.id === store.getState().cueId)?.group;
    const group = renderField(GROUP_FIELD, 'group', item?.group ?? cuedGroup ?? '');
    const label = renderField(LABEL_FIELD, 'label', item?.label);
    const autoOut = renderField(AUTO_OUT_FIELD, 'autoOutS', item?.autoOutS);
    const groupInput = group.element.querySelector('input')!;
    const groups = el('datalist', { id: 'rundown-groups' }, ...[...new Set(show.rundown.map((i) => i.group))].map((g) => el('option', { value: g })));
    groupInput.setAttribute('list', 'rundown-groups');

    const propsHost = el('fieldset', { class: 'props' });
    let props: { key: string; widget: FieldWidget }[] = [];
    const renderProps = (initial: Record<string, unknown> | undefined) => {
      const contract = contractOf(kind);
      props = fieldsOf(contract.props).map((field) => ({ key: field.key, widget: renderField(field, `props.${field.key}`, initial?.[field.key]) }));
      propsHost.replaceChildren(el('legend', { text: contract.title }), ...props.map((p) => p.widget.element));
    };
    renderProps(item?.graphic.props as Record<string, unknown> | undefined);

    let kindRow: HTMLElement;
    if (item) {
      kindRow = el('p', { class: 'kind', text: `Kind: ${contractOf(kind).title}` });
    } else {
      const select = el('select', { id: 'item-kind', name: 'kind' }, ...GRAPHIC_KINDS.map((c) => el('option', { value: c.kind, text: c.title })));
      select.value = kind;
      select.addEventListener('change', () => {
        kind = select.value as GraphicKind;
        renderProps(undefined);
      });
      kindRow = el('div', { class: 'field' }, el('label', { for: 'item-kind', text: 'Kind' }), select);
    }

    const formError = el('p', { class: 'form-error', role: 'alert' });
    warning = el('div', { class: 'stale', hidden: true });
    const save = el('button', { type: 'submit', class: 'primary', text: 'Save' });
    const saveAndUpdate = item ? el('button', { type: 'button', class: 'take', text: 'Save and update on air', hidden: true }) : null;
    const cancel = el('button', { type: 'button', text: 'Cancel' });
    const heading = el('h2', { id: 'editor-heading', text: item ? `Edit “${itemTitle(item)}”` : 'New item' });
    if (item && saveAndUpdate) {
      const badge = el('span', { class: 'badge pgm', text: 'ON AIR', hidden: true });
      heading.append(' ', badge);
      onAirMarks = { badge, button: saveAndUpdate };
      queueMicrotask(showOnAir);
    }
    const form = el(
      'form',
      { 'aria-labelledby': 'editor-heading', novalidate: true, class: 'item-form' },
      warning,
      kindRow,
      group.element,
      groups,
      label.element,
      propsHost,
      autoOut.element,
      formError,
      el('div', { class: 'buttons' }, save, saveAndUpdate, cancel),
    );

    let validateLive = false;
    const widgets = () => [group, label, ...props.map((p) => p.widget), autoOut];

    /** Reads every field as it stands, without marking any: the candidate item and what is wrong with it. */
    function readForm() {
      const problems: [string, string][] = [];
      const read = (w: FieldWidget) => {
        const r = w.read();
        problems.push(...r.problems);
        return r.value;
      };
      const propValues: Record<string, unknown> = {};
      for (const { key, widget } of props) {
        const value = read(widget);
        if (value !== undefined) propValues[key] = value;
      }
      const groupValue = read(group);
      const labelValue = read(label);
      const autoOutValue = read(autoOut);
      const candidate = {
        group: groupValue ?? '',
        ...(typeof labelValue === 'string' && labelValue.trim() ? { label: labelValue } : {}),
        graphic: { kind, props: propValues },
        ...(autoOutValue !== undefined ? { autoOutS: autoOutValue } : {}),
      };
      return { parsed: RundownItemInput.safeParse(candidate), problems };
    }

    /** Draws the form's item in PVW as it is typed (the last readable version while a field is wrong). */
    function drawDraft() {
      // Closed or another item opened: a last change event on the way out (the focused field removed) draws nothing.
      if (!form.isConnected || JSON.stringify(store.getState().editor) !== builtFor) return;
      const { parsed, problems } = readForm();
      if (!parsed.success || problems.length > 0) return;
      store.setState({ draft: { title: `${item ? 'editing' : 'new'} “${itemTitle(parsed.data)}”`, graphics: [parsed.data.graphic] } });
    }

    function validate(): RundownItemInput | null {
      const { parsed, problems } = readForm();
      const errors = new Map(problems);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const path = issue.path.map(String);
          const key = path[0] === 'graphic' ? (path[1] === 'props' ? ['props', ...path.slice(2)].join('.') : 'kind') : path.join('.');
          if (!errors.has(key)) errors.set(key, issue.message);
        }
      }
      const shown = new Set(widgets().flatMap((w) => w.showErrors(errors)));
      const rest = [...errors].filter(([path]) => !shown.has(path)).map(([path, message]) => (path ? `${path}: ${message}` : message));
      formError.textContent = rest.join('; ');
      if (errors.size === 0 && parsed.success) return parsed.data;
      const first = widgets().find((w) => w.showErrors(errors).length > 0);
      first?.focus();
      return null;
    }

    async function submit(thenUpdate: boolean) {
      validateLive = true;
      const input = validate();
      if (!input) return;
      const outcome = await actions.saveItem(input);
      if (!outcome.ok) return showRefusal(formError, outcome);
      const saved = store.getState().show?.rundown.find((i) => (item ? i.id === item.id : i.revision === outcome.revision));
      store.setState({ editor: null, ...(saved ? { cueId: saved.id } : {}) });
      if (thenUpdate && saved) {
        const layer = layersOnAir(store.getState().show!, saved.id)[0];
        if (layer) await actions.send({ type: 'update', layer, graphic: saved.graphic, itemId: saved.id }, `Saved and updated ${layer} on air`);
      }
    }

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void submit(false);
    });
    form.addEventListener('input', () => {
      if (validateLive) validate();
      drawDraft();
    });
    form.addEventListener('change', drawDraft);
    form.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && (event.key === 's' || event.key === 'Enter')) {
        event.preventDefault();
        void submit(false);
      }
    });
    saveAndUpdate?.addEventListener('click', () => void submit(true));
    cancel.addEventListener('click', () => store.setState({ editor: null }));
    queueMicrotask(() => {
      (item ? props[0]?.widget : group)?.focus();
      drawDraft();
    });
    return el('div', {}, heading, form);
  }

  /** Offers "Save and update on air" exactly while the item being edited is on air. */
  function showOnAir() {
    const { editor, show } = store.getState();
    if (!onAirMarks || editor?.mode !== 'edit' || !show) return;
    const onAir = layersOnAir(show, editor.itemId).length > 0;
    onAirMarks.badge.hidden = !onAir;
    onAirMarks.button.hidden = !onAir;
  }

  /** Says at once when another operator changed or deleted the item being edited. */
  function showStale() {
    const { editor, show } = store.getState();
    if (!warning || editor?.mode !== 'edit' || !show) return;
    const item = show.rundown.find((i) => i.id === editor.itemId);
    const changed = !item || item.revision !== editor.itemRevision;
    if (warning.hidden !== changed) return;
    warning.hidden = !changed;
    if (!changed) return;
    const text = item
      ? 'Another operator changed this item since you opened it: saving will be refused. Your edits are still here; load their version to start again from it.'
      : 'Another operator deleted this item: saving will be refused. Copy what you need, then cancel.';
    const reload = item ? el('button', { type: 'button', text: 'Load their version' }) : null;
    reload?.addEventListener('click', () => store.setState({ editor: { mode: 'edit', itemId: item!.id, itemRevision: item!.revision } }));
    warning.replaceChildren(el('p', { role: 'alert', text }), ...(reload ? [reload] : []));
  }
}
