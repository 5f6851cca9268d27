import { Container, Sprite } from 'pixi.js';
import { countryOf } from '../../protocol/country';
import { resultCard as contract, type ResultCardLayout, type ResultCardProps } from '../../protocol/kinds/resultCard';
import { fitText } from '../fitText';
import { flagAlias, flagAsset } from '../flags';
import { defineGraphic, type GraphicAsset, type Look, type Timeline } from '../graphicDefinition';
import { loadedTexture } from '../loadedTexture';
import { themeText, unitBox } from '../themeText';
import { resolveResultCard, type ResultCardModel } from './resultCardModel';


/**
 * Result card, centred in the centre region: the race on an accent title bar, the winner with flag and
 * time on a dark panel, the note on a light strip, then the top three. An update keeps the card on screen:
 * the title and body fade to the new content while the card resizes.
 */
export const resultCardGraphic = defineGraphic<ResultCardProps, ResultCardModel, ResultCardLayout>({
  contract,
  resolve: resolveResultCard,
  assets(model) {
    const codes = [model.country, ...model.topThree.map((p) => p.country)].filter((c): c is string => c !== undefined);
    const assets = new Map<string, GraphicAsset>();
    for (const code of codes) {
      const country = countryOf(code);
      if (country) assets.set(country.alpha2, flagAsset(country.alpha2));
    }
    return [...assets.values()];
  },
  build(model, look) {
    const { theme, layout: L } = look;
    const { colours } = theme;
    const region = theme.regions.centre;
    const root = new Container({ label: 'resultCard' });
    const titleBar = unitBox(colours.accent);
    const title = themeText(theme, 'display', colours.accentText, L.titleSize, 0.5);
    const card = unitBox(colours.panel); // behind the body; its height follows the body's
    let body = buildBody(model, look);
    root.addChild(card, titleBar, title, body.root);

    const left = Math.round(region.x + (region.width - L.width) / 2);
    let top = topFor(body.height);

    function topFor(bodyHeight: number) {
      return Math.round(region.y + (region.height - (L.titleHeight + bodyHeight)) / 2);
    }
    function setTitle(props: ResultCardModel) {
      fitText(title, props.race.toUpperCase(), L.width - 2 * L.paddingX, L.titleSize, L.titleSize * 0.7);
    }
    function place(cardTop: number, bodyHeight: number) {
      titleBar.position.set(left, cardTop);
      titleBar.scale.set(L.width, L.titleHeight);
      title.position.set(left + L.paddingX, cardTop + L.titleHeight / 2);
      card.position.set(left, cardTop + L.titleHeight);
      card.scale.set(L.width, bodyHeight);
    }
    setTitle(model);
    place(top, body.height);
    body.root.position.set(left, top + L.titleHeight);

    return {
      root,
      enter(tl: Timeline) {
        const { enterSeconds: d, ease } = theme.timing;
        tl.fromTo(titleBar.scale, { x: 0 }, { x: L.width, duration: d * 0.45, ease }, 0)
          .fromTo(card.scale, { y: 0 }, { y: body.height, duration: d * 0.5, ease }, d * 0.25)
          .fromTo([title, body.root], { alpha: 0 }, { alpha: 1, duration: d * 0.4, ease }, d * 0.55)
          .fromTo(title, { x: title.x - L.slide }, { x: title.x, duration: d * 0.4, ease }, d * 0.55)
          .fromTo(body.root, { y: body.root.y + L.slide }, { y: body.root.y, duration: d * 0.45, ease }, d * 0.55);
      },
      exit(tl: Timeline) {
        const { exitSeconds: d } = theme.timing;
        tl.to([title, body.root], { alpha: 0, duration: d * 0.4, ease: 'power2.in' }, 0)
          .to(card.scale, { y: 0, duration: d * 0.5, ease: 'power3.in' }, d * 0.25)
          .to(titleBar.scale, { x: 0, duration: d * 0.4, ease: 'power3.in' }, d * 0.6);
      },
      update(next: ResultCardModel, tl: Timeline) {
        const { updateSeconds: d, ease } = theme.timing;
        const half = d / 2;
        const nextBody = buildBody(next, look);
        const nextTop = topFor(nextBody.height);
        nextBody.root.position.set(left, nextTop + L.titleHeight);
        nextBody.root.alpha = 0;
        const oldBody = body;
        const frame = { top, height: oldBody.height };
        tl.to([title, oldBody.root], { alpha: 0, duration: half, ease: 'power2.in' }, 0)
          .to(frame, { top: nextTop, height: nextBody.height, duration: d, ease, onUpdate: () => place(frame.top, frame.height) }, 0)
          .call(
            () => {
              // Swapped while both are invisible; the old body's textures go with it.
              oldBody.root.destroy({ children: true });
              root.addChild(nextBody.root);
              setTitle(next);
            },
            [],
            half,
          )
          .to([title, nextBody.root], { alpha: 1, duration: half, ease }, half);
        body = nextBody;
        top = nextTop;
      },
    };
  },
});

