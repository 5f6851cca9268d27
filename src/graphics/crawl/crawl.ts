import { CanvasTextMetrics, Container, Graphics, Text, TextStyle } from 'pixi.js';
import { crawlOffsetAt } from '../../core';
import type { CrawlItem } from '../../protocol/crawlItem';
import { crawl as contract, type CrawlLayout, type CrawlProps } from '../../protocol/kinds/crawl';
import { TITLE_SAFE } from '../../protocol/templates/safeArea';
import { crawlTakenAt, type CrawlState } from '../../state/crawlState';
import { defineGraphic, type Look, type Timeline } from '../graphicDefinition';
import { inkPadding } from '../inkPadding';
import { themeFont, themeText, unitBox } from '../themeText';
import { crawlTimeline } from './crawlTimeline';
import { createCrawlTrack, type Segment } from './crawlTrack';

/**
 * What the crawl draws: its props, the show's crawl (items, motion, changes since the take) and the hub time
 * it was taken (0 when it is not on air, e.g. in PVW).
 */
export type CrawlModel = CrawlProps & CrawlState & { takenAt: number };

/**
 * Crawl: a strip across the crawl region with the show's items moving right to left. Where it is comes from
 * the show and hub time alone (core crawlOffsetAt, crawlTimeline, crawlTrack: see those files for the rules),
 * so every output draws the same pixels at the same hub time and a reloaded one carries on where air is.
 * `running: false` stops the crawl where it is; true carries on from there.
 */
export const crawlGraphic = defineGraphic<CrawlProps, CrawlModel, CrawlLayout>({
  contract,
  resolve: (props, show) => ({ ...props, ...show.crawl, takenAt: crawlTakenAt(show) ?? 0 }),
  build(model, look) {
    const { theme, layout: L, fps, scale } = look;
    const { colours } = theme;
    const region = theme.regions.crawl;
    const root = new Container({ label: 'crawl' });
    const strip = new Container({ label: 'crawl:strip' }); // slides in and out as one
    const bar = unitBox(colours.panel);
    bar.position.set(region.x, region.y);
    bar.scale.set(region.width, region.height);
    const rule = unitBox(colours.accent);
    rule.position.set(region.x, region.y);
    rule.scale.set(region.width, L.accentHeight);
    const items = new Container({ label: 'crawl:items' });
    const labelBox = unitBox(colours.accent);
    const label = themeText(theme, 'display', colours.accentText, L.labelSize, 0.5);
    const centreY = region.y + L.accentHeight + (region.height - L.accentHeight) / 2;
    // The label's box runs from the frame's edge; its text starts inside graphics-safe (EBU R 95, 96 px at 1080p).
    const labelX = Math.max(region.x + L.labelPaddingX, TITLE_SAFE.x);
    labelBox.position.set(region.x, region.y);
    label.position.set(labelX, Math.round(centreY));
    // The label is drawn over the items, so they pass behind it without a mask.
    strip.addChild(bar, items, rule, labelBox, label);
    root.addChild(strip);

    let current = model;
    // The track counts whole output pixels, so every item moves, and sits, on the output's pixel grid: text
    // is resampled the same way every frame and never shimmers. Pixi positions are design pixels (n / scale).
    const left = Math.round(region.x * scale);
    const viewport = Math.round((region.x + region.width) * scale) - left;
    const styles = itemStyles(theme);
    // An item's content laid out once, however often it loops or a snapshot repeats it (by object first: cheap per
    // frame): the track reads its width, a view on screen draws it.
    const layouts = new Map<string, ItemLayout>();
    const layoutsByItem = new WeakMap<CrawlItem, ItemLayout>();
    const layoutOf = (item: CrawlItem) => {
      let laid = layoutsByItem.get(item);
      if (laid) return laid;
      const key = contentKey(item);
      laid = layouts.get(key);
      if (!laid) layouts.set(key, (laid = layoutItem(item, look, styles)));
      layoutsByItem.set(item, laid);
      return laid;
    };
    const widthOf = (item: CrawlItem) => layoutOf(item).width;
    const replay = (m: CrawlModel) => {
      const { motions, contents } = crawlTimeline(m, m.takenAt);
      const epochs = contents.map(({ at, items }) => ({ from: crawlOffsetAt(motions, at, fps, scale), items }));
      return { motions, track: createCrawlTrack(epochs, widthOf) };
    };
    let timeline = replay(model);
    const views = new Map<string, Container>(); // the segments on screen, by start and content
    let shownOffset: number | null = null;

    function setLabel(text: string) {
      label.text = text.toUpperCase();
      label.visible = labelBox.visible = text.length > 0;
      labelBox.scale.set(labelX - region.x + Math.ceil(label.width) + L.labelPaddingX, region.height);
    }
    setLabel(model.label);

    return {
      root,
      enter(tl: Timeline) {
        const { enterSeconds: d, ease } = theme.timing;
        tl.fromTo(strip, { y: region.height }, { y: 0, duration: d * 0.6, ease }, 0);
      },
      exit(tl: Timeline) {
        const { exitSeconds: d } = theme.timing;
        tl.to(strip, { y: region.height, duration: d * 0.8, ease: 'power3.in' }, 0);
      },
      update(next: CrawlModel) {
        // Segments already on screen keep what they showed: the replayed track changes only from the change on.
        if (next.label !== current.label) setLabel(next.label);
        if (next.items !== current.items || next.changes !== current.changes || next.takenAt !== current.takenAt || next.running !== current.running || next.speedPxPerS !== current.speedPxPerS) {
          timeline = replay(next);
          shownOffset = null;
        }
        current = next;
      },
      tick(hubTime: number) {
        const offset = crawlOffsetAt(timeline.motions, hubTime, fps, scale);
        if (offset === shownOffset) return false;
        shownOffset = offset;
        const keep = new Map<string, Container>();
        for (const segment of timeline.track.visible(offset, viewport)) {
          const key = segmentKey(segment);
          const view = views.get(key) ?? keep.get(key) ?? itemView(segment.item, layoutOf(segment.item), look, centreY);
          view.x = (left + viewport - (offset - segment.start)) / scale;
          if (view.parent !== items) items.addChild(view);
          keep.set(key, view);
        }
        for (const [key, view] of views) if (!keep.has(key)) view.destroy({ children: true });
        views.clear();
        for (const [key, view] of keep) views.set(key, view);
        return true;
      },
    };
  },
});

