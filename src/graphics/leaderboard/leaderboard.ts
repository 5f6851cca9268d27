import { Container, Graphics } from 'pixi.js';
import { leaderboard as contract, type LeaderboardLayout, type LeaderboardProps } from '../../protocol/kinds/leaderboard';
import { fitText, setText } from '../fitText';
import { flagAsset } from '../flags';
import { flagSprite } from '../flagSprite';
import { defineGraphic, type GraphicAsset, type Look, type Timeline } from '../graphicDefinition';
import { rollText } from '../rollText';
import { centreBoard, updateBoardRows, type BoardRow } from '../centreBoard';
import { themeText, unitBox } from '../themeText';
import { resolveLeaderboard, type LeaderboardModel, type LeaderboardRow } from './leaderboardModel';

/**
 * Leaderboard, at the top of the centre region: the race and timing point on an accent bar, then one row per
 * athlete (place, flag, name, time for the leader and gap for the rest, places gained or lost), or AWAITING TIMES
 * in their place while the point (or this page of it) has no one yet. Rows are kept
 * per bib: when passings change the order, a row slides to its new place and rolls only what changed; an
 * athlete new to the page fades in where they belong, one who left fades out. The board never re-enters.
 */
export const leaderboardGraphic = defineGraphic<LeaderboardProps, LeaderboardModel, LeaderboardLayout>({
  contract,
  resolve: resolveLeaderboard,
  assets(model) {
    const assets = new Map<string, GraphicAsset>();
    for (const row of model.rows) if (row.country) assets.set(row.country, flagAsset(row.country));
    return [...assets.values()];
  },
  build(model, look) {
    const { theme, layout: L } = look;
    const { colours } = theme;
    const board = centreBoard(theme, L.width, L.titleHeight, 'leaderboard');
    const { root, left, top, titleBar, panel } = board;
    const raceName = themeText(theme, 'display', colours.accentText, L.titleSize, 0.5);
    const point = themeText(theme, 'display', colours.accentText, L.titleSize, 0.5);
    point.anchor.set(1, 0.5);
    panel.scale.set(L.width, panelHeight(model));
    raceName.position.set(left + L.paddingX, top + L.titleHeight / 2);
    point.position.set(left + L.width - L.paddingX, top + L.titleHeight / 2);
    // In place of rows when there are none: AWAITING TIMES (no one at the point yet, or not enough for this page).
    const status = themeText(theme, 'display', colours.panelText, L.rowSize, 0.5);
    status.position.set(left + L.paddingX, top + L.titleHeight + L.rowHeight / 2);
    const rowLayer = new Container({ label: 'leaderboard:rows' });
    root.addChild(titleBar, panel, raceName, point, rowLayer, status);

    const setTitle = (m: LeaderboardModel) => {
      fitText(point, m.point, L.width / 3, L.titleSize, L.titleSize * 0.7);
      fitText(raceName, m.raceName, L.width - 3 * L.paddingX - point.width, L.titleSize, L.titleSize * 0.7);
    };
    const setStatus = (m: LeaderboardModel) => fitText(status, m.status ?? '', L.width - 2 * L.paddingX, L.rowSize, L.rowMinSize);
    setTitle(model);
    setStatus(model);
    const rows = new Map<string, RowView>();
    const slotY = (i: number) => top + L.titleHeight + i * L.rowHeight;
    model.rows.forEach((row, i) => {
      const view = buildRow(row, look);
      view.root.position.set(left, slotY(i));
      rows.set(row.bib, view);
      rowLayer.addChild(view.root);
    });
    let current = model;

    function panelHeight(m: LeaderboardModel) {
      return Math.max(1, m.rows.length) * L.rowHeight;
    }

    return {
      root,
      enter(tl: Timeline) {
        const { enterSeconds: d, ease } = theme.timing;
        board.enter(tl, [raceName, point, status]);
        [...rows.values()].forEach((view, i) => {
          tl.fromTo(view.root, { alpha: 0, x: left - L.slide }, { alpha: 1, x: left, duration: d * 0.35, ease }, d * 0.45 + i * d * 0.04);
        });
      },
      exit(tl: Timeline) {
        board.exit(tl, [raceName, point, rowLayer, status]);
      },
      update(next: LeaderboardModel, tl: Timeline) {
        const { updateSeconds: d, ease } = theme.timing;
        const roll = { duration: d, distance: L.slide / 2, ease };
        const previous = current;
        current = next;
        if (next.raceName !== previous.raceName || next.point !== previous.point) {
          const changed = [...(next.raceName !== previous.raceName ? [raceName] : []), ...(next.point !== previous.point ? [point] : [])];
          rollText(tl, changed, () => setTitle(next), roll);
        }
        if (next.status !== previous.status) rollText(tl, [status], () => setStatus(next), roll);
        tl.to(panel.scale, { y: panelHeight(next), duration: d, ease }, 0);
        updateBoardRows(tl, rows, next.rows, { layer: rowLayer, left, slotY, keyOf: (row) => row.bib, build: (row) => buildRow(row, look), dropFrom: 0 }, roll);
      },
    };
  },
});

