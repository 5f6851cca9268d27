/** The renderer a page's URL asks for; kept apart from rendererChoice.ts so URL parsing needs no Pixi. */
export type RendererRequest = 'auto' | 'webgl' | 'canvas';

export function parseRendererRequest(value: string | null): RendererRequest {
  if (value === null || value === '') return 'auto';
  if (value === 'auto' || value === 'webgl' || value === 'canvas') return value;
  throw new Error(`renderer must be auto, webgl or canvas, not "${value}"`);
}
