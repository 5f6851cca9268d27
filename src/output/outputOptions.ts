import { parseRendererRequest, type RendererRequest } from '../render/rendererChoice';

/** How an output page was asked to run, from its URL (e.g. output.html?width=1280&height=720&renderer=canvas). */
export type OutputOptions = { width: number; height: number; renderer: RendererRequest; manualClock: boolean };

export function parseOutputOptions(search: string): OutputOptions {
  const params = new URLSearchParams(search);
  return {
    width: dimension(params.get('width'), 1920, 'width'),
    height: dimension(params.get('height'), 1080, 'height'),
    renderer: parseRendererRequest(params.get('renderer')),
    manualClock: params.get('clock') === 'manual',
  };
}

function dimension(value: string | null, fallback: number, name: string): number {
  if (value === null) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 16 || n > 7680) throw new Error(`${name} must be a whole number of pixels from 16 to 7680, not "${value}"`);
  return n;
}
