import { describe, expect, it } from 'vitest';
import { hotkeyFor, HOTKEYS } from './hotkeys';

const press = (key: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('hotkeyFor', () => {
  it('takes with Space only (Enter also sends forms, so it never takes) and moves the cue with the arrows', () => {
    expect(hotkeyFor(press(' '), false)).toEqual({ type: 'take' });
    expect(hotkeyFor(press('Enter'), false)).toBeNull();
    expect(hotkeyFor(press('ArrowDown'), false)).toEqual({ type: 'cue', to: 'next' });
    expect(hotkeyFor(press('Home'), false)).toEqual({ type: 'cue', to: 'first' });
  });

  it('clears the layers in stacking order with F1 to F6, and arms clear all with F12', () => {
    expect(['F1', 'F2', 'F3', 'F4', 'F5', 'F6'].map((key) => hotkeyFor(press(key), false))).toEqual(
      ['centre', 'lowerThird', 'ticker', 'crawl', 'banner', 'clock'].map((layer) => ({ type: 'clear', layer })),
    );
    expect(hotkeyFor(press('F12'), false)).toEqual({ type: 'clearAll' });
    expect(hotkeyFor(press('F7'), false)).toBeNull();
  });

  it('does nothing but Esc while typing in a form field', () => {
    for (const key of [' ', 'Enter', 'F2', 'F12', 'u', 'ArrowDown', 'Delete', '?']) expect(hotkeyFor(press(key), true)).toBeNull();
    expect(hotkeyFor(press('Escape'), true)).toEqual({ type: 'escape' });
  });

  it('leaves browser and system shortcuts alone', () => {
    expect(hotkeyFor(press('d', { ctrlKey: true }), false)).toBeNull();
    expect(hotkeyFor(press('F2', { ctrlKey: true }), false)).toBeNull();
    expect(hotkeyFor(press('U', { shiftKey: true }), false)).toBeNull();
  });

  it('moves the cued item with Alt and the arrows', () => {
    expect(hotkeyFor(press('ArrowUp', { altKey: true }), false)).toEqual({ type: 'move', by: -1 });
  });

  it('runs race control from the keyboard: 1–9 pick a race, G starts it, T and S open its forms, B P C L K put its graphics on air', () => {
    expect(['1', '5', '9'].map((key) => hotkeyFor(press(key), false))).toEqual([0, 4, 8].map((index) => ({ type: 'selectRace', index })));
    expect(['g', 't', 's', 'b', 'p', 'c', 'l', 'k'].map((key) => hotkeyFor(press(key), false))).toEqual(
      ['startRace', 'gunTime', 'split', 'splitBanner', 'projection', 'raceClock', 'leaderboard', 'gap'].map((type) => ({ type })),
    );
    expect(hotkeyFor(press('0'), false)).toBeNull();
    for (const key of ['g', '1', 'b']) expect(hotkeyFor(press(key), true), `${key} while typing`).toBeNull();
  });

  it('documents every key it maps', () => {
    expect(HOTKEYS.map((h) => h.keys)).toEqual(expect.arrayContaining(['Space', 'V', 'A', 'F1', 'F6', 'F12, F12', '?', '1 … 9', 'G', 'T', 'S', 'B', 'P', 'C']));
  });
});

describe('hotkeyFor: finding and groups', () => {
  it('opens find with /, jumps groups with PageUp / PageDown, opens the races editor with R and finds an entrant with F', () => {
    expect(hotkeyFor(press('/'), false)).toEqual({ type: 'find' });
    expect(hotkeyFor(press('PageDown'), false)).toEqual({ type: 'group', by: 1 });
    expect(hotkeyFor(press('PageUp'), false)).toEqual({ type: 'group', by: -1 });
    expect(hotkeyFor(press('r'), false)).toEqual({ type: 'races' });
    expect(hotkeyFor(press('f'), false)).toEqual({ type: 'findEntrant' });
    for (const key of ['/', 'PageDown', 'r', 'f']) expect(hotkeyFor(press(key), true)).toBeNull();
  });
});
