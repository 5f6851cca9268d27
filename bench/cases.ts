import type { AlphaMode, OutputMode } from '../src/protocol/outputMode';

export type Renderer = 'webgl' | 'canvas';

/** One page the benchmark measures. `scene` says whether the marathon scene must be on air first. */
export type BenchCase =
  | {
      kind: 'live';
      name: string;
      group: 'baseline' | 'empty stage' | 'scene';
      renderer: Renderer | null;
      mode: OutputMode;
      alpha: AlphaMode;
      scene: boolean;
      /** No operator updates during the window: the scene as MEASURING.md's DOM peers were measured (clock and crawl moving). */
      still?: boolean;
    }
  | { kind: 'sustained'; name: string; renderer: Renderer; redrawAll: boolean; scene: boolean };

const RENDERERS: Renderer[] = ['canvas', 'webgl'];
const MODES: { mode: OutputMode; alpha: AlphaMode }[] = [
  { mode: 'alpha', alpha: 'premultiplied' },
  { mode: 'fill', alpha: 'premultiplied' },
  { mode: 'fill', alpha: 'straight' },
  { mode: 'key', alpha: 'premultiplied' },
  { mode: 'keyfill', alpha: 'premultiplied' },
];

const modeName = ({ mode, alpha }: { mode: OutputMode; alpha: AlphaMode }) => (mode === 'fill' && alpha === 'straight' ? 'fill straight' : mode);

/** Every case, empty ones first (they need nothing on air), then the scene in each mode and renderer. */
export const BENCH_CASES: BenchCase[] = [
  { kind: 'live', name: 'empty page', group: 'baseline', renderer: null, mode: 'alpha', alpha: 'premultiplied', scene: false },
  ...RENDERERS.map((renderer): BenchCase => ({ kind: 'live', name: `empty stage ${renderer}`, group: 'empty stage', renderer, mode: 'alpha', alpha: 'premultiplied', scene: false })),
  ...RENDERERS.map((renderer): BenchCase => ({ kind: 'sustained', name: `sustained ${renderer} empty stage full redraw`, renderer, redrawAll: true, scene: false })),
  ...RENDERERS.flatMap((renderer) =>
    MODES.map((m): BenchCase => ({ kind: 'live', name: `scene ${renderer} ${modeName(m)}`, group: 'scene', renderer, ...m, scene: true })),
  ),
  ...RENDERERS.map(
    (renderer): BenchCase => ({ kind: 'live', name: `scene ${renderer} alpha, no updates`, group: 'scene', renderer, mode: 'alpha', alpha: 'premultiplied', scene: true, still: true }),
  ),
  ...RENDERERS.flatMap((renderer) => [
    { kind: 'sustained' as const, name: `sustained ${renderer} scene`, renderer, redrawAll: false, scene: true },
    { kind: 'sustained' as const, name: `sustained ${renderer} scene full redraw`, renderer, redrawAll: true, scene: true },
  ]),
];

/** The output URL for a case (1080p50, the broadcast format the budgets are judged against). */
export function outputUrl(hubUrl: string, c: BenchCase): string {
  if (c.kind === 'sustained') return `${hubUrl}/output.html?format=1080p50&renderer=${c.renderer}&clock=manual`;
  if (c.group === 'baseline') return `${hubUrl}/bench-empty.html`;
  const alpha = c.alpha === 'straight' ? '&alpha=straight' : '';
  return `${hubUrl}/output.html?format=1080p50&renderer=${c.renderer}&mode=${c.mode}${alpha}`;
}

export function pageWidth(c: BenchCase): number {
  return c.kind === 'live' && c.mode === 'keyfill' ? 3840 : 1920;
}
