import { Container, Graphics } from 'pixi.js';
import { splitBanner as contract, type SplitBannerLayout, type SplitBannerProps } from '../../protocol/kinds/splitBanner';
import { defineGraphic } from '../graphicDefinition';
import { fitText } from '../fitText';
import { fadeText, rollText } from '../rollText';
import { themeText } from '../themeText';
import { resolveSplitBanner, type SplitBannerModel } from './splitBannerModel';

/**
 * Split banner, top-right of the banner region: the race name on an accent tab, the split caption and time
 * on the panel, the leaders on a light strip below with the pace at its right when the race shows pace (the
 * strip is left out when there is neither).
 */
export const splitBannerGraphic = defineGraphic<SplitBannerProps, SplitBannerModel, SplitBannerLayout>({
  contract,
  resolve: resolveSplitBanner,
  build(model, look) {
    const { theme, layout: L } = look;
    const region = theme.regions.banner;
    const root = new Container({ label: 'splitBanner' });
    const x0 = region.x + region.width - L.inset - L.width;
    const y0 = region.y + L.inset;
    const mainY = y0 + L.nameHeight;
    const stripY = mainY + L.mainHeight;

    const tab = new Graphics().rect(0, 0, 1, L.nameHeight).fill(theme.colours.accent);
    const panel = new Graphics().rect(0, 0, 1, L.mainHeight).fill(theme.colours.panel);
    const strip = new Graphics().rect(0, 0, 1, L.leadersHeight).fill(theme.colours.strip);
    const name = themeText(theme, 'display', theme.colours.accentText, L.nameSize);
    const label = themeText(theme, 'display', theme.colours.panelText, L.labelSize);
    const time = themeText(theme, 'display', theme.colours.panelText, L.timeSize);
    const leaders = themeText(theme, 'text', theme.colours.stripText, L.leadersSize);
    const pace = themeText(theme, 'display', theme.colours.stripText, L.leadersSize);
    name.anchor.set(0, 0.5);
    pace.anchor.set(1, 0.5);
    label.anchor.set(0, 0.5);
    time.anchor.set(1, 0.5);
    leaders.anchor.set(0, 0.5);
    tab.position.set(x0, y0);
    panel.position.set(x0, mainY);
    panel.scale.x = L.width;
    strip.position.set(x0, stripY);
    strip.scale.x = L.width;
    name.position.set(x0 + L.paddingX, y0 + L.nameHeight / 2);
    label.position.set(x0 + L.paddingX, mainY + L.mainHeight / 2);
    time.position.set(x0 + L.width - L.paddingX, mainY + L.mainHeight / 2);
    leaders.position.set(x0 + L.paddingX, stripY + L.leadersHeight / 2);
    pace.position.set(x0 + L.width - L.paddingX, stripY + L.leadersHeight / 2);
    root.addChild(tab, panel, strip, name, label, time, leaders, pace);

    const inner = L.width - 2 * L.paddingX;
    const tabWidth = () => Math.min(L.width, Math.ceil(name.width) + 2 * L.paddingX);
    const setName = (m: SplitBannerModel) => void fitText(name, m.raceName, inner, L.nameSize, L.nameMinSize);
    // The pace is never cut (up to half the strip); the leaders get the rest.
    const setLeaders = (m: SplitBannerModel) => {
      fitText(pace, m.pace, inner / 2, L.leadersSize, L.leadersMinSize);
      fitText(leaders, m.leaders, m.pace ? inner - pace.width - L.paddingX : inner, L.leadersSize, L.leadersMinSize);
    };
    const stripShown = (m: SplitBannerModel) => m.leaders !== '' || m.pace !== '';
    // The time is never cut: it gets the room it needs (up to two thirds), the caption the rest.
    const setLabelAndTime = (m: SplitBannerModel) => {
      fitText(time, m.time, (inner * 2) / 3, L.timeSize, L.timeMinSize);
      fitText(label, m.label, inner - time.width - L.paddingX, L.labelSize, L.labelMinSize);
    };
    setName(model);
    setLabelAndTime(model);
    setLeaders(model);
    tab.scale.x = tabWidth();
    let current = model;
    let hasLeaders = stripShown(model);
    strip.visible = hasLeaders;
    leaders.visible = hasLeaders;
    pace.visible = hasLeaders;

    return {
      root,
      enter(tl) {
        const { enterSeconds: d, ease } = theme.timing;
        tl.fromTo(panel.scale, { x: 0 }, { x: L.width, duration: d * 0.5, ease }, 0)
          .fromTo(tab.scale, { x: 0 }, { x: tab.scale.x, duration: d * 0.4, ease }, d * 0.2)
          .fromTo(strip.scale, { x: 0 }, { x: L.width, duration: d * 0.5, ease }, d * 0.25)
          .fromTo([name, label, time, leaders, pace], { alpha: 0 }, { alpha: 1, duration: d * 0.4, ease }, d * 0.55)
          .fromTo([label, leaders], { x: label.x - L.slide }, { x: label.x, duration: d * 0.4, ease }, d * 0.55);
      },
      exit(tl) {
        const { exitSeconds: d } = theme.timing;
        tl.to([name, label, time, leaders, pace], { alpha: 0, duration: d * 0.35, ease: 'power2.in' }, 0)
          .to([panel.scale, strip.scale, tab.scale], { x: 0, duration: d * 0.6, ease: 'power3.in' }, d * 0.25);
      },
      update(next, tl) {
        const { updateSeconds: d, ease } = theme.timing;
        const roll = { duration: d, distance: L.slide / 2, ease };
        const previous = current;
        current = next;
        if (next.raceName !== previous.raceName) {
          setName(next);
          const width = tabWidth();
          setName(previous);
          rollText(tl, [name], () => setName(next), roll);
          tl.to(tab.scale, { x: width, duration: d, ease }, 0);
        }
        if (next.label !== previous.label || next.time !== previous.time) {
          const changed = [...(next.label !== previous.label ? [label] : []), ...(next.time !== previous.time ? [time] : [])];
          rollText(tl, changed, () => setLabelAndTime(next), roll);
        }
        const showLeaders = stripShown(next);
        if (showLeaders && hasLeaders && (next.leaders !== previous.leaders || next.pace !== previous.pace)) {
          const changed = [...(next.leaders !== previous.leaders ? [leaders] : []), ...(next.pace !== previous.pace ? [pace] : [])];
          rollText(tl, changed, () => setLeaders(next), roll);
        }
        if (showLeaders !== hasLeaders) {
          if (showLeaders) {
            strip.visible = true;
            leaders.visible = true;
            pace.visible = true;
            tl.fromTo(strip.scale, { x: 0 }, { x: L.width, duration: d, ease, immediateRender: true }, 0);
          } else {
            tl.to(strip.scale, { x: 0, duration: d, ease: 'power3.in' }, 0);
          }
          fadeText(tl, [leaders, pace], showLeaders, () => setLeaders(next), { duration: d / 2, ease, at: showLeaders ? d / 2 : 0 });
          hasLeaders = showLeaders;
        }
      },
    };
  },
});
