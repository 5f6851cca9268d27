import { inflateSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';

/**
 * A screenshot of the page's viewport with a transparent background, as straight (not premultiplied) RGBA.
 * The same capture Playwright's page.screenshot({ omitBackground: true }) makes (DevTools
 * Page.captureScreenshot over a transparent default background), asked with Chromium's fast PNG encoding and
 * decoded here with native zlib: a 1080p frame costs tens of milliseconds instead of most of a second.
 */
export async function screenshotRgba(page: Page, clip?: { x: number; y: number; width: number; height: number }): Promise<{ width: number; height: number; data: Buffer }> {
  const cdp = await session(page);
  await cdp.send('Emulation.setDefaultBackgroundColorOverride', { color: { r: 0, g: 0, b: 0, a: 0 } });
  try {
    return await captureRgba(cdp, clip);
  } finally {
    await cdp.send('Emulation.setDefaultBackgroundColorOverride', {});
  }
}

/** One capture of what the page shows now, over whatever default background the session has set, as RGBA. */
export async function captureRgba(cdp: CDPSession, clip?: { x: number; y: number; width: number; height: number }): Promise<{ width: number; height: number; data: Buffer }> {
  // optimizeForSpeed (Chromium 112+, not in Playwright's protocol types): a quicker PNG, the same pixels.
  const request = { format: 'png' as const, optimizeForSpeed: true, ...(clip ? { clip: { ...clip, scale: 1 } } : {}) };
  const { data } = await cdp.send('Page.captureScreenshot', request);
  return decodePng(Buffer.from(data, 'base64'));
}

// Keyed by the tab's main frame, which outlives a page handle: the harness hands a closed page's tab out again
// under a new handle (test/harness/tabPool.ts), and the session it has stays good.
const sessions = new WeakMap<object, Promise<CDPSession>>();
function session(page: Page): Promise<CDPSession> {
  let cdp = sessions.get(page.mainFrame());
  if (!cdp) {
    cdp = page.context().newCDPSession(page);
    sessions.set(page.mainFrame(), cdp);
  }
  return cdp;
}

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes) to RGBA. Anything else is refused. */
export function decodePng(png: Buffer): { width: number; height: number; data: Buffer } {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colourType, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
      if (depth !== 8 || channels === 0 || interlace !== 0) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colourType}, interlace ${interlace}`);
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error(`PNG data is ${raw.length} bytes, expected ${height * (stride + 1)}`);
  // Unfiltered row by row into a Uint8Array (its stores wrap modulo 256, as PNG's sums do), the first pixel of a
  // row apart from the rest so the inner loops have no branch: a 1080p capture in a few milliseconds.
  const pixels = Buffer.allocUnsafe(height * stride);
  const none = new Uint8Array(stride); // the row "above" the first
  const c = channels;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const from = y * (stride + 1) + 1;
    const line = raw.subarray(from, from + stride);
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : none;
    switch (filter) {
      case 0:
        row.set(line);
        break;
      case 1:
        for (let i = 0; i < c; i++) row[i] = line[i]!;
        for (let i = c; i < stride; i++) row[i] = line[i]! + row[i - c]!;
        break;
      case 2:
        for (let i = 0; i < stride; i++) row[i] = line[i]! + up[i]!;
        break;
      case 3:
        for (let i = 0; i < c; i++) row[i] = line[i]! + (up[i]! >> 1);
        for (let i = c; i < stride; i++) row[i] = line[i]! + ((row[i - c]! + up[i]!) >> 1);
        break;
      case 4:
        for (let i = 0; i < c; i++) row[i] = line[i]! + up[i]!; // Paeth of (0, up, 0) is up
        for (let i = c; i < stride; i++) {
          const a = row[i - c]!;
          const b = up[i]!;
          const d = up[i - c]!;
          const pa = Math.abs(b - d);
          const pb = Math.abs(a - d);
          const pc = Math.abs(a + b - 2 * d);
          row[i] = line[i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : d);
        }
        break;
      default:
        throw new Error(`unknown PNG filter ${filter} on row ${y}`);
    }
  }
  if (channels === 4) return { width, height, data: pixels };
  const rgba = Buffer.alloc(width * height * 4);
  for (let p = 0, q = 0; p < pixels.length; p += 3, q += 4) {
    rgba[q] = pixels[p]!;
    rgba[q + 1] = pixels[p + 1]!;
    rgba[q + 2] = pixels[p + 2]!;
    rgba[q + 3] = 255;
  }
  return { width, height, data: rgba };
}
