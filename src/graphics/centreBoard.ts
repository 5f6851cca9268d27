import { Container, type Text } from 'pixi.js';
import type { Theme } from '../protocol/templates/theme';
import type { Timeline } from './graphicDefinition';
import { rollText } from './rollText';
import { unitBox } from './themeText';

/**
 * A board at the top of the centre region (the leaderboard, an athlete's splits): an accent title bar over a
 * panel `width` wide, centred, whose height the board sets (its rows). The bar grows across, then the panel
 * down, then the board's texts fade in; the exit is the reverse.
 */
export function centreBoard(theme: Theme, width: number, titleHeight: number, label: string) {
  const region = theme.regions.centre;
  const left = Math.round(region.x + (region.width - width) / 2);
  const top = region.y;
  const root = new Container({ label });
  const titleBar = unitBox(theme.colours.accent);
  const panel = unitBox(theme.colours.panel);
  titleBar.position.set(left, top);
  titleBar.scale.set(width, titleHeight);
  panel.position.set(left, top + titleHeight);
  return {
    root,
    left,
    top,
    titleBar,
    panel,
    /** The bar, the panel (to the height it has), then `texts` from d * 0.45 on; rows follow from there. */
    enter(tl: Timeline, texts: Container[]) {
      const { enterSeconds: d, ease } = theme.timing;
      tl.fromTo(titleBar.scale, { x: 0 }, { x: width, duration: d * 0.45, ease }, 0)
        .fromTo(panel.scale, { y: 0 }, { y: panel.scale.y, duration: d * 0.5, ease }, d * 0.25)
        .fromTo(texts, { alpha: 0 }, { alpha: 1, duration: d * 0.4, ease }, d * 0.45);
    },
    exit(tl: Timeline, texts: Container[]) {
      const { exitSeconds: d } = theme.timing;
      tl.to(texts, { alpha: 0, duration: d * 0.4, ease: 'power2.in' }, 0)
        .to(panel.scale, { y: 0, duration: d * 0.5, ease: 'power3.in' }, d * 0.25)
        .to(titleBar.scale, { x: 0, duration: d * 0.4, ease: 'power3.in' }, d * 0.6);
    },
  };
}

export type BoardRow<R> = { root: Container; set(row: R): void; changedTexts(row: R): Text[] };

/**
 * Moves a board's rows (kept per key) to `next` in place, never re-entering: a row that left fades out, a new
 * one fades in at its slot (from `dropFrom` pixels above it), one that moved slides to its slot and rolls only
 * the texts that changed.
 */
export function updateBoardRows<R>(
  tl: Timeline,
  rows: Map<string, BoardRow<R>>,
  next: readonly R[],
  board: { layer: Container; left: number; slotY(i: number): number; keyOf(row: R): string; build(row: R, i: number): BoardRow<R>; dropFrom: number },
  motion: { duration: number; ease: string; distance: number },
) {
  const { duration: d, ease } = motion;
  const staying = new Set(next.map(board.keyOf));
  for (const [key, view] of rows) {
    if (staying.has(key)) continue;
    rows.delete(key);
    tl.to(view.root, { alpha: 0, duration: d / 2, ease: 'power2.in' }, 0).call(() => view.root.destroy({ children: true }), [], d);
  }
  next.forEach((row, i) => {
    const view = rows.get(board.keyOf(row));
    if (!view) {
      const added = board.build(row, i);
      added.root.position.set(board.left, board.slotY(i) - board.dropFrom);
      added.root.alpha = 0;
      // Not drawn until it fades in (Pixi draws a row at alpha 0 too): ten new rows' texts would otherwise all be
      // drawn in the update's first frame, while the page can ready their canvases in the meantime.
      added.root.renderable = false;
      board.layer.addChild(added.root);
      rows.set(board.keyOf(row), added);
      tl.set(added.root, { renderable: true }, d / 2).to(added.root, { alpha: 1, ...(board.dropFrom ? { y: board.slotY(i) } : {}), duration: d / 2, ease }, d / 2);
      return;
    }
    if (view.root.y !== board.slotY(i)) tl.to(view.root, { y: board.slotY(i), duration: d, ease }, 0);
    const changed = view.changedTexts(row);
    if (changed.length > 0) rollText(tl, changed, () => view.set(row), { ...motion, distance: 0 });
    else view.set(row);
  });
}
