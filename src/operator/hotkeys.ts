import { LAYER_TITLES, LAYERS, type LayerId } from '../protocol/layers';

/** What a key press asks the panel to do. */
export type HotkeyAction =
  | { type: 'cue'; to: 'previous' | 'next' | 'first' | 'last' }
  | { type: 'take' }
  | { type: 'update' }
  | { type: 'clear'; layer: LayerId }
  | { type: 'clearAll' }
  | { type: 'edit' }
  | { type: 'new' }
  | { type: 'duplicate' }
  | { type: 'delete' }
  | { type: 'move'; by: -1 | 1 }
  | { type: 'help' }
  | { type: 'bigPreview' }
  | { type: 'autoAdvance' }
  | { type: 'races' }
  | { type: 'find' }
  | { type: 'findEntrant' }
  | { type: 'group'; by: -1 | 1 }
  | { type: 'escape' }
  | RaceHotkey;

/** Race control: pick a race, start its clock, jump to its gun time or split form, put its graphics on air. */
export type RaceHotkey =
  | { type: 'selectRace'; index: number }
  | { type: 'startRace' }
  | { type: 'gunTime' }
  | { type: 'split' }
  | { type: 'splitBanner' }
  | { type: 'projection' }
  | { type: 'leaderboard' }
  | { type: 'gap' }
  | { type: 'raceClock' };

export type KeyPress = { key: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean };

/** The documented keys, shown in the help overlay (`?`) and README.md. */
export const HOTKEYS: { keys: string; does: string }[] = [
  { keys: '↑ / ↓', does: 'Cue the previous / next item' },
  { keys: 'Home / End', does: 'Cue the first / last item' },
  { keys: 'PageUp / PageDown', does: 'Cue the first item of the previous / next group' },
  { keys: '/', does: 'Find in the rundown: type to filter by name, kind or group (the first match is cued); ↑ / ↓ move among matches; Enter keeps the cue and clears the filter (never takes); Esc clears' },
  { keys: 'Space', does: 'Take the cued item to air (Enter never takes; a second Space within half a second is the same press; taking what is already on air leaves it there, or updates it in place if edited)' },
  { keys: 'U', does: 'Update: put the cued item on its layer in place (the graphic on air animates to it)' },
  ...LAYERS.map((layer, i) => ({ keys: `F${i + 1}`, does: `Clear ${LAYER_TITLES[layer]}` })),
  { keys: 'F12, F12', does: 'Clear all: press twice within 2 seconds (Esc cancels)' },
  { keys: 'V', does: 'Large PVW: proof-read the cued item (or the draft being edited) at full size; V or Esc closes it (double-click PVW also opens it)' },
  { keys: 'A', does: 'Auto-advance on / off: after Take, cue the next item' },
  { keys: 'E', does: 'Edit the cued item (PVW draws the draft as you type)' },
  { keys: 'N', does: 'New item' },
  { keys: 'D', does: 'Duplicate the cued item' },
  { keys: 'Delete', does: 'Delete the cued item (asks first)' },
  { keys: 'Alt+↑ / Alt+↓', does: 'Move the cued item up / down in its group' },
  { keys: '1 … 9', does: 'Race control: select race 1 to 9 (in the show’s running order)' },
  { keys: 'G', does: 'Start the selected race’s clock at the gun: the gun is the hub’s time of the key press (refused if it has started)' },
  { keys: 'T', does: 'Type the selected race’s gun time of day (sets or corrects it)' },
  { keys: 'S', does: 'Enter a split for the selected race: PVW shows the graphics it changes; Enter in the form sends it, and a split that does not fit the race clock or the race’s pace asks first' },
  { keys: 'B', does: 'Split banner of the selected race’s latest split to air' },
  { keys: 'P', does: 'Projection ticker of the selected race to air' },
  { keys: 'C', does: 'Race clock of the selected race to air' },
  { keys: 'L', does: 'Leaderboard of the selected race to air: its standings at the latest timing point, from the timing feed' },
  { keys: 'K', does: 'Gap of the selected race to air: the leading group against the chasers at the latest timing point, from the timing feed' },
  { keys: 'R', does: 'Races: add, edit or remove the show’s races (name, kind, distance, pace, record)' },
  { keys: 'F', does: 'Find an entrant of the selected race by bib or name (Race data): ↓ enters the list, Enter edits, Delete removes (asks), P adds their profile to the rundown, Esc goes back' },
  { keys: 'Alt+↑ / Alt+↓ in the crawl list', does: 'Move the focused crawl item up / down (↑ / ↓ move between items, Enter edits, Delete removes)' },
  { keys: '?', does: 'Show or hide this help' },
  { keys: 'Esc', does: 'Close help or a dialog, cancel an armed clear all, leave a form field' },
];

/** Take presses closer together than this are one press. */
export const TAKE_REPEAT_MS = 500;

/** How long a first F12 stays armed. */
export const CLEAR_ALL_WINDOW_MS = 2000;

/**
 * Maps a key press to an action, or null. Hotkeys never fire while typing in a form field: the caller
 * passes `inField`, and then only Esc (leave the field) does anything.
 */
export function hotkeyFor(press: KeyPress, inField: boolean): HotkeyAction | null {
  const { key, shiftKey, ctrlKey, altKey, metaKey } = press;
  if (key === 'Escape') return { type: 'escape' };
  if (inField || ctrlKey || metaKey) return null;
  const fKey = /^F(\d{1,2})$/.exec(key);
  if (fKey && !altKey && !shiftKey) {
    const n = Number(fKey[1]);
    if (n >= 1 && n <= LAYERS.length) return { type: 'clear', layer: LAYERS[n - 1]! };
    if (n === 12) return { type: 'clearAll' };
    return null;
  }
  if (altKey) {
    if (key === 'ArrowUp') return { type: 'move', by: -1 };
    if (key === 'ArrowDown') return { type: 'move', by: 1 };
    return null;
  }
  switch (key) {
    case 'ArrowUp':
      return { type: 'cue', to: 'previous' };
    case 'ArrowDown':
      return { type: 'cue', to: 'next' };
    case 'Home':
      return { type: 'cue', to: 'first' };
    case 'End':
      return { type: 'cue', to: 'last' };
    case 'PageUp':
      return { type: 'group', by: -1 };
    case 'PageDown':
      return { type: 'group', by: 1 };
    case '/':
      return { type: 'find' };
    // Only Space takes: Enter also sends forms, and a habitual second Enter must never put anything on air.
    case ' ':
      return { type: 'take' };
    case 'Delete':
      return { type: 'delete' };
    case '?':
      return { type: 'help' };
  }
  if (/^[1-9]$/.test(key)) return { type: 'selectRace', index: Number(key) - 1 };
  if (shiftKey) return null;
  switch (key.toLowerCase()) {
    case 'u':
      return { type: 'update' };
    case 'e':
      return { type: 'edit' };
    case 'n':
      return { type: 'new' };
    case 'd':
      return { type: 'duplicate' };
    case 'g':
      return { type: 'startRace' };
    case 't':
      return { type: 'gunTime' };
    case 's':
      return { type: 'split' };
    case 'b':
      return { type: 'splitBanner' };
    case 'p':
      return { type: 'projection' };
    case 'c':
      return { type: 'raceClock' };
    case 'l':
      return { type: 'leaderboard' };
    case 'k':
      return { type: 'gap' };
    case 'v':
      return { type: 'bigPreview' };
    case 'a':
      return { type: 'autoAdvance' };
    case 'r':
      return { type: 'races' };
    case 'f':
      return { type: 'findEntrant' };
  }
  return null;
}
