import { BatchGeometry, Batcher, BatcherPipe, DefaultBatcher, ExtensionType, extensions, type InstructionSet, type Shader } from 'pixi.js';

/**
 * Pixi 8.22's default batcher without its shader. `DefaultBatcher`'s constructor compiles the WebGL and WebGPU
 * batch programs (~10 ms of a cold start's first frame here) even on the canvas renderer, whose batch adaptor
 * draws each element's texture with drawImage and never reads a shader. The packing is DefaultBatcher's own.
 */
class CanvasBatcher extends Batcher {
  override name = 'default';
  vertexSize = 6;
  geometry = new BatchGeometry();
  // Never read on canvas: the adaptor's start() ignores it and destroy() only calls it through `?.`.
  shader = null as unknown as Shader;
  packAttributes = DefaultBatcher.prototype.packAttributes;
  packQuadAttributes = DefaultBatcher.prototype.packQuadAttributes;
}

type Batchers = Record<string, Batcher>;

/**
 * The canvas renderer's batch pipe, which gives each instruction set a `CanvasBatcher` before Pixi's
 * `buildStart` would make it a `DefaultBatcher` (a class it names directly, not through an extension).
 */
class CanvasBatcherPipe extends BatcherPipe {
  override buildStart(instructionSet: InstructionSet) {
    const byInstructionSet = (this as unknown as { _batchersByInstructionSet: Record<number, Batchers> })._batchersByInstructionSet;
    if (!byInstructionSet[instructionSet.uid]) {
      const batchers: Batchers = Object.create(null);
      batchers.default = new CanvasBatcher({ maxTextures: this.renderer.limits.maxBatchableTextures });
      byInstructionSet[instructionSet.uid] = batchers;
    }
    super.buildStart(instructionSet);
  }
}

let installed = false;

/** Makes every canvas renderer created from now on batch without building WebGL shaders (WebGL renderers are untouched). */
export function useCanvasBatcherPipe() {
  if (installed) return;
  installed = true;
  // Pixi's canvas pipes are a named list that keeps the first of a name: take out only its canvas `batch`. (Had
  // the canvas renderer's module not registered its pipes yet, the removal does nothing and ours, queued, comes first.)
  extensions.remove({ type: ExtensionType.CanvasPipes, name: 'batch', ref: BatcherPipe });
  extensions.add({ type: ExtensionType.CanvasPipes, name: 'batch', ref: CanvasBatcherPipe });
}
