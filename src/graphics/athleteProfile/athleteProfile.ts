import { Container, Sprite } from 'pixi.js';
import { athleteProfile as contract, type AthleteProfileLayout, type AthleteProfileProps } from '../../protocol/kinds/athleteProfile';
import { fitText } from '../fitText';
import { flagAlias, flagAsset } from '../flags';
import { defineGraphic, type Timeline } from '../graphicDefinition';
import { loadedTexture } from '../loadedTexture';
import { themeText, unitBox } from '../themeText';
import { resolveAthleteProfile, type AthleteProfileModel } from './athleteProfileModel';


/**
 * Athlete profile: a dark panel with the flag, the name and "COUNTRY · AGE n", a best/record line under it,
 * and the bio on a light strip at the bottom.
 */
export const athleteProfileGraphic = defineGraphic<AthleteProfileProps, AthleteProfileModel, AthleteProfileLayout>({
  contract,
  resolve: resolveAthleteProfile,
  assets: (model) => (model.country ? [flagAsset(model.country.alpha2)] : []),
  build(model, look) {
    const { theme, layout: L } = look;
    const { colours } = theme;
    const region = theme.regions.lowerThird;
    const root = new Container({ label: 'athleteProfile' });
    const flagHeight = Math.round((L.flagWidth * 3) / 4);

    const accent = unitBox(colours.accent);
    const panel = unitBox(colours.panel);
    const chip = unitBox(colours.accent);
    const strip = unitBox(colours.strip);
    const flagBack = unitBox(colours.strip); // shows where a flag could not be loaded
    const flag = new Sprite();
    const name = themeText(theme, 'display', colours.panelText, L.nameSize, 0.5);
    const meta = themeText(theme, 'text', colours.panelText, L.metaSize, 0.5);
    const bestLabel = themeText(theme, 'display', colours.accentText, L.bestSize, 0.5);
    const bestTime = themeText(theme, 'display', colours.panelText, L.bestSize, 0.5);
    const bestNote = themeText(theme, 'text', colours.panelText, L.bestSize, 0.5);
    const bio = themeText(theme, 'text', colours.stripText, L.bioSize, 0.5);
    const texts = [flagBack, flag, name, meta, bestLabel, bestTime, bestNote, bio];
    root.addChild(panel, chip, strip, accent, ...texts);

    let current = model;
    let shown = layout(model);

    /** Sets the texts and flag for a model and measures the card they need. */
    function layout(next: AthleteProfileModel) {
      const left = L.accentWidth + L.paddingX;
      const textLeft = left + L.flagWidth + L.paddingX;
      const textWidth = L.maxWidth - textLeft - L.paddingX;
      fitText(name, next.name, textWidth, L.nameSize, L.nameMinSize);
      const metaText = [next.country?.name.toUpperCase() ?? '', next.age === undefined ? '' : `AGE ${next.age}`].filter(Boolean).join('  ·  ');
      fitText(meta, metaText, textWidth, L.metaSize, L.metaSize * 0.75);
      const texture = next.country && loadedTexture(flagAlias(next.country.alpha2));
      if (texture) flag.texture = texture;
      flag.visible = Boolean(texture);
      flag.setSize(L.flagWidth, flagHeight);
      flagBack.scale.set(L.flagWidth, flagHeight);

      const hasBest = next.best !== undefined;
      fitText(bestLabel, next.best?.label.toUpperCase() ?? '', L.maxWidth / 3, L.bestSize, L.bestSize * 0.75);
      fitText(bestTime, next.best?.time ?? '', L.maxWidth / 4, L.bestSize, L.bestSize);
      const chipWidth = hasBest ? Math.ceil(bestLabel.width) + 2 * L.paddingX * 0.6 : 0;
      const noteLeft = L.accentWidth + chipWidth + L.paddingX * 0.75 + Math.ceil(bestTime.width) + L.paddingX * 0.75;
      fitText(bestNote, next.best?.note.toUpperCase() ?? '', L.maxWidth - noteLeft - L.paddingX, L.bestSize, L.bestSize * 0.75);
      const hasBio = next.bio.length > 0;
      fitText(bio, next.bio, L.maxWidth - left - L.paddingX, L.bioSize, L.bioMinSize);

      const contentRight = Math.max(
        textLeft + Math.max(name.width, meta.width),
        hasBest ? noteLeft + bestNote.width : 0,
        hasBio ? left + bio.width : 0,
      );
      const width = Math.min(L.maxWidth, Math.max(L.minWidth, Math.ceil(contentRight + L.paddingX)));
      const panelHeight = L.panelHeight + (hasBest ? L.bestHeight : 0);
      const height = panelHeight + (hasBio ? L.bioHeight : 0);
      const x0 = region.x + L.inset;
      const y0 = region.y + region.height - L.inset - height;
      return { width, height, panelHeight, chipWidth, noteLeft, hasBest, hasBio, x0, y0, left, textLeft };
    }

    type Box = ReturnType<typeof layout>;

    /** Puts the texts and flag where the box says (boxes are tweened separately during an update). */
    function placeContent(box: Box) {
      const { x0, y0 } = box;
      flag.position.set(x0 + box.left, y0 + (L.panelHeight - flagHeight) / 2);
      flagBack.position.copyFrom(flag.position);
      name.position.set(x0 + box.textLeft, y0 + L.panelHeight * 0.36);
      meta.position.set(x0 + box.textLeft, y0 + L.panelHeight * 0.76);
      const bestY = y0 + L.panelHeight + L.bestHeight / 2;
      bestLabel.position.set(x0 + L.accentWidth + L.paddingX * 0.6, bestY);
      bestTime.position.set(x0 + L.accentWidth + box.chipWidth + L.paddingX * 0.75, bestY);
      bestNote.position.set(x0 + box.noteLeft, bestY);
      for (const text of [bestLabel, bestTime, bestNote]) text.visible = box.hasBest;
      bio.position.set(x0 + box.left, y0 + box.panelHeight + L.bioHeight / 2);
      bio.visible = box.hasBio;
    }

    function placeBoxes(box: Box) {
      accent.position.set(box.x0, box.y0);
      accent.scale.set(L.accentWidth, box.height);
      panel.position.set(box.x0 + L.accentWidth, box.y0);
      panel.scale.set(box.width, box.panelHeight);
      chip.position.set(box.x0 + L.accentWidth, box.y0 + L.panelHeight);
      chip.scale.set(box.chipWidth, box.hasBest ? L.bestHeight : 0);
      strip.position.set(box.x0 + L.accentWidth, box.y0 + box.panelHeight);
      strip.scale.set(box.width, box.hasBio ? L.bioHeight : 0);
    }

    placeContent(shown);
    placeBoxes(shown);

    return {
      root,
      enter(tl: Timeline) {
        const { enterSeconds: d, ease } = theme.timing;
        tl.fromTo(accent.scale, { y: 0 }, { y: shown.height, duration: d * 0.35, ease }, 0)
          .fromTo([panel.scale, strip.scale], { x: 0 }, { x: shown.width, duration: d * 0.6, ease }, d * 0.2)
          .fromTo(chip.scale, { x: 0 }, { x: shown.chipWidth, duration: d * 0.4, ease }, d * 0.4)
          .fromTo(texts, { alpha: 0 }, { alpha: 1, duration: d * 0.4, ease }, d * 0.6);
        for (const text of texts) tl.fromTo(text, { x: text.x - L.slide }, { x: text.x, duration: d * 0.4, ease }, d * 0.6);
      },
      exit(tl: Timeline) {
        const { exitSeconds: d } = theme.timing;
        tl.to(texts, { alpha: 0, duration: d * 0.35, ease: 'power2.in' }, 0)
          .to([panel.scale, strip.scale, chip.scale], { x: 0, duration: d * 0.6, ease: 'power3.in' }, d * 0.2)
          .to(accent.scale, { y: 0, duration: d * 0.3, ease: 'power3.in' }, d * 0.7);
      },
      update(next: AthleteProfileModel, tl: Timeline) {
        const { updateSeconds: d, ease } = theme.timing;
        const half = d / 2;
        const box = layout(next); // measures the new content...
        layout(current); // ...then puts the old back for the fade-out; it is swapped at half-way, unseen
        tl.to(texts, { alpha: 0, duration: half, ease: 'power2.in' }, 0)
          .call(() => placeContent(layout(next)), [], half)
          .to(accent.scale, { y: box.height, duration: d, ease }, 0)
          .to(accent, { y: box.y0, duration: d, ease }, 0)
          .to(panel.scale, { x: box.width, y: box.panelHeight, duration: d, ease }, 0)
          .to(panel, { y: box.y0, duration: d, ease }, 0)
          .to(chip.scale, { x: box.chipWidth, y: box.hasBest ? L.bestHeight : 0, duration: d, ease }, 0)
          .to(chip, { y: box.y0 + L.panelHeight, duration: d, ease }, 0)
          .to(strip.scale, { x: box.width, y: box.hasBio ? L.bioHeight : 0, duration: d, ease }, 0)
          .to(strip, { y: box.y0 + box.panelHeight, duration: d, ease }, 0)
          .to(texts, { alpha: 1, duration: half, ease }, half);
        current = next;
        shown = box;
      },
    };
  },
});
