import { Container, Sprite } from 'pixi.js';
import { athleteSplits as contract, type AthleteSplitsLayout, type AthleteSplitsProps } from '../../protocol/kinds/athleteSplits';
import { fitText } from '../fitText';
import { flagAlias, flagAsset } from '../flags';
import { defineGraphic, type Look, type Timeline } from '../graphicDefinition';
import { loadedTexture } from '../loadedTexture';
import { rollText } from '../rollText';
import { centreBoard, updateBoardRows, type BoardRow } from '../centreBoard';
import { themeText, unitBox } from '../themeText';
import { resolveAthleteSplits, type AthleteSplitsModel, type SplitsRow } from './athleteSplitsModel';

/** The value columns, left to right, with their headings; the point's caption takes the width left over. */
const COLUMNS = [
  ['split', 'SPLIT'],
  ['time', 'TIME'],
  ['perKm', 'PER KM'],
  ['perMile', 'PER MILE'],
] as const;

/**
 * Athlete splits, at the top of the centre region: the athlete (flag, name) and race on an accent bar, a
 * heading line, then one row per 5 km point reached (point, split, time, pace per km and per mile, and the
 * time against the record's even pace in the theme's under/over colours). Rows are kept per timing point: a
 * new passing adds a row that drops into place under the others, a correction rolls only the texts it changed. The
 * graphic never re-enters.
 */
export const athleteSplitsGraphic = defineGraphic<AthleteSplitsProps, AthleteSplitsModel, AthleteSplitsLayout>({
  contract,
  resolve: resolveAthleteSplits,
  assets: (model) => (model.country ? [flagAsset(model.country)] : []),
  build(model, look) {
    const { theme, layout: L } = look;
    const { colours } = theme;
    const board = centreBoard(theme, L.width, L.titleHeight, 'athleteSplits');
    const { root, left, top, titleBar, panel } = board;
    const flag = new Sprite();
    const flagHeight = Math.round((L.flagWidth * 3) / 4);
    flag.position.set(left + L.paddingX, Math.round(top + (L.titleHeight - flagHeight) / 2));
    const name = themeText(theme, 'display', colours.accentText, L.titleSize, 0.5);
    const raceName = themeText(theme, 'display', colours.accentText, L.titleSize * 0.75, 0.5);
    raceName.anchor.set(1, 0.5);
    raceName.position.set(left + L.width - L.paddingX, top + L.titleHeight / 2);
    panel.scale.set(L.width, panelHeight(model));

    // The heading line: column captions, and the comparison's (only when the race has a record).
    const head = new Container({ label: 'athleteSplits:head' });
    head.position.set(left, top + L.titleHeight);
    const headMid = L.headHeight / 2;
    const rights = columnRights(L);
    for (const [column, caption] of COLUMNS) {
      const text = themeText(theme, 'text', colours.panelText, L.headSize, 0.5);
      text.anchor.set(1, 0.5);
      text.alpha = 0.7;
      text.position.set(rights[column], headMid);
      fitText(text, caption, L.columns[column] - L.paddingX / 2, L.headSize, L.headSize * 0.7);
      head.addChild(text);
    }
    const comparison = themeText(theme, 'text', colours.panelText, L.headSize, 0.5);
    comparison.anchor.set(1, 0.5);
    comparison.alpha = 0.7;
    comparison.position.set(rights.vsRecord, headMid);
    head.addChild(comparison);
    const status = themeText(theme, 'display', colours.panelText, L.rowSize, 0.5);
    status.position.set(left + L.paddingX, slotY(0) + L.rowHeight / 2);
    const rowLayer = new Container({ label: 'athleteSplits:rows' });
    root.addChild(titleBar, panel, flag, name, raceName, head, rowLayer, status);

    const setTitle = (m: AthleteSplitsModel) => {
      const texture = m.country ? loadedTexture(flagAlias(m.country)) : null;
      if (texture) flag.texture = texture;
      flag.visible = texture !== null;
      flag.setSize(L.flagWidth, flagHeight);
      const nameX = left + L.paddingX + (flag.visible ? L.flagWidth + L.paddingX / 2 : 0);
      name.position.set(nameX, top + L.titleHeight / 2);
      fitText(raceName, m.raceName, L.width / 3, L.titleSize * 0.75, L.titleMinSize);
      fitText(name, m.name, left + L.width - nameX - raceName.width - 2 * L.paddingX, L.titleSize, L.titleMinSize);
    };
    const setComparison = (m: AthleteSplitsModel) => fitText(comparison, m.comparison ?? '', L.columns.vsRecord - L.paddingX / 2, L.headSize, L.headSize * 0.7);
    const setStatus = (m: AthleteSplitsModel) => fitText(status, m.status ?? '', L.width - 2 * L.paddingX, L.rowSize, L.rowMinSize);
    setTitle(model);
    setComparison(model);
    setStatus(model);

    const rows = new Map<string, RowView>();
    model.rows.forEach((row, i) => {
      const view = buildRow(row, i, look);
      view.root.position.set(left, slotY(i));
      rows.set(row.key, view);
      rowLayer.addChild(view.root);
    });
    let current = model;

    function slotY(i: number) {
      return top + L.titleHeight + L.headHeight + i * L.rowHeight;
    }
    function panelHeight(m: AthleteSplitsModel) {
      return L.headHeight + Math.max(1, m.rows.length) * L.rowHeight;
    }

    return {
      root,
      enter(tl: Timeline) {
        const { enterSeconds: d, ease } = theme.timing;
        board.enter(tl, [flag, name, raceName, head, status]);
        // Rows drop into their slots (a sideways slide would carry their stripes past the panel's edge).
        [...rows.values()].forEach((view, i) => {
          tl.fromTo(view.root, { alpha: 0, y: slotY(i) - L.slide / 2 }, { alpha: 1, y: slotY(i), duration: d * 0.35, ease }, d * 0.45 + i * d * 0.04);
        });
      },
      exit(tl: Timeline) {
        board.exit(tl, [flag, name, raceName, head, rowLayer, status]);
      },
      update(next: AthleteSplitsModel, tl: Timeline) {
        const { updateSeconds: d, ease } = theme.timing;
        const roll = { duration: d, distance: L.slide / 2, ease };
        const previous = current;
        current = next;
        if (next.name !== previous.name || next.raceName !== previous.raceName || next.country !== previous.country) {
          const changed = [...(next.name !== previous.name ? [name] : []), ...(next.raceName !== previous.raceName ? [raceName] : [])];
          rollText(tl, changed, () => setTitle(next), roll);
        }
        if (next.comparison !== previous.comparison) rollText(tl, [comparison], () => setComparison(next), roll);
        if (next.status !== previous.status) rollText(tl, [status], () => setStatus(next), roll);
        if (panelHeight(next) !== panel.scale.y) tl.to(panel.scale, { y: panelHeight(next), duration: d, ease }, 0);
        // A point newly reached: its row drops in below the others as the panel grows to hold it.
        updateBoardRows(tl, rows, next.rows, { layer: rowLayer, left, slotY, keyOf: (row) => row.key, build: (row, i) => buildRow(row, i, look), dropFrom: L.slide / 2 }, roll);
      },
    };
  },
});

