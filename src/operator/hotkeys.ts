import { LAYERS, type LayerId } from '../protocol/layers';

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
  | { type: 'escape' };

export type KeyPress = { key: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean };

/** The documented keys, shown in the help overlay (`?`) and README.md. */
export const HOTKEYS: { keys: string; does: string }[] = [
  { keys: '↑ / ↓', does: 'Cue the previous / next item' },
  { keys: 'Home / End', does: 'Cue the first / last item' },
  { keys: 'Space or Enter', does: 'Take the cued item to air' },
  { keys: 'U', does: 'Update: put the cued item on its layer in place (the graphic on air animates to it)' },
  ...LAYERS.map((layer, i) => ({ keys: `F${i + 1}`, does: `Clear the ${layer} layer` })),
  { keys: 'F12, F12', does: 'Clear all: press twice within 2 seconds (Esc cancels)' },
  { keys: 'E', does: 'Edit the cued item' },
  { keys: 'N', does: 'New item' },
  { keys: 'D', does: 'Duplicate the cued item' },
  { keys: 'Delete', does: 'Delete the cued item (asks first)' },
  { keys: 'Alt+↑ / Alt+↓', does: 'Move the cued item up / down in its group' },
  { keys: '?', does: 'Show or hide this help' },
  { keys: 'Esc', does: 'Close help or a dialog, cancel an armed clear all, leave a form field' },
];

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
    case ' ':
    case 'Enter':
      return { type: 'take' };
    case 'Delete':
      return { type: 'delete' };
    case '?':
      return { type: 'help' };
  }
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
  }
  return null;
}
