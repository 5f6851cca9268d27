import { Container, Graphics, type Text } from 'pixi.js';
import { raceClock as contract, type RaceClockLayout, type RaceClockProps } from '../../protocol/kinds/raceClock';
import type { Theme } from '../../protocol/templates/theme';
import { defineGraphic, type Timeline } from '../graphicDefinition';
import { fitText } from '../fitText';
import { themeFont, themeText } from '../themeText';
import { createClockDigits, createClockFace, showClockDigits, type ClockDigits } from './clockDigits';
import { clockText, resolveRaceClock, type ClockRow, type RaceClockModel } from './raceClockModel';

/** One stacked row: accent bar, the race name on the panel, the time on the light strip. */
type Row = {
  race: ClockRow;
  root: Container;
  accent: Graphics;
  namePanel: Graphics;
  timePanel: Graphics;
  name: Text;
  digits: ClockDigits;
};

/**
 * Race clocks for one to three races, stacked from the top-left of the clock region. The time of each is
 * computed in tick(hubTime) from its gun (see clockText), so tick reports a change only when a shown
 * second changes, and the output redraws the clock layer once a second.
 */
export const raceClockGraphic = defineGraphic<RaceClockProps, RaceClockModel, RaceClockLayout>({
  contract,
  resolve: resolveRaceClock,
  build(model, look) {
    const { theme, layout: L } = look;
    const region = theme.regions.clock;
    const root = new Container({ label: 'raceClock' });
    const x0 = region.x + L.inset;
    const face = createClockFace(digitStyle(theme, L));
    const rowY = (index: number) => region.y + L.inset + index * (L.rowHeight + L.rowGap);

    let rows = model.rows.map((race, index) => buildRow(race, index));
    let leaving: Row[] = [];

    function buildRow(race: ClockRow, index: number): Row {
      const row: Row = {
        race,
        root: new Container({ label: `clock:${race.id}` }),
        accent: new Graphics().rect(0, 0, L.accentWidth, 1).fill(theme.colours.accent),
        namePanel: new Graphics().rect(0, 0, 1, L.rowHeight).fill(theme.colours.panel),
        timePanel: new Graphics().rect(0, 0, 1, L.rowHeight).fill(theme.colours.strip),
        name: themeText(theme, 'display', theme.colours.panelText, L.nameSize),
        digits: createClockDigits(face, L.timeWidth - 2 * L.paddingX),
      };
      row.name.anchor.set(0, 0.5);
      row.accent.scale.y = L.rowHeight;
      row.namePanel.position.set(L.accentWidth, 0);
      row.namePanel.scale.x = L.nameWidth;
      row.timePanel.position.set(L.accentWidth + L.nameWidth, 0);
      row.timePanel.scale.x = L.timeWidth;
      row.name.position.set(L.accentWidth + L.paddingX, L.rowHeight / 2);
      row.digits.root.position.set(L.accentWidth + L.nameWidth + L.timeWidth - L.paddingX, L.rowHeight / 2);
      fitText(row.name, race.name, L.nameWidth - 2 * L.paddingX, L.nameSize, L.nameMinSize);
      row.root.addChild(row.namePanel, row.timePanel, row.accent, row.name, row.digits.root);
      row.root.position.set(x0, rowY(index));
      root.addChild(row.root);
      return row;
    }

    /** Slides a row in: the bar grows, the panels wipe across, the texts fade in. */
    function enterRow(tl: Timeline, row: Row, at: number) {
      const { enterSeconds: d, ease } = theme.timing;
      const texts = [row.name, row.digits.root];
      tl.fromTo(row.accent.scale, { y: 0 }, { y: L.rowHeight, duration: d * 0.35, ease }, at)
        .fromTo(row.namePanel.scale, { x: 0 }, { x: L.nameWidth, duration: d * 0.5, ease }, at + d * 0.15)
        .fromTo(row.timePanel, { alpha: 0 }, { alpha: 1, duration: d * 0.4, ease }, at + d * 0.35)
        .fromTo(row.timePanel.scale, { x: 0 }, { x: L.timeWidth, duration: d * 0.4, ease }, at + d * 0.35)
        .fromTo(texts, { alpha: 0 }, { alpha: 1, duration: d * 0.35, ease }, at + d * 0.5)
        .fromTo(row.name, { x: row.name.x - L.slide }, { x: row.name.x, duration: d * 0.35, ease }, at + d * 0.5);
    }

    return {
      root,
      enter(tl) {
        rows.forEach((row, index) => enterRow(tl, row, index * theme.timing.enterSeconds * 0.15));
      },
      exit(tl) {
        const { exitSeconds: d } = theme.timing;
        for (const row of rows) {
          tl.to([row.name, row.digits.root], { alpha: 0, duration: d * 0.35, ease: 'power2.in' }, 0)
            .to([row.namePanel.scale, row.timePanel.scale], { x: 0, duration: d * 0.6, ease: 'power3.in' }, d * 0.2)
            .to(row.accent.scale, { y: 0, duration: d * 0.3, ease: 'power3.in' }, d * 0.7);
        }
      },
      update(next, tl) {
        const { updateSeconds: d, ease } = theme.timing;
        for (const row of leaving) row.root.destroy({ children: true });
        const kept = new Map(rows.map((row) => [row.race.id, row]));
        const nextRows = next.rows.map((race, index) => {
          const row = kept.get(race.id);
          if (!row) {
            const added = buildRow(race, index);
            tl.fromTo(added.root, { alpha: 0, x: x0 - L.slide }, { alpha: 1, x: x0, duration: d, ease, immediateRender: true }, 0);
            return added;
          }
          kept.delete(race.id);
          if (row.root.y !== rowY(index)) tl.to(row.root, { y: rowY(index), duration: d, ease }, 0);
          if (row.race.name !== race.name) {
            tl.to(row.name, { alpha: 0, duration: d / 2, ease: 'power2.in' }, 0)
              .call(() => void fitText(row.name, race.name, L.nameWidth - 2 * L.paddingX, L.nameSize, L.nameMinSize), [], d / 2)
              .to(row.name, { alpha: 1, duration: d / 2, ease }, d / 2);
          }
          // Gun and finish take effect at once: the next tick shows the corrected time.
          row.race = race;
          return row;
        });
        leaving = [...kept.values()];
        for (const row of leaving) {
          tl.to(row.root, { alpha: 0, duration: d, ease: 'power2.in' }, 0).call(() => void (row.root.visible = false), [], d);
        }
        rows = nextRows;
      },
      tick(hubTime) {
        let changed = false;
        for (const row of rows) if (showClockDigits(row.digits, clockText(row.race, hubTime))) changed = true;
        return changed;
      },
    };
  },
});

function digitStyle(theme: Theme, L: RaceClockLayout) {
  return { ...themeFont(theme, 'display'), fill: theme.colours.stripText, fontSize: L.timeSize };
}