type RowView = BoardRow<LeaderboardRow>;

/** One athlete's row in local coordinates (0,0 is the row's top-left on the panel). */
function buildRow(row: LeaderboardRow, look: Look<LeaderboardLayout>): RowView {
  const { theme, layout: L } = look;
  const { colours } = theme;
  const root = new Container({ label: `leaderboard:row:${row.bib}` });
  const mid = L.rowHeight / 2;
  const chip = unitBox(colours.accent);
  chip.position.set(L.paddingX, 8);
  chip.scale.set(L.placeWidth, L.rowHeight - 16);
  const place = themeText(theme, 'display', colours.accentText, L.rowSize, 0.5);
  place.anchor.set(0.5, 0.5);
  place.position.set(L.paddingX + L.placeWidth / 2, mid);
  const flagX = L.paddingX + L.placeWidth + L.paddingX / 2;
  const flag = flagSprite(row.country, L.flagWidth);
  flag?.position.set(flagX, Math.round(mid - (L.flagWidth * 3) / 8));
  const nameX = flagX + L.flagWidth + L.paddingX / 2;
  const changeRight = L.width - L.paddingX;
  const timeRight = changeRight - L.changeWidth - L.paddingX / 2;
  const time = themeText(theme, 'display', colours.panelText, L.rowSize, 0.5);
  time.anchor.set(1, 0.5);
  time.position.set(timeRight, mid);
  const name = themeText(theme, 'text', colours.panelText, L.rowSize, 0.5);
  name.position.set(nameX, mid);
  const arrow = new Graphics();
  const change = themeText(theme, 'display', colours.panelText, L.rowSize * 0.8, 0.5);
  change.anchor.set(1, 0.5);
  change.position.set(changeRight, mid);
  root.addChild(chip, place, ...(flag ? [flag] : []), name, time, arrow, change);

  let shown = row;
  function set(next: LeaderboardRow) {
    shown = next;
    place.text = next.place;
    time.text = next.time;
    fitText(name, next.name, timeRight - time.width - L.paddingX - nameX, L.rowSize, L.rowMinSize);
    setText(change, next.change ? String(Math.abs(next.change)) : '');
    arrow.clear();
    if (next.change) {
      // A triangle pointing up (places gained) or down (lost), left of the count.
      const size = L.rowSize * 0.4;
      const x = changeRight - L.changeWidth + size;
      const up = next.change > 0;
      arrow
        .poly(up ? [x - size, mid + size * 0.6, x + size, mid + size * 0.6, x, mid - size * 0.8] : [x - size, mid - size * 0.6, x + size, mid - size * 0.6, x, mid + size * 0.8])
        .fill(up ? colours.under : colours.over);
    }
  }
  set(row);
  return {
    root,
    set,
    changedTexts(next) {
      return [
        ...(next.place !== shown.place ? [place] : []),
        ...(next.time !== shown.time ? [time] : []),
        ...(next.change !== shown.change ? [change] : []),
        ...(next.name !== shown.name ? [name] : []),
      ];
    },
  };
}