/** The card below the title: winner row, optional note strip, then one row per placing. Local coordinates. */
function buildBody(props: ResultCardModel, look: Look<ResultCardLayout>): { root: Container; height: number } {
  const { theme, layout: L } = look;
  const { colours } = theme;
  const root = new Container({ label: 'resultCard:body' });
  const flagHeight = Math.round((L.flagWidth * 3) / 4);
  let y = 0;

  // Winner (or the entrant the card is about, with their place): flag, name, time on the right.
  let nameLeft = L.paddingX;
  if (props.place !== null) {
    const side = L.winnerHeight - 2 * Math.round(L.winnerHeight / 6);
    const chip = unitBox(colours.accent);
    chip.position.set(L.paddingX, Math.round((L.winnerHeight - side) / 2));
    chip.scale.set(side, side);
    const place = themeText(theme, 'display', colours.accentText, L.winnerSize, 0.5);
    fitText(place, String(props.place), side * 0.8, L.winnerSize, L.winnerMinSize);
    place.anchor.set(0.5, 0.5);
    place.position.set(L.paddingX + side / 2, L.winnerHeight / 2);
    root.addChild(chip, place);
    nameLeft += side + L.paddingX;
  }
  const winnerFlag = flagSprite(props.country, L.flagWidth);
  if (winnerFlag) {
    winnerFlag.position.set(nameLeft, Math.round((L.winnerHeight - flagHeight) / 2));
    root.addChild(winnerFlag);
    nameLeft += L.flagWidth + L.paddingX;
  }
  const time = themeText(theme, 'display', colours.panelText, L.timeSize, 0.5);
  time.text = props.time;
  time.anchor.set(1, 0.5);
  time.position.set(L.width - L.paddingX, L.winnerHeight / 2);
  const winner = themeText(theme, 'display', colours.panelText, L.winnerSize, 0.5);
  fitText(winner, props.winner, L.width - nameLeft - 2 * L.paddingX - time.width, L.winnerSize, L.winnerMinSize);
  winner.position.set(nameLeft, L.winnerHeight / 2);
  root.addChild(winner, time);
  y += L.winnerHeight;

  if (props.note) {
    const strip = unitBox(colours.strip);
    strip.position.set(0, y);
    strip.scale.set(L.width, L.noteHeight);
    const note = themeText(theme, 'text', colours.stripText, L.noteSize, 0.5);
    fitText(note, props.note, L.width - 2 * L.paddingX, L.noteSize, L.noteSize * 0.75);
    note.position.set(L.paddingX, y + L.noteHeight / 2);
    root.addChild(strip, note);
    y += L.noteHeight;
  }

  for (const [i, placing] of props.topThree.entries()) {
    const rowY = y + i * L.rowHeight;
    if (i > 0 || !props.note) {
      const line = unitBox(colours.strip);
      line.alpha = 0.25;
      line.position.set(L.paddingX, rowY);
      line.scale.set(L.width - 2 * L.paddingX, 1);
      root.addChild(line);
    }
    const chip = unitBox(colours.accent);
    chip.position.set(L.paddingX, rowY + 8);
    chip.scale.set(L.rowHeight - 16, L.rowHeight - 16);
    const position = themeText(theme, 'display', colours.accentText, L.rowSize, 0.5);
    position.text = String(placing.position);
    position.anchor.set(0.5, 0.5);
    position.position.set(L.paddingX + (L.rowHeight - 16) / 2, rowY + L.rowHeight / 2);
    root.addChild(chip, position);
    let x = L.paddingX + L.rowHeight - 16 + L.paddingX / 2;
    const flag = flagSprite(placing.country, L.rowFlagWidth);
    if (flag) {
      flag.position.set(x, Math.round(rowY + (L.rowHeight - (L.rowFlagWidth * 3) / 4) / 2));
      root.addChild(flag);
    }
    x += L.rowFlagWidth + L.paddingX / 2;
    const rowTime = themeText(theme, 'display', colours.panelText, L.rowSize, 0.5);
    rowTime.text = placing.time;
    rowTime.anchor.set(1, 0.5);
    rowTime.position.set(L.width - L.paddingX, rowY + L.rowHeight / 2);
    const name = themeText(theme, 'text', colours.panelText, L.rowSize, 0.5);
    fitText(name, placing.name, L.width - x - 2 * L.paddingX - rowTime.width, L.rowSize, L.rowMinSize);
    name.position.set(x, rowY + L.rowHeight / 2);
    root.addChild(name, rowTime);
  }
  y += props.topThree.length * L.rowHeight + (props.topThree.length > 0 ? L.paddingX / 2 : 0);
  return { root, height: y };
}

/** A country's flag at a width (4:3), or null without a country or when its flag could not be loaded. */
function flagSprite(code: string | undefined, width: number): Sprite | null {
  const country = code === undefined ? null : countryOf(code);
  const texture = country && loadedTexture(flagAlias(country.alpha2));
  if (!texture) return null;
  const sprite = new Sprite(texture);
  sprite.setSize(width, Math.round((width * 3) / 4));
  return sprite;
}
