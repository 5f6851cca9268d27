import { formatTime } from '../../core';
import type { Entrant } from '../../protocol/entrant';
import type { Race } from '../../protocol/race';
import { entrantRefOf } from '../../state/entrantReferences';
import type { ShowState } from '../../state/showState';
import { confirmDialog } from '../dialogs';
import type { PanelActions } from '../panelActions';
import type { PanelStore } from '../panelStore';
import { selectedIn } from '../raceControl/raceActions';
import { profileItem } from '../raceData/fromEntrants';
import { removalRefusal } from './entrantDraft';

/** "12 · Tsegaye Kebede · ETH · ELITE · PB 2:04:38". */
export function entrantLine(entrant: Entrant): string {
  const name = entrant.displayName ? `${entrant.name} (“${entrant.displayName}”)` : entrant.name;
  return [entrant.bib, name, entrant.country, entrant.category, entrant.pbMs === undefined ? null : `PB ${formatTime(entrant.pbMs)}`].filter(Boolean).join(' · ');
}

/** Bibs of a race that graphics on air draw from. */
export function onAirBibs(show: ShowState | null, raceId: string): string[] {
  return Object.values(show?.onAir ?? {}).flatMap((onAir) => {
    const ref = entrantRefOf(onAir.graphic);
    return ref && ref.raceId === raceId ? [ref.bib] : [];
  });
}

/** What a start-list row does besides editing: the entrant's profile to the rundown (P), and their removal (Delete). */
export function createEntrantRowActions(store: PanelStore, actions: PanelActions) {
  return {
    addProfile(race: Race, entrant: Entrant) {
      const item = profileItem(race, entrant);
      if (typeof item === 'string') return actions.tell(item, 'error');
      void actions.send({ type: 'rundown.add', item }, `Added “${item.label}” to the rundown: it follows ${entrant.name}'s entry`);
    },
    /** Asks, then removes (naming the entrant as the panel shows it); refused here for an athlete with times or on air. */
    async remove(race: Race, entrant: Entrant): Promise<'refused' | 'cancelled' | 'removed' | 'failed'> {
      const refusal = removalRefusal(race, entrant, onAirBibs(store.getState().show, race.id));
      if (refusal) {
        actions.tell(refusal, 'error', (s) => selectedIn(s)?.id !== race.id);
        return 'refused';
      }
      const { bib } = entrant;
      const yes = await confirmDialog({
        title: `Remove bib ${bib}?`,
        text: `${entrantLine(entrant)} is taken off ${race.name}'s start list for every operator. Rundown items naming bib ${bib} will be refused at Take until it is back.`,
        confirm: 'Remove',
      });
      if (!yes) return 'cancelled';
      const outcome = await actions.send({ type: 'removeEntrant', raceId: race.id, bib, was: entrant }, `Removed bib ${bib} (${entrant.name}) from ${race.name}`);
      return outcome.ok ? 'removed' : 'failed';
    },
  };
}
