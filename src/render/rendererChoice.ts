import { autoDetectRenderer, DOMAdapter, getMaxFragmentPrecision, type Renderer } from 'pixi.js';
import { useCanvasBatcherPipe } from './canvasBatcherPipe';
import { quietPixiTicker } from './pixiChores';
import { usePixelSnappedGraphics } from './pixelSnappedGraphics';
import { useReadableTextCanvases } from './textCanvases';
import { choiceWithoutProbe, webglRendererName, type RendererChoice, type RendererKind } from './rendererDetect';
import type { RendererRequest } from './rendererRequest';

export { parseRendererRequest, type RendererRequest } from './rendererRequest';
export { choiceWithoutProbe, type RendererChoice, type RendererKind } from './rendererDetect';

/**
 * Picks the renderer once per page, so every layer agrees: see choiceWithoutProbe; a WebGL request, or `auto`
 * where WebGL is hardware-accelerated, is tried with a small WebGL renderer. `gpu`: webglRendererName, if read already.
 */
export async function chooseRenderer(request: RendererRequest, gpu = request === 'auto' ? webglRendererName() : null): Promise<RendererChoice> {
  const known = choiceWithoutProbe(request, gpu);
  if (known) return known;
  const probe = await createRenderer('webgl', 8, 8, 1);
  const kind = probe.name as RendererKind;
  probe.destroy();
  if (kind === 'webgl') return { kind, request, reason: request === 'auto' ? `WebGL is hardware-accelerated here (${gpu})` : 'WebGL requested in the URL', fallback: false };
  return { kind: 'canvas', request, reason: 'WebGL was requested but is unavailable here: fell back to canvas', fallback: true };
}

/**
 * A Pixi renderer with a transparent background. At a fractional scale (720p draws the 1920x1080 design at 2/3)
 * positions are rounded to whole output pixels so text and edges stay crisp (on canvas, boxes' edges too: see
 * pixelSnappedGraphics.ts); at whole-number scales (1080p,
 * 2160p) design pixels already land on output pixels and nothing is rounded.
 */
export function createRenderer(kind: RendererKind, width: number, height: number, resolution: number, canvas?: HTMLCanvasElement): Promise<Renderer> {
  const preference = kind === 'canvas' ? ['canvas' as const] : ['webgl' as const, 'canvas' as const];
  // Also a WebGL request's fallback: any canvas renderer batches without WebGL shaders.
  useCanvasBatcherPipe();
  // WebGL rounds every vertex at a fractional scale; the canvas renderer's boxes are rounded the same way.
  usePixelSnappedGraphics();
  useReadableTextCanvases();
  quietPixiTicker();
  return autoDetectRenderer({
    preference,
    // A canvas made (and allocated) before Pixi was in (warmCanvases.ts); canvas renderer only.
    ...(canvas && kind === 'canvas' ? { canvas } : {}),
    width,
    height,
    resolution,
    autoDensity: false, // layer surfaces size their canvases in output pixels themselves
    backgroundAlpha: 0,
    antialias: true,
    roundPixels: !Number.isInteger(resolution),
    // Not Pixi's browser extensions (accessibility, pointer events and their ticker, DOM containers, filters):
    // nothing drawn here is interactive, filtered or masked, and the page's first frame need not wait for them.
    skipExtensionImports: true,
  });
}

/**
 * For a page whose one renderer is canvas, for good (the output page; not an OGraf host, whose graphics may
 * choose renderers of their own). Pixi's batcher builds its shader even on the canvas renderer, and a GL
 * program asks a WebGL context for the best fragment precision: the only WebGL context such a page would ever
 * make, which starts WebGL (SwiftShader here) in the GPU process during the first frame for a shader that is
 * never compiled (~30 ms of that frame's main thread on this machine, and CPU in the GPU process besides).
 * Pixi keeps the answer for the page's life, so it is given here without a context: the default, 'mediump'.
 */
export function answerWebglPrecisionWithoutWebgl() {
  const adapter = DOMAdapter.get();
  DOMAdapter.set({ ...adapter, createCanvas: () => ({ getContext: () => null }) as unknown as HTMLCanvasElement });
  try {
    getMaxFragmentPrecision();
  } finally {
    DOMAdapter.set(adapter);
  }
}
