import type { ShowState } from '../state/showState';
import type { Editor, PanelState, PanelStore } from './panelStore';
import { youHadTyped } from './youHadTyped';

/** A form's fields as typed, by input name. */
export type FormValues = Record<string, string | boolean>;

/** What one panel keeps across a reload (sessionStorage: this tab only), per show. */
type Place = {
  showName: string | null;
  cueId: string | null;
  raceId: string | null;
  editor: Editor;
  crawlForm?: PanelState['crawlForm'];
  entrantForm?: PanelState['entrantForm'];
  racesEditor?: PanelState['racesEditor'];
  forms: Record<string, FormValues>;
};

/**
 * Keeps this panel's place across a reload: the cue, the selected race, the item being edited, the crawl item
 * form, the entrant form and the races editor open, and every draft typed into the item form, the crawl item form,
 * the entrant form, the races editor and race control's forms
 * (sessionStorage, keyed per panel with `?panel=`, so two panels in one browser keep their own). Auto-advance is a setting and lives in localStorage. While a
 * draft is unsent, leaving the page asks first. Another show opened (its name changes) starts from nothing
 * cued, so Space cannot take an item of the new show that happens to share an id with the old cue.
 */
export function rememberPanel(store: PanelStore, panelName: string, roots: { editor: HTMLElement; races: HTMLElement; crawl: HTMLElement; entrants: HTMLElement }) {
  const key = `finishline.panel.${panelName}`;
  const settingKey = `${key}.autoAdvance`;
  const saved = read(key);
  let forms: Record<string, FormValues> = saved?.forms ?? {};
  const filled = new WeakSet<HTMLFormElement>();
  /** Each form's fields as it opened (before a draft was put back): what an operator typed is what differs. */
  const openedWith = new WeakMap<HTMLFormElement, FormValues>();
  store.setState({ autoAdvance: localStorage.getItem(settingKey) === 'on', raceId: saved?.raceId ?? null });

  // A form's key is fixed when it is first seen: the item form belongs to the item it was opened for. The races
  // editor's one form is not made again for each race, so it belongs to the race it is on now.
  const keys = new WeakMap<HTMLFormElement, string | null>();
  /** The forms that belong to one thing (the item form, the crawl item form, the entrant form, the races editor's): the key of the one open now. */
  const openKey = {
    item: () => `item:${JSON.stringify(store.getState().editor)}`,
    crawl: () => `crawl:${JSON.stringify(store.getState().crawlForm)}`,
    entrant: () => `entrant:${JSON.stringify(store.getState().entrantForm)}`,
    races: () => `races:${JSON.stringify(store.getState().racesEditor)}`,
  };
  let racesEditorRoot: HTMLElement | null = null;
  const keyOf = (form: HTMLFormElement): string | null => {
    if (roots.editor.contains(form)) return openKey.item();
    if (roots.crawl.contains(form)) return form.closest('.crawl-form-host') ? openKey.crawl() : null;
    if (roots.entrants.contains(form)) return form.closest('.entrant-form-host') ? openKey.entrant() : null;
    return roots.races.contains(form) ? `race:${form.getAttribute('aria-label')}` : null;
  };
  const formKey = (form: HTMLFormElement): string | null => {
    if (racesEditorRoot?.contains(form)) return openKey.races();
    if (!keys.has(form)) keys.set(form, keyOf(form));
    return keys.get(form)!;
  };
  /** A form that belongs to one thing and is no longer the one open. */
  const closed = (k: string) => Object.entries(openKey).some(([thing, current]) => k.startsWith(`${thing}:`) && k !== current());

  const write = () => {
    const { show, cueId, raceId, editor, crawlForm, entrantForm, racesEditor } = store.getState();
    const place: Place = { showName: show?.name ?? saved?.showName ?? null, cueId, raceId, editor, crawlForm, entrantForm, racesEditor, forms };
    sessionStorage.setItem(key, JSON.stringify(place));
  };

  const openForms = (state: PanelState) => JSON.stringify([state.editor, state.crawlForm, state.entrantForm, state.racesEditor]);
  let lastOpen = openForms(store.getState());
  let lastAdvance = store.getState().autoAdvance;
  store.subscribe((state) => {
    const open = openForms(state);
    if (open !== lastOpen) {
      lastOpen = open;
      forms = Object.fromEntries(Object.entries(forms).filter(([k]) => !closed(k)));
    }
    if (state.autoAdvance !== lastAdvance) {
      lastAdvance = state.autoAdvance;
      localStorage.setItem(settingKey, state.autoAdvance ? 'on' : 'off');
    }
    write();
  });

  function watch(root: HTMLElement) {
    const remember = (event: Event) => {
      const form = (event.target as HTMLElement).closest('form');
      const k = form && formKey(form);
      // A form on its way out (its focused field removed fires a last change) no longer has a draft to keep.
      if (!form || !k || closed(k)) return;
      if (event.type === 'reset') delete forms[k];
      else forms[k] = valuesOf(form);
      write();
    };
    root.addEventListener('input', remember);
    root.addEventListener('change', remember);
    root.addEventListener('reset', remember, true);
    // Forms are built when their race is selected or their item opened: fill each one once with its draft.
    new MutationObserver(() => {
      for (const form of root.querySelectorAll('form')) {
        if (filled.has(form)) continue;
        filled.add(form);
        openedWith.set(form, valuesOf(form));
        const k = formKey(form);
        if (k && forms[k]) fill(form, forms[k]);
      }
    }).observe(root, { childList: true, subtree: true });
  }
  for (const root of Object.values(roots)) watch(root);

  window.addEventListener('beforeunload', (event) => {
    if (!hasDraft()) return;
    event.preventDefault();
    event.returnValue = ''; // older Chromium needs it set to ask
  });

  /** ` You had typed: Role “…”, Bib “…”.` for every field of an open form typed since it opened, or ''. */
  function typedInForms(): string {
    const roots_ = [...Object.values(roots), ...(racesEditorRoot ? [racesEditorRoot] : [])];
    return roots_
      .flatMap((root) => [...root.querySelectorAll('form')])
      .map((form) => {
        const k = formKey(form);
        // Only the forms of one thing (item, crawl item, entrant, race) close with the show.
        if (!k || !forms[k] || !Object.keys(openKey).some((thing) => k.startsWith(`${thing}:`))) return '';
        const labels: Record<string, string> = {};
        for (const element of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input[name], textarea[name], select[name]')) {
          labels[element.name] = element.labels?.[0]?.textContent?.trim() || element.getAttribute('aria-label') || element.name;
        }
        const opened = openedWith.get(form);
        return youHadTyped(valuesOf(form), labels, opened && Object.fromEntries(Object.entries(opened).map(([name, v]) => [name, String(v)])));
      })
      .join('');
  }

  function hasDraft(): boolean {
    return Object.values(forms).some((values) => Object.values(values).some((v) => v !== '' && v !== false));
  }

  return {
    hasDraft,
    /** What was typed in the crawl item form open now (after a reload: before it is filled in again), if anything. */
    crawlDraft: (): FormValues | undefined => forms[openKey.crawl()],
    /** What was typed in the entrant form open now, the same way. */
    entrantDraft: (): FormValues | undefined => forms[openKey.entrant()],
    /** What was typed in the races editor's form now, the same way. */
    racesEditorDraft: (): FormValues | undefined => forms[openKey.races()],
    /** Keeps the races editor's form too (its dialog is made after the panel's memory). */
    watchRacesEditor(dialog: HTMLElement) {
      racesEditorRoot = dialog;
      watch(dialog);
    },
    /**
     * Where this panel stands in a show: after a reload, as it was left; for the first show it sees, the first
     * item cued; after another show was opened, nothing cued and no form open.
     */
    placeIn(show: ShowState, previous: ShowState | null): Partial<PanelState> {
      const has = (id: string | null | undefined) => id != null && show.rundown.some((item) => item.id === id);
      if (previous === null && saved && saved.showName === show.name) {
        const editor = saved.editor?.mode === 'edit' && !has(saved.editor.itemId) ? null : saved.editor;
        // The crawl editor and the entrant editor open their form again, or forget it (and say so) when its thing is gone.
        return { cueId: has(saved.cueId) ? saved.cueId : null, editor, crawlForm: saved.crawlForm ?? null, entrantForm: saved.entrantForm ?? null, racesEditor: saved.racesEditor ?? null };
      }
      if (previous === null && !saved) return { cueId: show.rundown[0]?.id ?? null };
      if (previous === null || previous.name !== show.name) {
        const typed = previous === null ? '' : typedInForms();
        forms = {};
        const told = typed ? { notice: { text: `Another show was opened (${show.name}), so the forms you had open were closed.${typed}`, tone: 'error' as const } } : {};
        return { cueId: null, editor: null, crawlForm: null, entrantForm: null, racesEditor: null, raceId: null, ...told };
      }
      return {};
    },
  };
}

