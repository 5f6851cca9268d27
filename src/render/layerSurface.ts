import { Container, type Renderer } from 'pixi.js';
import type { Rect } from '../protocol/templates/theme';
import { pixelBox } from './layerGeometry';
import type { Presentation } from './presentation';
import { createRenderer, type RendererKind } from './rendererChoice';

/**
 * One layer's canvas, sized to the layer's region rather than the full frame: a crawl redraws a 1920x62
 * strip per frame instead of 1920x1080, and a static layer is never redrawn or recomposited.
 */
export type LayerSurface = {
  /** The layer's name (or another label, e.g. on the test pattern); also the canvas's data-layer. */
  label: string;
  renderer: Renderer;
  canvas: HTMLCanvasElement;
  /** Design-space content; positioned so graphics use full-frame (1920x1080) coordinates. */
  content: Container;
  dirty: boolean;
  /** The design-space region the canvas covers now. */
  region: Rect;
  /** Draws the layer; returns false when there was nothing to draw (see `blank` inside). */
  render(): boolean;
  /** Textures this layer's renderer holds now (GPU textures on WebGL, text canvases on canvas): leak checks count them. */
  textureCount(): number;
  /** Call after destroying display objects: lets go of what the renderer still keeps for the texts among them. */
  released(): void;
  setRegion(region: Rect): void;
  destroy(): void;
};

export async function createLayerSurface(
  label: string,
  kind: RendererKind,
  region: Rect,
  scale: number,
  presentation: Presentation,
  /** A canvas of the region's pixel size made before Pixi was in (warmCanvases.ts), for the canvas renderer. */
  warmCanvas?: HTMLCanvasElement,
): Promise<LayerSurface> {
  const box = pixelBox(region, scale);
  const renderer = await createRenderer(kind, box.width / scale, box.height / scale, scale, warmCanvas);
  const canvas = renderer.canvas as HTMLCanvasElement;
  canvas.dataset.layer = label;
  Object.assign(canvas.style, { position: 'absolute', display: 'block' });
  const stage = new Container({ label: `layer:${label}` });
  const content = new Container({ label: `content:${label}` });
  stage.addChild(content);
  const shown = presentation.attach(canvas);
  // True while the canvas is known to be transparent: a new canvas, or one last drawn with nothing on it. Such
  // a layer with nothing to draw is not drawn at all: a cold start's first frame skips clearing (and so
  // allocating) the canvases of empty layers, 1200x600 for the centre.
  let blank = true;

  const surface: LayerSurface = {
    label,
    renderer,
    canvas,
    content,
    dirty: true,
    region,
    render() {
      surface.dirty = false;
      const empty = content.children.length === 0;
      if (empty && blank) return false;
      renderer.render(stage);
      shown.presented();
      blank = empty;
      return true;
    },
    textureCount: () => textureCount(renderer),
    released: () => forgetReleasedTexts(renderer),
    setRegion(next) {
      surface.region = next;
      const pixels = pixelBox(next, scale);
      renderer.resize(pixels.width / scale, pixels.height / scale, scale);
      // One canvas pixel per output pixel: the canvas is shown at its pixel size, not its design size.
      Object.assign(canvas.style, { left: `${pixels.x}px`, top: `${pixels.y}px`, width: `${pixels.width}px`, height: `${pixels.height}px` });
      content.position.set(-pixels.x / scale, -pixels.y / scale);
      surface.dirty = true;
    },
    destroy() {
      stage.destroy({ children: true });
      shown.detach();
      renderer.destroy({ removeView: true });
    },
  };
  surface.setRegion(region);
  return surface;
}

type TextSystem = { _activeTextures?: Record<string, unknown> };
const textSystemOf = (renderer: Renderer) => (renderer as unknown as { canvasText?: TextSystem }).canvasText;

/**
 * Pixi 8.22 releases a text's texture when the text is destroyed but keeps its key (text, style id and
 * revision, resolution) in `canvasText._activeTextures`, set to null, for the life of the renderer. Every Text
 * ever drawn has its own style id, so each take left a few hundred bytes there for good: drop those keys.
 */
function forgetReleasedTexts(renderer: Renderer) {
  const active = textSystemOf(renderer)?._activeTextures;
  if (!active) return;
  for (const key of Object.keys(active)) if (active[key] === null) delete active[key];
}

/**
 * What a renderer holds on to for the textures it draws. Pixi has no public count: WebGL keeps its uploaded
 * textures in `texture.managedTextures`; both renderers keep each text's texture in their text system's
 * `_activeTextures`, keyed by text and style (an entry is set to null, not removed, when released).
 */
function textureCount(renderer: Renderer): number {
  const gl = (renderer as { texture?: { managedTextures?: readonly unknown[] } }).texture?.managedTextures?.length ?? 0;
  const texts = textSystemOf(renderer)?._activeTextures ?? {};
  return gl + Object.keys(texts).length;
}
