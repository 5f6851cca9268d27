import { checkPictureSize, DEFAULT_FORMAT, parseFrameRate, parseVideoFormat } from '../core/index';
import { checkHubsOption, hubAddress } from '../client/hubList';
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
  refuseRepeats(params);
  const mode = choice(params.get('mode'), OutputMode.options, 'alpha', 'mode');
  const alpha = choice(params.get('alpha'), AlphaMode.options, 'premultiplied', 'alpha');
  if (mode === 'alpha' && alpha === 'straight') {
    throw new Error(
      'alpha=straight needs an opaque fill (mode=fill or mode=keyfill): a transparent page (mode=alpha) always hands its host premultiplied pixels',
    );
  }
  checkHubs(params.get('hubs'));
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
  const size = checkPictureSize(dimension(params.get('width'), DEFAULT_FORMAT.width, 'width'), dimension(params.get('height'), DEFAULT_FORMAT.height, 'height'));
  if (!size.ok) throw new Error(`width and height: ${size.error}`);
  return { ...size.value, fps: rate.value };
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
  if (value === '1' || value === 'true') return true;
  throw new Error(`${name} must be 1, 0, true or false, not "${value}"`);
}

/** A parameter given twice is a mistake in the URL (a copied link edited by hand): which one was meant is not ours to guess. */
function refuseRepeats(params: URLSearchParams): void {
  const seen = new Map<string, string>();
  for (const [key, value] of params) {
    const first = seen.get(key);
    if (first !== undefined) throw new Error(`${key} is given twice (${key}=${first} and ${key}=${value}): keep the one you mean`);
    seen.set(key, value);
  }
}

/**
 * `hubs=` entries must name host and port, as README says: hubAddress reads a bare host as one on ws's default
 * port 80, where no hub listens, so a page would move there and sit silent. Checked here, with the same sentence.
 */
function checkHubs(value: string | null): void {
  checkHubsOption(value);
  for (const entry of (value ?? '').split(',')) {
    if (entry.trim() === '') continue;
    const port = Number(/:(\d{1,5})$/.exec(hubAddress(entry) ?? '')?.[1] ?? 0);
    if (port < 1 || port > 65535) {
      throw new Error(`hubs: ${JSON.stringify(entry.slice(0, 80))} is not a hub's address: write host:port, several separated by commas (hubs=10.0.0.2:4380)`);
    }
  }
}
