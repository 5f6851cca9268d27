import { Container, type Renderer } from 'pixi.js';
import type { Rect } from '../protocol/templates/theme';
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
  render(): void;
  setRegion(region: Rect): void;
  destroy(): void;
};

export async function createLayerSurface(
  label: string,
  kind: RendererKind,
  region: Rect,
  scale: number,
  presentation: Presentation,
): Promise<LayerSurface> {
  const box = pixelBox(region, scale);
  const renderer = await createRenderer(kind, box.width / scale, box.height / scale, scale);
  const canvas = renderer.canvas as HTMLCanvasElement;
  canvas.dataset.layer = label;
  Object.assign(canvas.style, { position: 'absolute', display: 'block' });
  const stage = new Container({ label: `layer:${label}` });
  const content = new Container({ label: `content:${label}` });
  stage.addChild(content);
  const shown = presentation.attach(canvas);

  const surface: LayerSurface = {
    label,
    renderer,
    canvas,
    content,
    dirty: true,
    region,
    render() {
      renderer.render(stage);
      shown.presented();
      surface.dirty = false;
    },
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

/** The region in whole output pixels (canvases on fractional CSS positions would blur). */
function pixelBox(region: Rect, scale: number) {
  const x = Math.floor(region.x * scale);
  const y = Math.floor(region.y * scale);
  return { x, y, width: Math.ceil((region.x + region.width) * scale) - x, height: Math.ceil((region.y + region.height) * scale) - y };
}
