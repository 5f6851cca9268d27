import { Container, type Renderer } from 'pixi.js';
import type { LayerId } from '../protocol/layers';
import type { Rect } from '../protocol/templates/theme';
import { createRenderer, type RendererKind } from './rendererChoice';

/**
 * One layer's canvas, sized to the layer's region rather than the full frame: a crawl redraws a 1920x62
 * strip per frame instead of 1920x1080, and a static layer is never redrawn or recomposited.
 */
export type LayerSurface = {
  layer: LayerId;
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
  layer: LayerId,
  kind: RendererKind,
  region: Rect,
  scale: number,
  host: HTMLElement,
): Promise<LayerSurface> {
  const box = pixelBox(region, scale);
  const renderer = await createRenderer(kind, box.width / scale, box.height / scale, scale);
  const canvas = renderer.canvas as HTMLCanvasElement;
  canvas.dataset.layer = layer;
  Object.assign(canvas.style, { position: 'absolute', display: 'block' });
  const stage = new Container({ label: `layer:${layer}` });
  const content = new Container({ label: `content:${layer}` });
  stage.addChild(content);
  host.appendChild(canvas);

  const surface: LayerSurface = {
    layer,
    renderer,
    canvas,
    content,
    dirty: true,
    region,
    render() {
      renderer.render(stage);
      surface.dirty = false;
    },
    setRegion(next) {
      surface.region = next;
      const pixels = pixelBox(next, scale);
      renderer.resize(pixels.width / scale, pixels.height / scale, scale);
      // autoDensity sizes the canvas in design pixels; on a scaled page (a 1280x720 output, the gallery's
      // stage) it must cover its region in page pixels.
      canvas.style.width = `${pixels.width}px`;
      canvas.style.height = `${pixels.height}px`;
      canvas.style.left = `${pixels.x}px`;
      canvas.style.top = `${pixels.y}px`;
      content.position.set(-pixels.x / scale, -pixels.y / scale);
      surface.dirty = true;
    },
    destroy() {
      stage.destroy({ children: true });
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
