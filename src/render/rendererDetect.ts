import type { RendererRequest } from './rendererRequest';

// The renderer choice a page can make without Pixi (the output page makes it while Pixi's chunk loads):
// everything but a WebGL request, which needs Pixi to try WebGL (rendererChoice.ts).

export type RendererKind = 'webgl' | 'canvas' | 'webgpu';
export type RendererChoice = { kind: RendererKind; request: RendererRequest; reason: string; fallback: boolean };

/**
 * The canvas renderer when the URL asks for it, or when `auto` finds no WebGL or only software WebGL (where
 * Pixi's canvas renderer is several times cheaper, which is also why CasparCG disables WebGL by default);
 * null when only a WebGL probe can tell. `gpu`: the WebGL implementation's name (webglRendererName), if read already.
 */
export function choiceWithoutProbe(request: RendererRequest, gpu = request === 'auto' ? webglRendererName() : null): RendererChoice | null {
  if (request === 'canvas') return { kind: 'canvas', request, reason: 'canvas requested in the URL', fallback: false };
  if (request !== 'auto') return null;
  if (gpu === null) return { kind: 'canvas', request, reason: 'WebGL is unavailable here', fallback: false };
  if (SOFTWARE_GL.test(gpu)) return { kind: 'canvas', request, reason: `WebGL is software-rendered here (${gpu}), so the canvas renderer is faster`, fallback: false };
  return null;
}

const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

/** The WebGL implementation's name (e.g. "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device ...))"), or null. */
export function webglRendererName(): string | null {
  const gl = document.createElement('canvas').getContext('webgl');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}
