import type { AlphaMode, OutputMode } from '../protocol/outputMode';

/** One canvas as the page presents it. Call `presented()` right after drawing into the canvas. */
export type PresentedCanvas = { presented(): void; detach(): void };

/**
 * How an output page turns its layer canvases into what the vision mixer receives (see OutputMode and
 * AlphaMode in src/protocol/outputMode.ts). Canvases are drawn once; this decides how they are shown:
 *
 * - `alpha`: as they are, on a transparent page.
 * - `fill`, premultiplied: over black. Browsers composite premultiplied, so each pixel is colour x alpha.
 * - `fill`, straight: the composited layers through a filter that divides colour by alpha and sets alpha to 1
 *   wherever it was above 0; black where nothing is drawn.
 * - `key`: the composited layers through a filter that makes every colour white and keeps alpha, over black:
 *   each pixel's grey level is the frame's alpha.
 * - `keyfill`: the fill on the left half and the key on the right. The right half shows 2D copies of the
 *   layer canvases, made with drawImage in the same task that drew them, so the browser commits both halves
 *   in the same frame: key and fill cannot be a frame apart.
 *
 * The filters act on each layer canvas, not on the stack of layers: the compositor then re-filters only the
 * layer that changed (a 1920x62 crawl strip), where a filter on the whole stack re-filtered the full frame on
 * every crawl step (about a core of software compositing at 1080p). White-shaped-by-alpha layers composite
 * to exactly the key of the composite; for straight fill, where half-transparent layers overlap, the upper
 * layer's edge shows unmultiplied over the lower one. Pixel tests in test/outputModes.test.ts pin every mode.
 */
export type Presentation = {
  mode: OutputMode;
  alpha: AlphaMode;
  /** Page size in CSS pixels: the output's, or twice its width for keyfill. */
  pageWidth: number;
  pageHeight: number;
  attach(canvas: HTMLCanvasElement): PresentedCanvas;
  /** Puts an element (e.g. safe-area guides) over the layers, in each half of a keyfill page. */
  overlay(make: () => HTMLElement): void;
};

const KEY_FILTER = 'finishline-key';
const STRAIGHT_FILTER = 'finishline-straight';

// feColorMatrix works on un-premultiplied colour. Key: R = G = B = 1, alpha kept (white shaped by alpha).
// Straight: colour kept, alpha x 255 (so any alpha above 0 saturates to 1). The filter region is the element's
// own box (x=0 y=0 width=1 height=1), and sRGB keeps the values from being converted to linear light.
const FILTERS = `
<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0" style="position:absolute" aria-hidden="true">
  <filter id="${KEY_FILTER}" x="0" y="0" width="1" height="1" color-interpolation-filters="sRGB">
    <feColorMatrix type="matrix" values="0 0 0 0 1  0 0 0 0 1  0 0 0 0 1  0 0 0 1 0" />
  </filter>
  <filter id="${STRAIGHT_FILTER}" x="0" y="0" width="1" height="1" color-interpolation-filters="sRGB">
    <feColorMatrix type="matrix" values="1 0 0 0 0  0 1 0 0 0  0 0 1 0 0  0 0 0 255 0" />
  </filter>
</svg>`;

export function createPresentation(host: HTMLElement, options: { width: number; height: number; mode?: OutputMode; alpha?: AlphaMode }): Presentation {
  const { width, height, mode = 'alpha', alpha = 'premultiplied' } = options;
  const pageWidth = mode === 'keyfill' ? width * 2 : width;
  const opaque = mode !== 'alpha';
  Object.assign(host.style, { position: 'relative', overflow: 'hidden', width: `${pageWidth}px`, height: `${height}px`, background: opaque ? '#000' : 'transparent' });
  // An opaque output must be black all the way out, whatever size the browser window is.
  if (opaque) host.ownerDocument.body.style.background = '#000';
  host.insertAdjacentHTML('beforeend', FILTERS);

  const stack = (left: number) => {
    const element = host.ownerDocument.createElement('div');
    Object.assign(element.style, { position: 'absolute', left: `${left}px`, top: '0', width: `${width}px`, height: `${height}px`, overflow: 'hidden' });
    host.appendChild(element);
    return element;
  };
  const fillFilter = mode === 'key' ? KEY_FILTER : (mode === 'fill' || mode === 'keyfill') && alpha === 'straight' ? STRAIGHT_FILTER : null;
  const filtered = (canvas: HTMLCanvasElement, filter: string | null) => {
    if (filter) canvas.style.filter = `url(#${filter})`;
    return canvas;
  };
  const fill = stack(0);
  fill.dataset.half = mode === 'key' ? 'key' : 'fill';
  const key = mode === 'keyfill' ? stack(width) : null;
  if (key) key.dataset.half = 'key';

  return {
    mode,
    alpha,
    pageWidth,
    pageHeight: height,
    attach(canvas) {
      fill.appendChild(filtered(canvas, fillFilter));
      if (!key) return { presented() {}, detach: () => canvas.remove() };
      const copy = host.ownerDocument.createElement('canvas');
      copy.dataset.copyOf = canvas.dataset.layer ?? '';
      const context = copy.getContext('2d')!;
      key.appendChild(copy);
      let copiedStyle = '';
      return {
        presented() {
          if (copy.width !== canvas.width || copy.height !== canvas.height) {
            copy.width = canvas.width;
            copy.height = canvas.height;
          }
          if (copiedStyle !== canvas.style.cssText) {
            copiedStyle = canvas.style.cssText;
            copy.style.cssText = copiedStyle;
            filtered(copy, KEY_FILTER);
          }
          // Same task as the render: a WebGL canvas's drawing buffer is still valid, and both halves are
          // committed to the compositor together.
          context.globalCompositeOperation = 'copy';
          context.drawImage(canvas, 0, 0);
        },
        detach() {
          canvas.remove();
          copy.remove();
        },
      };
    },
    overlay(make) {
      for (const half of key ? [fill, key] : [fill]) {
        const element = make();
        element.style.zIndex = '1';
        half.appendChild(element);
      }
    },
  };
}
