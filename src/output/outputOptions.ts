import { DEFAULT_FORMAT, parseFrameRate, parseVideoFormat } from '../core/index';
import { checkHubsOption } from '../client/hubList';
import { OutputName } from '../protocol/outputName';
import { AlphaMode, OutputMode } from '../protocol/outputMode';
import { parseRendererRequest, type RendererRequest } from '../render/rendererRequest';

/**
 * How an output page was asked to run, from its URL, e.g. output.html?format=720p59.94&mode=key&renderer=canvas.
 * README "Output URL options" lists them; a bad value stops the page with a sentence saying what to write.
 */
export type OutputOptions = {
  width: number;
  height: number;
  fps: number;
  mode: OutputMode;
  alpha: AlphaMode;
  guides: boolean;
  renderer: RendererRequest;
  manualClock: boolean;
  /** Shown in the panel's Outputs list (`name=vMix main`); empty when not given. */
  name: string;
};

export function parseOutputOptions(search: string): OutputOptions {
  const params = new URLSearchParams(search);
  const mode = choice(params.get('mode'), OutputMode.options, 'alpha', 'mode');
  const alpha = choice(params.get('alpha'), AlphaMode.options, 'premultiplied', 'alpha');
  if (mode === 'alpha' && alpha === 'straight') {
    throw new Error(
      'alpha=straight needs an opaque fill (mode=fill or mode=keyfill): a transparent page (mode=alpha) always hands its host premultiplied pixels',
    );
  }
  checkHubsOption(params.get('hubs'));
  return {
    ...format(params),
    mode,
    alpha,
    guides: flag(params.get('guides'), 'guides'),
    renderer: parseRendererRequest(params.get('renderer')),
    manualClock: choice(params.get('clock'), ['live', 'manual'], 'live', 'clock') === 'manual',
    name: outputName(params.get('name')),
  };
}

function outputName(value: string | null): string {
  if (value === null) return '';
  const parsed = OutputName.safeParse(value);
  if (!parsed.success) throw new Error(`name: ${parsed.error.issues[0]?.message ?? 'not a name'} (got ${value.length} characters)`);
  return parsed.data;
}

/** `format=1080p50` sets size and rate together; without it, `width`, `height` and `fps` (1920, 1080, 50). */
function format(params: URLSearchParams) {
  const name = params.get('format');
  if (name !== null) {
    const extra = ['width', 'height', 'fps'].filter((key) => params.has(key));
    if (extra.length > 0) throw new Error(`format=${name} already sets the size and frame rate: remove ${extra.join(' and ')} from the URL`);
    const parsed = parseVideoFormat(name);
    if (!parsed.ok) throw new Error(`format: ${parsed.error}`);
    return parsed.value;
  }
  const fps = params.get('fps');
  const rate = fps === null ? { ok: true as const, value: DEFAULT_FORMAT.fps } : parseFrameRate(fps);
  if (!rate.ok) throw new Error(`fps: ${rate.error}`);
  return {
    width: dimension(params.get('width'), DEFAULT_FORMAT.width, 'width'),
    height: dimension(params.get('height'), DEFAULT_FORMAT.height, 'height'),
    fps: rate.value,
  };
}

function dimension(value: string | null, fallback: number, name: string): number {
  if (value === null) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 16 || n > 7680) throw new Error(`${name} must be a whole number of pixels from 16 to 7680, not "${value}"`);
  return n;
}

function choice<T extends string>(value: string | null, options: readonly T[], fallback: T, name: string): T {
  if (value === null || value === '') return fallback;
  if ((options as readonly string[]).includes(value)) return value as T;
  throw new Error(`${name} must be ${options.slice(0, -1).join(', ')} or ${options.at(-1)}, not "${value}"`);
}

function flag(value: string | null, name: string): boolean {
  if (value === null || value === '0' || value === 'false') return false;
  if (value === '' || value === '1' || value === 'true') return true;
  throw new Error(`${name} must be 1 or 0, not "${value}"`);
}
