import { autoDetectRenderer, type Renderer } from 'pixi.js';

export type RendererRequest = 'auto' | 'webgl' | 'canvas';
export type RendererKind = 'webgl' | 'canvas' | 'webgpu';
export type RendererChoice = { kind: RendererKind; request: RendererRequest; reason: string; fallback: boolean };

export function parseRendererRequest(value: string | null): RendererRequest {
  if (value === null || value === '') return 'auto';
  if (value === 'auto' || value === 'webgl' || value === 'canvas') return value;
  throw new Error(`renderer must be auto, webgl or canvas, not "${value}"`);
}

/**
 * Picks the renderer once per page, so every layer agrees. `auto` wants WebGL only where it is
 * hardware-accelerated: on software WebGL (SwiftShader, no GPU) Pixi's canvas renderer is several times
 * cheaper, which is also why CasparCG disables WebGL by default.
 */
export async function chooseRenderer(request: RendererRequest): Promise<RendererChoice> {
  if (request === 'canvas') return { kind: 'canvas', request, reason: 'canvas requested in the URL', fallback: false };
  const probe = await createRenderer(request === 'auto' ? 'webgl-fast' : 'webgl', 8, 8, 1);
  const kind = probe.name as RendererKind;
  probe.destroy();
  if (kind === 'webgl') return { kind, request, reason: request === 'auto' ? 'WebGL is hardware-accelerated here' : 'WebGL requested in the URL', fallback: false };
  if (request === 'auto') return { kind: 'canvas', request, reason: 'WebGL is software-rendered or unavailable here, so the canvas renderer is faster', fallback: false };
  return { kind: 'canvas', request, reason: 'WebGL was requested but is unavailable here: fell back to canvas', fallback: true };
}

/** A Pixi renderer with a transparent background; `webgl-fast` refuses software WebGL. */
export function createRenderer(kind: RendererKind | 'webgl-fast', width: number, height: number, resolution: number): Promise<Renderer> {
  const preference = kind === 'canvas' ? ['canvas' as const] : ['webgl' as const, 'canvas' as const];
  return autoDetectRenderer({
    preference,
    width,
    height,
    resolution,
    autoDensity: true,
    backgroundAlpha: 0,
    antialias: true,
    failIfMajorPerformanceCaveat: kind === 'webgl-fast',
  });
}
