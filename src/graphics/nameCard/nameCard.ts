import { Container, Graphics } from 'pixi.js';
import { nameCard as contract, type NameCardLayout, type NameCardProps } from '../../protocol/kinds/nameCard';
import { TITLE_SAFE } from '../../protocol/templates/safeArea';
import { defineGraphic, type Timeline } from '../graphicDefinition';
import { fitLines, fitText, titleSafeWidth } from '../fitText';
import { themeFont, themeText } from '../themeText';

/** A quote wraps onto at most this many lines (as many as the region's height allows): more is a paragraph. */
const MAX_QUOTE_LINES = 3;
/** Space above and below a quote in its panel, in all. */
const QUOTE_PADDING_Y = 24;

/** Name card: a dark panel with the name (or a quote) over a light strip with the role (or the attribution). */
export const nameCardGraphic = defineGraphic<NameCardProps, NameCardProps, NameCardLayout>({
  contract,
  build(props, look) {
    const { theme, layout: L } = look;
    const region = theme.regions.lowerThird;
    const root = new Container({ label: 'nameCard' });

    // Panels are 1 px wide rectangles stretched by scale.x, so width animates with one number.
    const accent = new Graphics().rect(0, 0, L.accentWidth, 1).fill(theme.colours.accent);
    const panel = new Graphics().rect(0, 0, 1, 1).fill(theme.colours.panel);
    const strip = new Graphics().rect(0, 0, 1, L.roleHeight).fill(theme.colours.strip);
    const headline = themeText(theme, 'display', theme.colours.panelText, L.nameSize, 0.5);
    const byline = themeText(theme, 'text', theme.colours.stripText, L.roleSize, 0.5);
    root.addChild(panel, strip, accent, headline, byline);

    // Texts fit their box and never pass the title-safe area's right edge.
    const textX = region.x + L.inset + L.accentWidth + L.paddingX;
    const textWidth = titleSafeWidth(textX, L.maxWidth - 2 * L.paddingX);
    // A quote's panel grows upwards, at most to an inset below the top of the region (or of title-safe).
    const cardBottom = region.y + region.height - L.inset;
    const cardTop = Math.max(region.y, TITLE_SAFE.y) + L.inset;
    const quoteBox = { width: textWidth, height: cardBottom - L.roleHeight - cardTop - QUOTE_PADDING_Y, lines: MAX_QUOTE_LINES };

    let current = props;
    let shown = layout(props);

    function layout(next: NameCardProps) {
      const isQuote = Boolean(next.quote);
      Object.assign(headline.style, themeFont(theme, isQuote ? 'text' : 'display'));
      if (isQuote) fitLines(headline, `“${next.quote}”`, quoteBox, L.quoteSize, L.quoteMinSize);
      else fitText(headline, next.name, textWidth, L.nameSize, L.nameMinSize, L.nameHeight);
      const bylineText = isQuote ? [next.name, next.role].filter(Boolean).join(' · ') : next.role;
      fitText(byline, bylineText, textWidth, L.roleSize, L.roleMinSize, L.roleHeight);
      const panelHeight = isQuote ? Math.max(L.nameHeight, Math.ceil(headline.height) + QUOTE_PADDING_Y) : L.nameHeight;
      const hasStrip = bylineText.length > 0;
      const width = Math.min(L.maxWidth, Math.max(L.minWidth, Math.ceil(Math.max(headline.width, byline.width)) + 2 * L.paddingX));
      const height = panelHeight + (hasStrip ? L.roleHeight : 0);
      const x0 = region.x + L.inset;
      const y0 = cardBottom - height;
      return { width, height, panelHeight, hasStrip, x0, y0 };
    }

    /** Puts everything (or only the texts, mid-update) where the box says. */
    function place(box: ReturnType<typeof layout>, only?: { texts: true }) {
      headline.position.set(box.x0 + L.accentWidth + L.paddingX, box.y0 + box.panelHeight / 2);
      byline.position.set(box.x0 + L.accentWidth + L.paddingX, box.y0 + box.panelHeight + L.roleHeight / 2);
      strip.visible = box.hasStrip;
      if (only?.texts) return;
      accent.position.set(box.x0, box.y0);
      accent.scale.y = box.height;
      panel.position.set(box.x0 + L.accentWidth, box.y0);
      panel.scale.set(box.width, box.panelHeight);
      strip.position.set(box.x0 + L.accentWidth, box.y0 + box.panelHeight);
      strip.scale.x = box.width;
    }
    place(shown);

    return {
      root,
      enter(tl: Timeline) {
        const { enterSeconds: d, ease } = theme.timing;
        tl.fromTo(accent.scale, { y: 0 }, { y: shown.height, duration: d * 0.35, ease }, 0)
          .fromTo(panel.scale, { x: 0 }, { x: shown.width, duration: d * 0.6, ease }, d * 0.2)
          .fromTo(strip.scale, { x: 0 }, { x: shown.width, duration: d * 0.6, ease }, d * 0.3)
          .fromTo([headline, byline], { alpha: 0 }, { alpha: 1, duration: d * 0.4, ease }, d * 0.6)
          .fromTo(headline, { x: headline.x - L.slide }, { x: headline.x, duration: d * 0.4, ease }, d * 0.6)
          .fromTo(byline, { x: byline.x - L.slide }, { x: byline.x, duration: d * 0.4, ease }, d * 0.6);
      },
      exit(tl: Timeline) {
        const { exitSeconds: d } = theme.timing;
        tl.to([headline, byline], { alpha: 0, duration: d * 0.35, ease: 'power2.in' }, 0)
          .to([panel.scale, strip.scale], { x: 0, duration: d * 0.6, ease: 'power3.in' }, d * 0.2)
          .to(accent.scale, { y: 0, duration: d * 0.3, ease: 'power3.in' }, d * 0.7);
      },
      update(next: NameCardProps, tl: Timeline) {
        const { updateSeconds: d, ease } = theme.timing;
        const half = d / 2;
        const box = layout(next); // measures the new texts...
        layout(current); // ...then puts the old ones back for the fade-out
        tl.to([headline, byline], { alpha: 0, duration: half, ease: 'power2.in' }, 0)
          .call(() => place(layout(next), { texts: true }), [], half)
          .to(panel.scale, { x: box.width, y: box.panelHeight, duration: d, ease }, 0)
          .to(strip.scale, { x: box.width, duration: d, ease }, 0)
          .to(accent.scale, { y: box.height, duration: d, ease }, 0)
          .to(panel, { y: box.y0, duration: d, ease }, 0)
          .to(accent, { y: box.y0, duration: d, ease }, 0)
          .to(strip, { y: box.y0 + box.panelHeight, duration: d, ease }, 0)
          .to([headline, byline], { alpha: 1, duration: half, ease }, half);
        current = next;
        shown = box;
      },
    };
  },
});
