import { Container } from 'pixi.js';
import { statCard as contract, type StatCardLayout, type StatCardProps } from '../../protocol/kinds/statCard';
import { fitText } from '../fitText';
import { defineGraphic, type Timeline } from '../graphicDefinition';
import { themeText, unitBox } from '../themeText';
import { decimalsOf, formatStat } from './formatStat';

/**
 * Stat card: a big number on a dark panel under an accent rule, the caption on a light strip below, centred
 * in the centre region. An update counts the number from the old value to the new one.
 */
export const statCardGraphic = defineGraphic<StatCardProps, StatCardProps, StatCardLayout>({
  contract,
  build(model, look) {
    const { theme, layout: L } = look;
    const { colours } = theme;
    const region = theme.regions.centre;
    const root = new Container({ label: 'statCard' });
    const rule = unitBox(colours.accent);
    const panel = unitBox(colours.panel);
    const strip = unitBox(colours.strip);
    const number = themeText(theme, 'display', colours.panelText, L.numberSize, 0.5);
    const caption = themeText(theme, 'text', colours.stripText, L.captionSize, 0.5);
    number.anchor.set(0.5, 0.5);
    caption.anchor.set(0.5, 0.5);
    root.addChild(panel, strip, rule, number, caption);

    const height = L.accentHeight + L.numberHeight + L.captionHeight;
    const centreX = region.x + region.width / 2;
    const top = Math.round(region.y + (region.height - height) / 2 + L.offsetY);
    const numberText = (props: StatCardProps, value = props.value, decimals = decimalsOf(props.value)) =>
      `${formatStat(value, decimals)}${props.unit ? ` ${props.unit}` : ''}`;

    let current = model;
    let shownWidth = measure(model);

    function measure(props: StatCardProps): number {
      number.text = numberText(props);
      fitText(caption, props.caption, L.maxWidth - 2 * L.paddingX, L.captionSize, L.captionMinSize);
      return Math.min(L.maxWidth, Math.max(L.minWidth, Math.ceil(Math.max(number.width, caption.width)) + 2 * L.paddingX));
    }

    function place(width: number) {
      const left = Math.round(centreX - width / 2);
      rule.position.set(left, top);
      rule.scale.set(width, L.accentHeight);
      panel.position.set(left, top + L.accentHeight);
      panel.scale.set(width, L.numberHeight);
      strip.position.set(left, top + L.accentHeight + L.numberHeight);
      strip.scale.set(width, L.captionHeight);
    }
    number.position.set(centreX, top + L.accentHeight + L.numberHeight / 2);
    caption.position.set(centreX, top + L.accentHeight + L.numberHeight + L.captionHeight / 2);
    place(shownWidth);

    return {
      root,
      enter(tl: Timeline) {
        const { enterSeconds: d, ease } = theme.timing;
        const left = rule.x;
        tl.fromTo(rule.scale, { x: 0 }, { x: shownWidth, duration: d * 0.4, ease }, 0)
          .fromTo([panel.scale, strip.scale], { y: 0 }, { y: (i: number) => (i === 0 ? L.numberHeight : L.captionHeight), duration: d * 0.5, ease }, d * 0.2)
          .fromTo([number, caption], { alpha: 0 }, { alpha: 1, duration: d * 0.4, ease }, d * 0.6)
          .fromTo(number.scale, { x: 0.9, y: 0.9 }, { x: 1, y: 1, duration: d * 0.4, ease }, d * 0.6)
          .fromTo(rule, { x: left + shownWidth / 2 }, { x: left, duration: d * 0.4, ease }, 0);
      },
      exit(tl: Timeline) {
        const { exitSeconds: d } = theme.timing;
        tl.to([number, caption], { alpha: 0, duration: d * 0.35, ease: 'power2.in' }, 0)
          .to([panel.scale, strip.scale], { y: 0, duration: d * 0.5, ease: 'power3.in' }, d * 0.3)
          .to(rule.scale, { x: 0, duration: d * 0.3, ease: 'power3.in' }, d * 0.7)
          .to(rule, { x: rule.x + shownWidth / 2, duration: d * 0.3, ease: 'power3.in' }, d * 0.7);
      },
      update(next: StatCardProps, tl: Timeline) {
        const { updateSeconds: d, ease } = theme.timing;
        const half = d / 2;
        const from = current;
        const width = measure(next);
        measure(from); // back to the old texts until they change
        const box = { width: shownWidth };
        if (next.unit === from.unit && next.caption === from.caption) {
          // The same stat with a new value (a running total): count to it. The box never gets narrower than
          // the number passing through it.
          const fit = () => place(Math.max(box.width, Math.min(L.maxWidth, Math.ceil(number.width) + 2 * L.paddingX)));
          tl.to(box, { width, duration: d, ease, onUpdate: fit }, 0);
          const decimals = Math.max(decimalsOf(from.value), decimalsOf(next.value));
          const counter = { value: from.value };
          const show = () => {
            number.text = numberText(next, counter.value, decimals);
            fit();
          };
          tl.to(counter, { value: next.value, duration: d, ease, onUpdate: show }, 0).call(() => void (number.text = numberText(next)), [], d);
        } else {
          // A different stat: fade the old one out and the new one in. The box widens while the old one fades
          // (the new one appears in a box already wide enough) or narrows once it has gone, along the ease:
          // no text ever overhangs it and its width never jumps.
          const widening = width > shownWidth;
          tl.to(box, { width, duration: half, ease, onUpdate: () => place(box.width) }, widening ? 0 : half)
            .to([number, caption], { alpha: 0, duration: half, ease: 'power2.in' }, 0)
            .call(() => void measure(next), [], half)
            .to([number, caption], { alpha: 1, duration: half, ease }, half);
        }
        current = next;
        shownWidth = width;
      },
    };
  },
});