/** Where each value column's right edge falls, from the row's left (values are right-aligned). */
function columnRights(L: AthleteSplitsLayout) {
  const vsRecord = L.width - L.paddingX;
  const perMile = vsRecord - L.columns.vsRecord;
  const perKm = perMile - L.columns.perMile;
  const time = perKm - L.columns.perKm;
  const split = time - L.columns.time;
  return { split, time, perKm, perMile, vsRecord, pointWidth: split - L.columns.split - L.paddingX };
}

type RowView = BoardRow<SplitsRow>;

/** One segment's row in local coordinates (0,0 is its top-left on the panel); every other row a faint stripe. */
function buildRow(row: SplitsRow, index: number, look: Look<AthleteSplitsLayout>): RowView {
  const { theme, layout: L } = look;
  const { colours } = theme;
  const root = new Container({ label: `athleteSplits:row:${row.key}` });
  const mid = L.rowHeight / 2;
  const rights = columnRights(L);
  if (index % 2 === 0) {
    const stripe = unitBox(colours.panelText);
    stripe.alpha = 0.06;
    stripe.scale.set(L.width, L.rowHeight);
    root.addChild(stripe);
  }
  const point = themeText(theme, 'display', colours.panelText, L.rowSize, 0.5);
  point.position.set(L.paddingX, mid);
  const value = (column: keyof typeof rights, face: 'display' | 'text' = 'display') => {
    const text = themeText(theme, face, colours.panelText, L.rowSize, 0.5);
    text.anchor.set(1, 0.5);
    text.position.set(rights[column], mid);
    return text;
  };
  const texts = { split: value('split'), time: value('time'), perKm: value('perKm', 'text'), perMile: value('perMile', 'text'), vsRecord: value('vsRecord') };
  root.addChild(point, ...Object.values(texts));

  let shown = row;
  function set(next: SplitsRow) {
    shown = next;
    fitText(point, next.point, rights.pointWidth, L.rowSize, L.rowMinSize);
    for (const [column] of COLUMNS) fitText(texts[column], next[column], L.columns[column] - L.paddingX / 2, L.rowSize, L.rowMinSize);
    const vs = next.vsRecord;
    texts.vsRecord.style.fill = vs?.direction === 'under' ? colours.under : vs?.direction === 'over' ? colours.over : colours.panelText;
    fitText(texts.vsRecord, vs?.text ?? '', L.columns.vsRecord - L.paddingX / 2, L.rowSize, L.rowMinSize);
  }
  set(row);
  return {
    root,
    set,
    changedTexts(next) {
      return [
        ...(next.point !== shown.point ? [point] : []),
        ...COLUMNS.filter(([column]) => next[column] !== shown[column]).map(([column]) => texts[column]),
        ...(next.vsRecord?.text !== shown.vsRecord?.text || next.vsRecord?.direction !== shown.vsRecord?.direction ? [texts.vsRecord] : []),
      ];
    },
  };
}
