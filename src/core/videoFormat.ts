import { err, ok, type Result } from './result';

/** A picture format an output runs at: its size in pixels and its frame rate as operators write it (29.97). */
export type VideoFormat = { width: number; height: number; fps: number };

/** The frame rates an output supports; 29.97 and 59.94 are exactly 30000/1001 and 60000/1001 (see frameRate.ts). */
export const FRAME_RATES = [25, 29.97, 50, 59.94, 60] as const;

/** The 16:9 picture sizes an output supports, by line count. */
export const PICTURE_SIZES: Readonly<Record<number, { width: number; height: number }>> = {
  720: { width: 1280, height: 720 },
  1080: { width: 1920, height: 1080 },
  2160: { width: 3840, height: 2160 },
};

export const DEFAULT_FORMAT: VideoFormat = { width: 1920, height: 1080, fps: 50 };

const SIZES = Object.keys(PICTURE_SIZES).join(', ');
const RATES = FRAME_RATES.join(', ');
const SIZE_LIST = `${Object.keys(PICTURE_SIZES).slice(0, -1).join(', ')} or ${Object.keys(PICTURE_SIZES).at(-1)}`;

/** Reads a frame rate from an output URL: one of 25, 29.97, 50, 59.94, 60 (59.94 may also be written 60000/1001). */
export function parseFrameRate(text: string): Result<number> {
  const value = text.trim();
  const ratio = value.match(/^(\d+)\/(\d+)$/);
  const fps = ratio ? Number(ratio[1]) / Number(ratio[2]) : Number(value);
  const match = FRAME_RATES.find((rate) => Math.abs(rate - fps) < 0.005);
  if (value === '' || match === undefined) return err(`"${text}" is not a frame rate an output can run at: use one of ${RATES}`);
  return ok(match);
}

/** Reads a format name like 1080p50, 720p59.94 or 2160p25. Interlaced formats are not offered: outputs are progressive. */
export function parseVideoFormat(text: string): Result<VideoFormat> {
  const match = text.trim().toLowerCase().match(/^(\d+)([pi])(.+)$/);
  if (!match) return err(`"${text}" is not a format: write lines, p and frame rate, e.g. 1080p50 or 720p59.94`);
  const [, lines, scan, rate] = match;
  if (scan === 'i') return err(`"${text}" is interlaced: outputs are progressive, use ${progressiveFor(lines!, rate!)}`);
  const size = PICTURE_SIZES[Number(lines)];
  if (!size) return err(`"${text}": ${lines} lines is not a supported picture size; use ${SIZES}`);
  const fps = parseFrameRate(rate!);
  if (!fps.ok) return err(`"${text}": ${fps.error}`);
  return ok({ ...size, fps: fps.value });
}

/**
 * What to write instead of an interlaced format, naming only formats parseVideoFormat accepts. Its rate may be
 * fields (1080i50, EBU) or frames (1080i25, SMPTE) per second, so both readings are offered where supported.
 */
function progressiveFor(lines: string, rate: string): string {
  if (!PICTURE_SIZES[Number(lines)]) return `${SIZE_LIST} lines, e.g. 1080p50`;
  const asNumber = Number(rate);
  const rates = [asNumber * 2, asNumber, asNumber / 2]
    .map((fps) => FRAME_RATES.find((supported) => Math.abs(supported - fps) < 0.005))
    .filter((fps, i, all): fps is (typeof FRAME_RATES)[number] => fps !== undefined && all.indexOf(fps) === i);
  if (rates.length === 0) return `a rate of ${RATES}, e.g. ${lines}p50`;
  return rates.map((fps) => `${lines}p${fps}`).join(' or ');
}

/**
 * A picture size an output can draw the 1920x1080 design on: 16:9, to the nearest pixel (1366x768 and 854x480
 * are 16:9 rounded). Any other shape would scale the design to its narrower side and leave a band unused.
 */
export function checkPictureSize(width: number, height: number): Result<{ width: number; height: number }> {
  if (Math.abs(width * 9 - height * 16) < 16) return ok({ width, height });
  return err(`${width}x${height} is not 16:9: graphics are designed at 1920x1080 and scaled to a 16:9 picture, e.g. 1280x720, 1920x1080 or 3840x2160`);
}

/** The name an engineer reads back: 1080p50 for a standard size, 1366x768p50 for any other. */
export function formatName({ width, height, fps }: VideoFormat): string {
  const standard = PICTURE_SIZES[height]?.width === width;
  return `${standard ? height : `${width}x${height}`}p${fps}`;
}
