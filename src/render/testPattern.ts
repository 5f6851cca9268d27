import { Container, Graphics, Text } from 'pixi.js';
import type { Theme } from '../protocol/templates/theme';
import { syncBarX, TEST_PATTERN } from './testPatternLayout';

/**
 * The key/fill test pattern's display objects (no behaviour): alpha ramps over colours, stepped patches,
 * text edges over nothing and over a half-transparent panel, and a frame-stepped sync marker. `static` never
 * changes; `showFrame(k)` moves the marker and the counter to output frame k.
 */
export function buildTestPattern(theme: Theme, caption: string) {
  const P = TEST_PATTERN;
  const display = (size: number, fill: string) => ({ fontFamily: theme.fonts.display.family, fontWeight: String(theme.fonts.display.weight) as '700', fontSize: size, fill });
  const body = (size: number, fill: string) => ({ fontFamily: theme.fonts.text.family, fontWeight: String(theme.fonts.text.weight) as '500', fontSize: size, fill });

  const fixed = new Container({ label: 'testPattern' });
  const title = new Text({ text: 'Finishline key/fill test pattern', style: display(44, '#ffffff') });
  title.position.set(P.title.x, P.title.y);
  const subtitle = new Text({ text: caption, style: body(26, '#ffffff') });
  subtitle.position.set(P.title.x, P.title.y + 54);
  fixed.addChild(title, subtitle);

  const ramps = new Graphics();
  P.ramps.rows.forEach((row, r) => {
    const y = P.ramps.y + r * (P.ramps.height + P.ramps.gap);
    for (let i = 1; i < 256; i++) ramps.rect(P.ramps.x + i * P.ramps.stepWidth, y, P.ramps.stepWidth, P.ramps.height).fill({ color: row.colour, alpha: i / 255 });
    const label = new Text({ text: row.name, style: body(26, row.colour === '#0b1f4b' ? '#ffffff' : row.colour) });
    label.anchor.set(0, 0.5);
    label.position.set(P.ramps.labelX, y + P.ramps.height / 2);
    fixed.addChild(label);
  });
  fixed.addChild(ramps);

  const steps = new Graphics();
  P.steps.percents.forEach((percent, i) => {
    const x = P.steps.x + i * (P.steps.width + P.steps.gap);
    if (percent > 0) steps.rect(x, P.steps.y, P.steps.width, P.steps.height).fill({ color: '#ffffff', alpha: percent / 100 });
    else steps.rect(x, P.steps.y, P.steps.width, P.steps.height).stroke({ color: '#ffffff', width: 2, alignment: 1 });
    const label = new Text({ text: `${percent} %`, style: body(22, '#ffffff') });
    label.position.set(x, P.steps.y + P.steps.height + 4);
    fixed.addChild(label);
  });
  const stepsLabel = new Text({ text: 'alpha', style: body(26, '#ffffff') });
  stepsLabel.anchor.set(0, 0.5);
  stepsLabel.position.set(P.ramps.labelX, P.steps.y + P.steps.height / 2);
  fixed.addChild(steps, stepsLabel);

  for (const line of P.text) {
    const text = new Text({ text: line.content, style: display(line.size, line.colour) });
    text.position.set(line.x, line.y);
    fixed.addChild(text);
  }
  const panel = new Graphics().rect(P.panel.x, P.panel.y, P.panel.width, P.panel.height).fill({ color: '#ffffff', alpha: P.panel.alpha });
  const panelText = new Text({ text: P.panel.text, style: display(56, '#ffffff') });
  panelText.anchor.set(0.5);
  panelText.position.set(P.panel.x + P.panel.width / 2, P.panel.y + P.panel.height / 2);
  fixed.addChild(panel, panelText);

  const moving = new Container({ label: 'testPatternSync' });
  const track = new Graphics().rect(P.sync.x, P.sync.y + P.sync.barHeight + 6, P.sync.width, 4).fill({ color: '#ffffff', alpha: 0.5 });
  const bar = new Graphics().rect(0, 0, P.sync.barWidth, P.sync.barHeight).fill('#ffffff');
  bar.y = P.sync.y;
  const counter = new Text({ text: '', style: body(26, '#ffffff') });
  counter.position.set(P.sync.counterX, P.sync.y + 10);
  moving.addChild(track, bar, counter);

  return {
    fixed,
    moving,
    showFrame(frame: number) {
      bar.x = syncBarX(frame);
      counter.text = `frame ${String(frame % 1_000_000).padStart(6, '0')}`;
    },
  };
}
