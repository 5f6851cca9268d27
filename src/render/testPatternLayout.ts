/**
 * Where everything sits on the key/fill test pattern, in 1920x1080 design pixels (all inside EBU R 95
 * graphics-safe). Pure data, so tests can find the ramps and the text without loading Pixi.
 */
export const TEST_PATTERN = {
  title: { x: 120, y: 72 },
  /** Alpha ramps: step i (0..255) is a `stepWidth`-wide bar at alpha i/255, one row per colour. */
  ramps: {
    x: 400,
    y: 190,
    stepWidth: 5,
    height: 44,
    gap: 12,
    labelX: 120,
    rows: [
      { name: 'white', colour: '#ffffff' },
      { name: 'red', colour: '#ff0000' },
      { name: 'green', colour: '#00ff00' },
      { name: 'blue', colour: '#0000ff' },
      { name: 'panel', colour: '#0b1f4b' },
      { name: 'accent', colour: '#e4002b' },
    ],
  },
  /** White patches at these alphas (%), each `width` x `height`. */
  steps: { x: 400, y: 546, width: 200, height: 80, gap: 16, percents: [0, 25, 50, 75, 100] },
  /** Text over nothing, so its anti-aliased edges are half-transparent: the key must carry them. */
  text: [
    { content: 'Key edges AaGg 0123', x: 120, y: 660, size: 96, colour: '#ffffff' },
    { content: 'Accent on nothing 4567', x: 120, y: 780, size: 64, colour: '#e4002b' },
  ],
  /** A half-transparent white panel with white text over it. */
  panel: { x: 1240, y: 660, width: 580, height: 120, alpha: 0.5, text: 'On 50 % white' },
  /** Sync marker: a bar stepping `step` px per output frame along the strip, and the frame number. */
  sync: { region: { x: 0, y: 890, width: 1920, height: 130 }, x: 120, width: 1500, y: 900, barWidth: 40, barHeight: 60, step: 8, counterX: 1650 },
} as const;

/** The sync bar's left edge at output frame k: whole pixels per frame, so key and fill can be compared by eye. */
export function syncBarX(frame: number): number {
  const { x, width, barWidth, step } = TEST_PATTERN.sync;
  const positions = Math.floor((width - barWidth) / step) + 1;
  return x + (((frame % positions) + positions) % positions) * step;
}