function read(key: string): Place | null {
  try {
    const text = sessionStorage.getItem(key);
    return text ? (JSON.parse(text) as Place) : null;
  } catch {
    return null; // a damaged entry is a fresh start, not a broken panel
  }
}

function valuesOf(form: HTMLFormElement): FormValues {
  const values: FormValues = {};
  for (const element of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input[name], textarea[name], select[name]')) {
    values[element.name] = element instanceof HTMLInputElement && element.type === 'checkbox' ? element.checked : element.value;
  }
  return values;
}

/** Puts a draft back, the kind first (it decides which fields exist), then tells the form it changed. */
function fill(form: HTMLFormElement, values: FormValues) {
  const kind = form.querySelector<HTMLSelectElement>('select[name="kind"]');
  if (kind && typeof values.kind === 'string' && kind.value !== values.kind) {
    kind.value = values.kind;
    kind.dispatchEvent(new Event('change', { bubbles: true }));
  }
  for (const element of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input[name], textarea[name], select[name]')) {
    const value = values[element.name];
    if (value === undefined || element.name === 'kind') continue;
    if (element instanceof HTMLInputElement && element.type === 'checkbox') element.checked = value === true;
    else element.value = String(value);
  }
  form.dispatchEvent(new Event('input', { bubbles: true }));
}
