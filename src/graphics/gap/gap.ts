import { Container, Graphics } from 'pixi.js';
import { gap as contract, type GapLayout, type GapProps } from '../../protocol/kinds/gapGraphic';
import { defineGraphic } from '../graphicDefinition';
import { fitText } from '../fitText';
import { rollText } from '../rollText';
import { themeText, unitBox } from '../themeText';
import { resolveGap, type GapModel } from './gapModel';

/**
 * Gap, top-right of the banner region: the race and timing point on an accent tab, then the leading group and
 * the chasers on two rows of the panel with the gap between them large at the right, an arrow saying whether it
 * grew or shrank since the point before. New passings roll only what changed.
 */
export const gapGraphic = defineGraphic<GapProps, GapModel, GapLayout>({
  contract,
  resolve: resolveGap,
  build(model, look) {
    const { theme, layout: L } = look;
    const { colours } = theme;
    const region = theme.regions.banner;
    const x0 = region.x + region.width - L.inset - L.width;
    const y0 = region.y + L.inset;
    const panelY = y0 + L.titleHeight;
    const root = new Container({ label: 'gap' });
    const tab = unitBox(colours.accent);
    const panel = unitBox(colours.panel);
    const title = themeText(theme, 'display', colours.accentText, L.titleSize, 0.5);
    const leaders = themeText(theme, 'text', colours.panelText, L.rowSize, 0.5);
    const chasers = themeText(theme, 'text', colours.panelText, L.rowSize, 0.5);
    const gapText = themeText(theme, 'display', colours.panelText, L.gapSize, 0.5);
    const arrow = new Graphics();
    gapText.anchor.set(1, 0.5);
    tab.position.set(x0, y0);
    tab.scale.set(L.width, L.titleHeight);
    panel.position.set(x0, panelY);
    panel.scale.set(L.width, 2 * L.rowHeight);
    title.position.set(x0 + L.paddingX, y0 + L.titleHeight / 2);
    leaders.position.set(x0 + L.paddingX, panelY + L.rowHeight / 2);
    chasers.position.set(x0 + L.paddingX, panelY + L.rowHeight * 1.5);
    const arrowSize = L.gapSize * 0.22;
    gapText.position.set(x0 + L.width - L.paddingX - 2 * arrowSize - L.paddingX / 2, panelY + L.rowHeight);
    root.addChild(tab, panel, title, leaders, chasers, gapText, arrow);

    const namesWidth = L.width - L.gapWidth - 2 * L.paddingX;
    const set = (m: GapModel) => {
      fitText(title, m.point ? `${m.raceName} · ${m.point}` : m.raceName, L.width - 2 * L.paddingX, L.titleSize, L.titleSize * 0.7);
      fitText(leaders, m.leaders, namesWidth, L.rowSize, L.rowMinSize);
      fitText(chasers, m.chasers, namesWidth, L.rowSize, L.rowMinSize);
      fitText(gapText, m.gap, L.gapWidth - 2 * arrowSize, L.gapSize, L.gapSize * 0.6);
      arrow.clear();
      if (m.trend === 'growing' || m.trend === 'shrinking') {
        const x = x0 + L.width - L.paddingX - arrowSize;
        const y = panelY + L.rowHeight;
        const up = m.trend === 'growing';
        arrow.poly(up ? [x - arrowSize, y + arrowSize * 0.6, x + arrowSize, y + arrowSize * 0.6, x, y - arrowSize * 0.8] : [x - arrowSize, y - arrowSize * 0.6, x + arrowSize, y - arrowSize * 0.6, x, y + arrowSize * 0.8]).fill(up ? colours.over : colours.under);
      }
    };
    set(model);
    let current = model;

    return {
      root,
      enter(tl) {
        const { enterSeconds: d, ease } = theme.timing;
        tl.fromTo(tab.scale, { x: 0 }, { x: L.width, duration: d * 0.45, ease }, 0)
          .fromTo(panel.scale, { y: 0 }, { y: 2 * L.rowHeight, duration: d * 0.5, ease }, d * 0.2)
          .fromTo([title, leaders, chasers, gapText, arrow], { alpha: 0 }, { alpha: 1, duration: d * 0.4, ease }, d * 0.5);
      },
      exit(tl) {
        const { exitSeconds: d } = theme.timing;
        tl.to([title, leaders, chasers, gapText, arrow], { alpha: 0, duration: d * 0.35, ease: 'power2.in' }, 0)
          .to(panel.scale, { y: 0, duration: d * 0.5, ease: 'power3.in' }, d * 0.25)
          .to(tab.scale, { x: 0, duration: d * 0.4, ease: 'power3.in' }, d * 0.55);
      },
      update(next, tl) {
        const { updateSeconds: d, ease } = theme.timing;
        const previous = current;
        current = next;
        const changed = [
          ...(next.raceName !== previous.raceName || next.point !== previous.point ? [title] : []),
          ...(next.leaders !== previous.leaders ? [leaders] : []),
          ...(next.chasers !== previous.chasers ? [chasers] : []),
          ...(next.gap !== previous.gap ? [gapText] : []),
        ];
        if (changed.length > 0 || next.trend !== previous.trend) rollText(tl, changed, () => set(next), { duration: d, distance: L.rowHeight / 4, ease });
      },
    };
  },
});
