import { Container, Graphics, type Text } from 'pixi.js';
import type { CrawlItem } from '../../protocol/crawlItem';
import { crawl as contract, type CrawlLayout, type CrawlProps } from '../../protocol/kinds/crawl';
import type { CrawlState } from '../../state/crawlState';
import { defineGraphic, type Look, type Timeline } from '../graphicDefinition';
import { themeText, unitBox } from '../themeText';
import { createCrawlClock } from './crawlClock';
import { createCrawlTrack } from './crawlTrack';

/** What the crawl draws: its props plus the show's crawl (items, running, speed). */
export type CrawlModel = CrawlProps & CrawlState;

/**
 * Crawl: a strip across the crawl region with the show's items moving right to left. Motion comes from hub
 * time (crawlClock) and items enter through a segment queue (crawlTrack): see those files for the rules.
 * `running: false` stops the crawl where it is; true carries on from there.
 */
export const crawlGraphic = defineGraphic<CrawlProps, CrawlModel, CrawlLayout>({
  contract,
  resolve: (props, show) => ({ ...props, ...show.crawl }),
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
    labelBox.position.set(region.x, region.y);
    label.position.set(region.x + L.labelPaddingX, Math.round(centreY));
    // The label is drawn over the items, so they pass behind it without a mask.
    strip.addChild(bar, items, rule, labelBox, label);
    root.addChild(strip);

    let current = model;
    // The track counts whole output pixels, so every item moves, and sits, on the output's pixel grid: text
    // is resampled the same way every frame and never shimmers. Pixi positions are design pixels (n / scale).
    const left = Math.round(region.x * scale);
    const viewport = Math.round((region.x + region.width) * scale) - left;
    const clock = createCrawlClock(fps, scale, model.running, model.speedPxPerS);
    const track = createCrawlTrack<Container>({
      viewport,
      lay: (item) => layItem(item, look, centreY),
      drop: (view) => view.destroy({ children: true }),
    });
    let shownOffset: number | null = null;

    function setLabel(text: string) {
      label.text = text.toUpperCase();
      label.visible = labelBox.visible = text.length > 0;
      labelBox.scale.set(Math.ceil(label.width) + 2 * L.labelPaddingX, region.height);
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
        // Items are read as each one enters (tick); nothing already on screen changes here.
        if (next.label !== current.label) setLabel(next.label);
        current = next;
      },
      tick(hubTime: number) {
        clock.set(current.running, current.speedPxPerS, hubTime);
        const offset = clock.offsetAt(hubTime);
        const relaid = track.advance(offset, current.items);
        if (offset === shownOffset && !relaid) return false;
        shownOffset = offset;
        for (const segment of track.segments()) segment.view.x = (left + track.xOf(segment, offset)) / scale;
        for (const segment of track.segments()) if (segment.view.parent !== items) items.addChild(segment.view);
        return true;
      },
    };
  },
});

/**
 * One item's view: a marker in the gap before it, then its content. Positions and the width are whole
 * output pixels (laid out at the output's scale, then given to Pixi in design units), so an item moved by
 * whole output pixels never blurs. At 1080p an output pixel is a design pixel.
 */
function layItem(item: CrawlItem, look: Look<CrawlLayout>, centreY: number): { view: Container; width: number } {
  const { theme, layout: L, scale } = look;
  const { colours } = theme;
  /** A design length as whole output pixels, and whole output pixels back as design units for Pixi. */
  const out = (designPx: number) => Math.round(designPx * scale);
  const design = (outputPx: number) => outputPx / scale;
  const textWidth = (text: Text) => Math.ceil(text.width * scale);
  const view = new Container({ label: `crawl:${item.id}` });
  const markerSize = design(out(L.markerSize));
  const marker = new Graphics().rect(0, 0, markerSize, markerSize).fill(colours.accent);
  marker.position.set(design(out((L.gap - L.markerSize) / 2)), Math.round(centreY - L.markerSize / 2));
  view.addChild(marker);
  let x = out(L.gap);
  const put = (text: Text, gapAfter: number) => {
    text.position.set(design(x), Math.round(centreY));
    view.addChild(text);
    x += textWidth(text) + gapAfter;
  };
  const chip = (caption: string, fill: string, ink: string) => {
    const text = themeText(theme, 'display', ink, L.tagSize, 0.5);
    text.text = caption;
    const padding = out(L.chipPaddingX);
    const width = textWidth(text) + 2 * padding;
    const box = new Graphics().rect(0, 0, design(width), L.chipHeight).fill(fill);
    box.position.set(design(x), Math.round(centreY - L.chipHeight / 2));
    view.addChild(box);
    text.position.set(design(x + padding), Math.round(centreY));
    view.addChild(text);
    x += width;
  };
  const words = (text: string, face: 'display' | 'text' = 'text') => {
    const t = themeText(theme, face, colours.panelText, L.textSize, 0.5);
    t.text = text;
    return t;
  };
  const space = out(L.textSize * 0.45);
  switch (item.kind) {
    case 'headline':
      put(words(item.text), 0);
      break;
    case 'result':
      chip('RESULT', colours.accent, colours.accentText);
      x += space;
      put(words(item.text), 0);
      break;
    case 'social':
      put(words(item.handle, 'display'), space);
      put(words(item.text), item.tag ? space : 0);
      if (item.tag) chip(item.tag, colours.strip, colours.stripText);
      break;
  }
  return { view, width: x };
}
