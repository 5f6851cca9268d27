import { itemTitle, type RundownItem } from '../protocol/rundownItem';
import { confirmDialog } from './dialogs';
import { hotkeyFor, type HotkeyAction } from './hotkeys';
import type { PanelActions } from './panelActions';
import type { RaceActions } from './raceControl/raceActions';
import type { RaceControl } from './raceControl/raceControlView';

/**
 * Listens for the panel's hotkeys on the whole page. Nothing fires while a form field has the focus (Esc
 * leaves the field; a checkbox outside a form is no field), while a dialog is open (it has its own keys), or when Space/Enter would press a
 * focused button. Held keys do not repeat Take or Clear.
 */
export function bindHotkeys(actions: PanelActions, ui: { toggleHelp(): void; toggleBigPreview(open?: boolean): void; openRaces(): void; find(): void; findEntrant(): void; jumpGroup(by: -1 | 1): void; races: RaceActions; raceControl: RaceControl }) {
  document.addEventListener('keydown', (event) => {
    const target = event.target instanceof HTMLElement ? event.target : document.body;
    const dialog = document.querySelector('dialog[open]');
    if (dialog) {
      if (event.key === '?' && dialog.id === 'help') ui.toggleHelp();
      return;
    }
    if ((event.key === ' ' || event.key === 'Enter') && target.closest('button, a[href], summary')) return;
    // A checkbox outside a form (Auto-advance) takes no typing: the panel's keys stay keys there, Space takes.
    const inField = target.closest('input:not([type=checkbox]), textarea, select, [contenteditable=""], [contenteditable="true"]') !== null || (target.matches('input[type=checkbox]') && target.closest('form') !== null);
    const action = hotkeyFor(event, inField);
    if (!action) return;
    event.preventDefault();
    // A held key repeats only moves; Take, Clear, Start and the race takes happen once per press.
    if (event.repeat && !(action.type === 'cue' || action.type === 'move' || action.type === 'group')) return;
    if (action.type === 'escape' && inField) return target.blur();
    dispatch(action);
  });

  function dispatch(action: HotkeyAction) {
    switch (action.type) {
      case 'cue':
        return actions.cue(action.to);
      case 'take':
        return void actions.take();
      case 'update':
        return void actions.update();
      case 'clear':
        return void actions.clear(action.layer);
      case 'clearAll':
        return void actions.pressClearAll();
      case 'edit':
        return actions.editCued();
      case 'new':
        return actions.newItem();
      case 'duplicate':
        return actions.duplicateCued();
      case 'delete': {
        const item = actions.cued();
        if (item) void confirmDelete(actions, item);
        return;
      }
      case 'move':
        return actions.moveCued(action.by);
      case 'help':
        return ui.toggleHelp();
      case 'bigPreview':
        return ui.toggleBigPreview();
      case 'autoAdvance':
        return actions.setAutoAdvance(!actions.autoAdvance());
      case 'races':
        return ui.openRaces();
      case 'find':
        return ui.find();
      case 'findEntrant':
        return ui.findEntrant();
      case 'group':
        return ui.jumpGroup(action.by);
      case 'escape':
        ui.toggleBigPreview(false);
        return actions.disarm();
      case 'selectRace':
        return ui.races.selectAt(action.index);
      case 'startRace':
        return void ui.races.start();
      case 'gunTime':
        return ui.raceControl.focusGunTime();
      case 'split':
        return ui.raceControl.focusSplit();
      case 'splitBanner':
        return void ui.races.takeSplitBanner();
      case 'projection':
        return void ui.races.takeProjection();
      case 'raceClock':
        return void ui.races.takeClock();
      case 'leaderboard':
        return void ui.races.takeLeaderboard();
      case 'gap':
        return void ui.races.takeGap();
    }
  }
}

/** Deletes an item from the rundown after asking (a locked show says so at once, without asking). */
export async function confirmDelete(actions: PanelActions, item: RundownItem) {
  if (!actions.readyToEdit()) return;
  const yes = await confirmDialog({ title: `Delete “${itemTitle(item)}”?`, text: `It is removed from the ${item.group} group of the rundown for every operator.`, confirm: 'Delete' });
  if (yes) await actions.removeItem(item);
}
