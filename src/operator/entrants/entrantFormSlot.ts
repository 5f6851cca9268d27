import { shownName, type Entrant } from '../../protocol/entrant';
import type { Race } from '../../protocol/race';
import type { ShowState } from '../../state/showState';
import type { FormValues } from '../panelMemory';
import type { PanelActions } from '../panelActions';
import { canControl, type PanelState, type PanelStore } from '../panelStore';
import { notReopenedText } from './entrantDraft';
import { createEntrantForm, type EntrantForm } from './entrantForm';
import { createEntrantSearcher } from './entrantSearch';

type Open = NonNullable<PanelState['entrantForm']>;

const trimmed = (race: Race | undefined) => race?.entrantCount !== undefined;

/**
 * Where the start list's one entrant form opens (Add entrant, or an entrant to edit). Which form is open is the
 * panel's state (`entrantForm`: the race and the entrant as it was when opened), so panelMemory keeps it across a
 * reload with what was typed, and this opens it again: the same race, the same entrant as it was, so a save still
 * names what the edit started from and the note that another operator changed it comes at once. An entrant (or race)
 * removed meanwhile is not reopened; the message line says so and gives back what was typed. Another show opened
 * closes it.
 *
 * The entrant being edited is followed in every snapshot; a trimmed list (a mass start) may not hold it, so it is
 * then asked of the hub's start-list search at each revision (and once before reopening it).
 */
export function mountEntrantFormSlot(host: HTMLElement, store: PanelStore, actions: PanelActions, options: { typedBefore(): FormValues | undefined; closed(bib: string | null): void }) {
  let view: { open: Open; form: EntrantForm } | null = null;
  let askedAt = -1;
  // The form a reload left open, while the hub's search says whether its entrant is still there.
  let checking: Open | null = null;
  const searcher = createEntrantSearcher((result) => {
    const open = view?.open ?? checking;
    if (!open?.was || result.search.raceId !== open.raceId || result.search.q !== open.was.bib) return;
    const current = 'page' in result ? result.page.entrants.find((e) => e.bib === open.was!.bib) : undefined;
    const race = store.getState().show?.races.find((r) => r.id === open.raceId);
    if (view) return 'page' in result ? view.form.follow(race, current) : undefined;
    checking = null;
    if (store.getState().entrantForm !== open) return;
    // A search that failed is no answer: the form comes back, and its note follows at the next revision.
    if (!race) forget(open, true);
    else if (current || 'error' in result) mount(open, race);
    else forget(open, false);
  });
  const ask = (open: Open) => searcher.find({ raceId: open.raceId, q: open.was!.bib, offset: 0, limit: 5 });

  function mount(open: Open, race: Race) {
    const close = () => {
      if (view?.open !== open) return;
      view = null;
      host.replaceChildren();
      store.setState({ entrantForm: null });
      options.closed(open.was?.bib ?? null);
    };
    const save = (next: Entrant) => {
      // `was` is what the form opened with: the hub refuses the save when someone changed that entrant (or took the bib) since.
      const done = open.was ? `Saved bib ${next.bib} (${shownName(next)}) in ${race.name}` : `Added bib ${next.bib} (${shownName(next)}) to ${race.name}`;
      return actions.send({ type: 'upsertEntrants', raceId: race.id, entrants: [next], was: open.was ? [open.was] : [] }, done);
    };
    view = { open, form: createEntrantForm({ race, entrant: open.was, save, close }) };
    askedAt = -1;
    host.replaceChildren(view.form.element);
    // In the same task as the form appears: panelMemory keys the form's draft by it (and fills it in) after it.
    if (store.getState().entrantForm !== open) store.setState({ entrantForm: open });
    follow(store.getState().show!);
  }

  /** Drops a form a reload left open whose race or entrant is gone, saying so with what was typed. */
  function forget(open: Open, raceGone: boolean) {
    const typed = options.typedBefore(); // read before the state forgets the form, and panelMemory its draft
    store.setState({ entrantForm: null });
    actions.tell(notReopenedText(open, raceGone, typed), 'error');
  }

  function reopen(show: ShowState, open: Open) {
    const race = show.races.find((r) => r.id === open.raceId);
    if (!race) return forget(open, true);
    if (!open.was) return mount(open, race);
    if (!trimmed(race)) return race.entrants?.some((e) => e.bib === open.was!.bib) ? mount(open, race) : forget(open, false);
    if (checking === open) return;
    checking = open;
    ask(open);
  }

  function follow(current: ShowState) {
    if (!view) return;
    const { open, form } = view;
    const race = current.races.find((r) => r.id === open.raceId);
    if (!trimmed(race) || !open.was) return form.follow(race, open.was ? race?.entrants?.find((e) => e.bib === open.was!.bib) : undefined);
    if (askedAt === current.revision) return;
    askedAt = current.revision;
    ask(open);
  }

  return {
    /** Opens the form for a new entrant of `race` (null) or for `entrant` as it is now. */
    open(race: Race, entrant: Entrant | null) {
      mount({ raceId: race.id, raceName: race.name, was: entrant }, race);
    },
    render(state: PanelState) {
      const wanted = state.entrantForm;
      if (view && wanted !== view.open) {
        // Closed from outside: another show was opened.
        view = null;
        host.replaceChildren();
      }
      if (!state.show) return;
      if (!view && wanted && canControl(state)) reopen(state.show, wanted);
      follow(state.show);
    },
  };
}
export type EntrantFormSlot = ReturnType<typeof mountEntrantFormSlot>;
