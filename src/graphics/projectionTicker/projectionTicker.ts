import { Container, Graphics, type Text } from 'pixi.js';
import { projectionTicker as contract, type ProjectionTickerLayout, type ProjectionTickerProps } from '../../protocol/kinds/projectionTicker';
import { defineGraphic, type Timeline } from '../graphicDefinition';
import { fitText } from '../fitText';
import { fadeText, rollText } from '../rollText';
import { themeText } from '../themeText';
import { placeTickerItems, resolveProjection, type ProjectionModel, type TickerItem, type TickerSegment } from './projectionModel';

type SegmentId = 'split' | 'projected' | 'record';
type Direction = NonNullable<ProjectionModel['delta']>['direction'];
const SEGMENTS: SegmentId[] = ['split', 'projected', 'record'];
const DIRECTIONS: Direction[] = ['under', 'over', 'level'];

/**
 * The projection ticker: the race name on an accent block, then slots for the latest split, the projected finish,
 * the record and the difference (a pill coloured theme.colours.under / over). Shown items close up in order with a
 * dot between them (placeTickerItems); while the same items show, slots stay put and only the values that changed
 * roll over; when one comes or goes (the finish drops the projection), the items fade out and in at their new places.
 */
export const projectionTickerGraphic = defineGraphic<ProjectionTickerProps, ProjectionModel, ProjectionTickerLayout>({
  contract,
  resolve: resolveProjection,
  build(model, look) {
    const { theme, layout: L } = look;
    const { colours } = theme;
    const region = theme.regions.ticker;
    const root = new Container({ label: 'projectionTicker' });
    const top = region.y + Math.round((region.height - L.height) / 2);
    const midY = top + L.height / 2;
    const x0 = region.x;
    const barX = x0 + L.nameWidth;
    const slotX: Record<TickerItem, number> = { split: barX, projected: barX, record: barX, delta: barX };
    let places = placeTickerItems(model, L.slots);
    const place = () => {
      for (const id of ['split', 'projected', 'record', 'delta'] as const) slotX[id] = barX + (places.x[id] ?? 0);
    };
    place();

    const nameBlock = new Graphics().rect(0, 0, 1, L.height).fill(colours.accent);
    const bar = new Graphics().rect(0, 0, 1, L.height).fill(colours.panel);
    nameBlock.position.set(x0, top);
    nameBlock.scale.x = L.nameWidth;
    bar.position.set(barX, top);
    bar.scale.x = places.width;
    const dotOf: Record<Exclude<TickerItem, 'split'>, Graphics> = {
      projected: new Graphics().circle(0, midY, L.dotSize / 2).fill(colours.accent),
      record: new Graphics().circle(0, midY, L.dotSize / 2).fill(colours.accent),
      delta: new Graphics().circle(0, midY, L.dotSize / 2).fill(colours.accent),
    };
    const dots = Object.values(dotOf);
    /** Dots before the shown items but the first; the pill at the delta's slot. */
    const placeMarks = () => {
      for (const [id, dot] of Object.entries(dotOf) as [Exclude<TickerItem, 'split'>, Graphics][]) {
        dot.x = slotX[id];
        dot.visible = places.separators.includes(id);
      }
      for (const direction of DIRECTIONS) pills[direction].x = slotX.delta + L.paddingX;
    };
    const name = themeText(theme, 'display', colours.accentText, L.nameSize);
    name.anchor.set(0.5, 0.5);
    name.position.set(x0 + L.nameWidth / 2, midY);

    const texts = Object.fromEntries(
      SEGMENTS.map((id) => {
        const caption = themeText(theme, 'text', colours.panelText, L.captionSize);
        const value = themeText(theme, 'display', colours.panelText, L.valueSize);
        caption.anchor.set(0, 0.5);
        value.anchor.set(0, 0.5);
        caption.y = midY;
        value.y = midY;
        return [id, { caption, value }];
      }),
    ) as Record<SegmentId, { caption: Text; value: Text }>;

    const pillHeight = Math.min(L.height - 8, Math.round(L.deltaSize * 1.4));
    const pillX = () => slotX.delta + L.paddingX;
    const pillFill: Record<Direction, string> = { under: colours.under, over: colours.over, level: colours.strip };
    const pills = Object.fromEntries(
      DIRECTIONS.map((direction) => {
        const pill = new Graphics().rect(0, 0, 1, pillHeight).fill(pillFill[direction]);
        pill.position.set(pillX(), midY - pillHeight / 2);
        pill.alpha = 0;
        return [direction, pill];
      }),
    ) as Record<Direction, Graphics>;
    const delta = themeText(theme, 'display', colours.accentText, L.deltaSize);
    delta.anchor.set(0.5, 0.5);
    delta.y = midY;

    root.addChild(bar, nameBlock, ...dots, ...DIRECTIONS.map((d) => pills[d]), name, delta, ...SEGMENTS.flatMap((id) => [texts[id].caption, texts[id].value]));

    const setName = (m: ProjectionModel) => void fitText(name, m.raceName, L.nameWidth - 2 * L.paddingX, L.nameSize, L.nameMinSize);
    function setSegment(id: SegmentId, segment: TickerSegment | null) {
      const { caption, value } = texts[id];
      const inner = L.slots[id] - 2 * L.paddingX;
      fitText(caption, segment?.caption ?? '', inner / 2, L.captionSize, L.captionMinSize);
      const gap = segment ? L.captionGap : 0;
      fitText(value, segment?.value ?? '', inner - caption.width - gap, L.valueSize, L.valueMinSize);
      caption.x = slotX[id] + L.paddingX;
      value.x = caption.x + caption.width + gap;
    }
    const pillWidth = () => Math.ceil(delta.width) + 2 * L.deltaPaddingX;
    function setDelta(m: ProjectionModel) {
      const maxText = L.slots.delta - 2 * L.paddingX - 2 * L.deltaPaddingX;
      delta.style.fill = m.delta?.direction === 'level' ? colours.stripText : colours.accentText;
      fitText(delta, m.delta?.text ?? '', maxText, L.deltaSize, L.deltaMinSize);
      delta.x = pillX() + pillWidth() / 2;
    }
    function setAll(m: ProjectionModel) {
      setName(m);
      for (const id of SEGMENTS) setSegment(id, m[id]);
      setDelta(m);
    }
    placeMarks();
    setAll(model);
    for (const direction of DIRECTIONS) pills[direction].scale.x = pillWidth();
    if (model.delta) pills[model.delta.direction].alpha = 1;
    let current = model;
    const allTexts = () => [name, delta, ...SEGMENTS.flatMap((id) => [texts[id].caption, texts[id].value])];

    return {
      root,
      enter(tl) {
        const { enterSeconds: d, ease } = theme.timing;
        const segmentTexts = SEGMENTS.flatMap((id) => [texts[id].caption, texts[id].value]);
        tl.fromTo(nameBlock.scale, { x: 0 }, { x: L.nameWidth, duration: d * 0.35, ease }, 0)
          .fromTo(bar.scale, { x: 0 }, { x: places.width, duration: d * 0.6, ease }, d * 0.15)
          .fromTo([name, ...dots], { alpha: 0 }, { alpha: 1, duration: d * 0.3, ease }, d * 0.3)
          .fromTo(segmentTexts, { alpha: 0 }, { alpha: 1, duration: d * 0.35, ease, stagger: d * 0.03 }, d * 0.45)
          .fromTo(DIRECTIONS.map((dir) => pills[dir].scale), { x: 0 }, { x: pillWidth(), duration: d * 0.3, ease }, d * 0.6)
          .fromTo(delta, { alpha: 0 }, { alpha: 1, duration: d * 0.25, ease }, d * 0.75);
      },
      exit(tl) {
        const { exitSeconds: d } = theme.timing;
        tl.to([...allTexts(), ...dots], { alpha: 0, duration: d * 0.35, ease: 'power2.in' }, 0)
          .to(DIRECTIONS.map((dir) => pills[dir].scale), { x: 0, duration: d * 0.3, ease: 'power3.in' }, d * 0.1)
          .to(bar.scale, { x: 0, duration: d * 0.6, ease: 'power3.in' }, d * 0.25)
          .to(nameBlock.scale, { x: 0, duration: d * 0.35, ease: 'power3.in' }, d * 0.65);
      },
      update(next, tl) {
        const previous = current;
        current = next;
        const { updateSeconds: d, ease } = theme.timing;
        const roll = { duration: d, distance: L.roll, ease };
        if (next.raceName !== previous.raceName) rollText(tl, [name], () => setName(next), roll);
        const nextPlaces = placeTickerItems(next, L.slots);
        if (JSON.stringify(nextPlaces) !== JSON.stringify(places)) return relayout(tl, previous, next, nextPlaces);
        for (const id of SEGMENTS) updateSegment(tl, id, previous[id], next[id]);
        updateDelta(tl, previous, next);

        function updateSegment(tl: Timeline, id: SegmentId, was: TickerSegment | null, now: TickerSegment | null) {
          const { caption, value } = texts[id];
          const apply = () => setSegment(id, now);
          if (was === null && now === null) return;
          if (was === null || now === null) return fadeText(tl, [caption, value], now !== null, apply, { duration: d / 2, ease, at: now ? d / 2 : 0 });
          // A longer caption pushes its value along, so a changed caption rolls both.
          const changed = was.caption !== now.caption ? [caption, value] : was.value !== now.value ? [value] : [];
          if (changed.length > 0) rollText(tl, changed, apply, roll);
        }
      },
    };

    /** An item came or went: everything after the name fades out, moves to its new place and fades in; the bar follows. */
    function relayout(tl: Timeline, previous: ProjectionModel, next: ProjectionModel, nextPlaces: typeof places) {
      const { updateSeconds: d, ease } = theme.timing;
      const segmentTexts = SEGMENTS.flatMap((id) => [texts[id].caption, texts[id].value]);
      const shownPill = (m: ProjectionModel) => (m.delta ? [pills[m.delta.direction]] : []);
      tl.to([...segmentTexts, delta, ...dots.filter((dot) => dot.visible), ...shownPill(previous)], { alpha: 0, duration: d / 2, ease: 'power2.in' }, 0)
        .to(bar.scale, { x: nextPlaces.width, duration: d, ease }, 0)
        .call(
          () => {
            places = nextPlaces;
            place();
            placeMarks();
            setAll(next);
            for (const direction of DIRECTIONS) pills[direction].scale.x = pillWidth();
          },
          [],
          d / 2,
        )
        .fromTo([...segmentTexts, delta, ...dots, ...shownPill(next)], { alpha: 0 }, { alpha: 1, duration: d / 2, ease, immediateRender: false }, d / 2);
    }

    function updateDelta(tl: Timeline, previous: ProjectionModel, next: ProjectionModel) {
      const { updateSeconds: d, ease } = theme.timing;
      const was = previous.delta;
      const now = next.delta;
      if (was?.text === now?.text && was?.direction === now?.direction) return;
      // Measure the new pill, then put the old text back for the first half of the roll.
      setDelta(next);
      const width = pillWidth();
      setDelta(previous);
      const apply = () => setDelta(next);
      if (was && now) rollText(tl, [delta], apply, { duration: d, distance: L.roll, ease });
      else fadeText(tl, [delta], now !== null, apply, { duration: d / 2, ease, at: now ? d / 2 : 0 });
      tl.to(DIRECTIONS.map((dir) => pills[dir].scale), { x: width, duration: d, ease }, 0);
      for (const direction of DIRECTIONS) {
        const alpha = now?.direction === direction ? 1 : 0;
        if (pills[direction].alpha !== alpha) tl.to(pills[direction], { alpha, duration: d, ease }, 0);
      }
    }
  },
});
