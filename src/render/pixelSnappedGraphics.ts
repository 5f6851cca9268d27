import {
  bgr2rgb,
  CanvasGraphicsAdaptor,
  ExtensionType,
  extensions,
  FillGradient,
  FillPattern,
  multiplyHexColors,
  Texture,
  type Graphics,
  type GraphicsPipe,
  type Rectangle,
} from 'pixi.js';

type CanvasRendererParts = {
  _roundPixels: 0 | 1;
  canvasContext: {
    activeContext: CanvasRenderingContext2D;
    setContextTransform(transform: unknown, roundPixels: boolean): void;
    setBlendMode(mode: unknown): void;
  };
  globalUniforms: { globalUniformData?: { worldColor?: number } };
  filter?: { alphaMultiplier?: number };
};

type FillInstruction = {
  action: string;
  data?: {
    style: { color: number; alpha: number; fill?: unknown; texture?: Texture | null };
    path?: { shapePath?: { shapePrimitives?: { shape?: { type: string }; transform?: { isIdentity(): boolean }; holes?: unknown[] }[] } };
    hole?: { shapePath?: { shapePrimitives?: unknown[] } };
  };
};

/**
 * Pixi 8.22's canvas graphics with WebGL's pixel rounding for the boxes graphics are made of. With `roundPixels`
 * (a fractional scale: 720p) WebGL rounds every vertex to a whole output pixel, but Pixi's canvas renderer only
 * truncates a transform's translation and draws the scaled size as it is: a 1x1 panel stretched to a third of a
 * pixel past a whole one left an anti-aliased row (alpha 191) on every panel's bottom and right edge, and boxes
 * ending at the same design y (a name card's accent bar and its strip) ended on different rows. Here, a Graphics
 * of plain-colour rectangles under an unrotated transform is filled with each corner rounded in output pixels as
 * WebGL rounds it; anything else (circles, arrows, gradients, a rotation), and every Graphics at a whole-number
 * scale, is drawn by Pixi's own adaptor.
 */
class PixelSnappedGraphicsAdaptor extends CanvasGraphicsAdaptor {
  override execute(graphicsPipe: GraphicsPipe, renderable: Graphics) {
    const renderer = graphicsPipe.renderer as unknown as CanvasRendererParts;
    const rounding = (renderer._roundPixels | (renderable as unknown as { _roundPixels: 0 | 1 })._roundPixels) === 1;
    if (!rounding || !fillRoundedRects(renderer, renderable)) super.execute(graphicsPipe, renderable);
  }
}

/** WebGL's roundPixels (Pixi's shader: floor(p + 0.5) in clip space, whose y runs up): x to nearest, a y half-way up. */
const snapX = (x: number) => Math.round(x);
const snapY = (y: number) => Math.ceil(y - 0.5);

/** Fills the Graphics if it is only plain-colour rectangles under an unrotated transform; false (nothing drawn) if not. */
function fillRoundedRects(renderer: CanvasRendererParts, renderable: Graphics): boolean {
  const instructions = (renderable.context as unknown as { instructions: FillInstruction[] }).instructions;
  for (const instruction of instructions) {
    const data = instruction.data;
    if (instruction.action !== 'fill' || !data || data.hole?.shapePath?.shapePrimitives?.length) return false;
    const { style } = data;
    if (style.fill instanceof FillGradient || style.fill instanceof FillPattern || (style.texture && style.texture !== Texture.WHITE)) return false;
    for (const primitive of data.path?.shapePath?.shapePrimitives ?? []) {
      if (primitive.shape?.type !== 'rectangle' || primitive.holes?.length || (primitive.transform && !primitive.transform.isIdentity())) return false;
    }
  }

  const contextSystem = renderer.canvasContext;
  const context = contextSystem.activeContext;
  const globalColor = renderer.globalUniforms.globalUniformData?.worldColor ?? 0xffffffff;
  const groupColorAlpha = (renderable as unknown as { groupColorAlpha: number }).groupColorAlpha;
  const groupAlpha = (((globalColor >>> 24) & 255) / 255) * (((groupColorAlpha >>> 24) & 255) / 255) * (renderer.filter?.alphaMultiplier ?? 1);
  if (groupAlpha <= 0) return true;
  const groupTint = bgr2rgb(multiplyHexColors(groupColorAlpha & 0xffffff, globalColor & 0xffffff));

  context.save();
  // Pixi's own matrix (world, projection, resolution), unrounded: read back to place the corners in output pixels.
  contextSystem.setContextTransform(renderable.groupTransform, false);
  const m = context.getTransform();
  if (m.b !== 0 || m.c !== 0) {
    context.restore();
    return false;
  }
  contextSystem.setBlendMode(renderable.groupBlendMode);
  context.setTransform(1, 0, 0, 1, 0, 0);
  for (const { data } of instructions) {
    const alpha = data!.style.alpha * groupAlpha;
    if (alpha <= 0) continue;
    context.globalAlpha = alpha;
    context.fillStyle = `#${(multiplyHexColors(data!.style.color, groupTint) & 0xffffff).toString(16).padStart(6, '0')}`;
    for (const primitive of data!.path?.shapePath?.shapePrimitives ?? []) {
      const r = primitive.shape as unknown as Rectangle;
      const xs = [snapX(m.a * r.x + m.e), snapX(m.a * (r.x + r.width) + m.e)].sort((p, q) => p - q);
      const ys = [snapY(m.d * r.y + m.f), snapY(m.d * (r.y + r.height) + m.f)].sort((p, q) => p - q);
      // A box narrower than half a pixel rounds to nothing, as on WebGL.
      if (xs[1]! > xs[0]! && ys[1]! > ys[0]!) context.fillRect(xs[0]!, ys[0]!, xs[1]! - xs[0]!, ys[1]! - ys[0]!);
    }
  }
  context.restore();
  return true;
}

let installed = false;

/** Makes every canvas renderer created from now on draw rectangles as PixelSnappedGraphicsAdaptor says (WebGL renderers are untouched). */
export function usePixelSnappedGraphics() {
  if (installed) return;
  installed = true;
  // A named list that keeps the first of a name, as for the batch pipe (canvasBatcherPipe.ts).
  extensions.remove({ type: ExtensionType.CanvasPipesAdaptor, name: 'graphics', ref: CanvasGraphicsAdaptor });
  extensions.add({ type: ExtensionType.CanvasPipesAdaptor, name: 'graphics', ref: PixelSnappedGraphicsAdaptor });
}