const contentKey = (item: CrawlItem) => JSON.stringify(item);
const segmentKey = (segment: Segment) => `${segment.start} ${contentKey(segment.item)}`;

/** The text styles of a crawl's items, one object per face and ink: Pixi measures a text once per style object. */
type ItemStyles = (face: 'display' | 'text', ink: string, size: number) => TextStyle;

function itemStyles(theme: Look<CrawlLayout>['theme']): ItemStyles {
  const styles = new Map<string, TextStyle>();
  return (face, ink, size) => {
    const key = `${face} ${ink} ${size}`;
    let style = styles.get(key);
    if (!style) styles.set(key, (style = new TextStyle({ ...themeFont(theme, face), fill: ink, fontSize: size })));
    return style;
  };
}

/** An item laid out: its texts and chip boxes where they go (whole output pixels from its left edge), in drawing order, and its width. */
type ItemLayout = { width: number; parts: ({ text: string; style: TextStyle; x: number } | { box: string; x: number; width: number })[] };

/**
 * Where an item's parts go: a marker in the gap before it, then its content. Positions and the width are
 * whole output pixels (laid out at the output's scale), so an item moved by whole output pixels never blurs.
 * Only measures: a crawl learns every item's width this way before it draws any (itemView draws one).
 */
function layoutItem(item: CrawlItem, look: Look<CrawlLayout>, styles: ItemStyles): ItemLayout {
  const { theme, layout: L, scale } = look;
  const { colours } = theme;
  const out = (designPx: number) => Math.round(designPx * scale);
  // What a Text of this content measures (its width, at scale 1), as whole output pixels.
  const textWidth = (text: string, style: TextStyle) => Math.ceil(CanvasTextMetrics.measureText(text, style).width * scale);
  const laid: ItemLayout = { width: 0, parts: [] };
  let x = out(L.gap);
  const put = (text: string, face: 'display' | 'text', gapAfter: number) => {
    const style = styles(face, colours.panelText, L.textSize);
    // Items share a style: its padding is the most any of them needs (an Arabic headline's descenders).
    style.padding = Math.max(style.padding, inkPadding(text, style));
    laid.parts.push({ text, style, x });
    x += textWidth(text, style) + gapAfter;
  };
  const chip = (caption: string, fill: string, ink: string) => {
    const style = styles('display', ink, L.tagSize);
    const padding = out(L.chipPaddingX);
    const width = textWidth(caption, style) + 2 * padding;
    laid.parts.push({ box: fill, x, width }, { text: caption, style, x: x + padding });
    x += width;
  };
  const space = out(L.textSize * 0.45);
  switch (item.kind) {
    case 'headline':
      put(item.text, 'text', 0);
      break;
    case 'result':
      chip('RESULT', colours.accent, colours.accentText);
      x += space;
      put(item.text, 'text', 0);
      break;
    case 'social':
      put(item.handle, 'display', space);
      put(item.text, 'text', item.tag ? space : 0);
      if (item.tag) chip(item.tag, colours.strip, colours.stripText);
      break;
  }
  laid.width = x;
  return laid;
}

/** One item's view, from its layout: output pixels given to Pixi in design units (at 1080p an output pixel is a design pixel). */
function itemView(item: CrawlItem, laid: ItemLayout, look: Look<CrawlLayout>, centreY: number): Container {
  const { theme, layout: L, scale } = look;
  const out = (designPx: number) => Math.round(designPx * scale);
  const design = (outputPx: number) => outputPx / scale;
  const view = new Container({ label: `crawl:${item.id}` });
  const markerSize = design(out(L.markerSize));
  const marker = new Graphics().rect(0, 0, markerSize, markerSize).fill(theme.colours.accent);
  marker.position.set(design(out((L.gap - L.markerSize) / 2)), Math.round(centreY - L.markerSize / 2));
  view.addChild(marker);
  for (const part of laid.parts) {
    if ('box' in part) {
      const box = new Graphics().rect(0, 0, design(part.width), L.chipHeight).fill(part.box);
      box.position.set(design(part.x), Math.round(centreY - L.chipHeight / 2));
      view.addChild(box);
      continue;
    }
    const text = new Text({ text: part.text, style: part.style });
    text.anchor.set(0, 0.5);
    text.position.set(design(part.x), Math.round(centreY));
    view.addChild(text);
  }
  return view;
}
