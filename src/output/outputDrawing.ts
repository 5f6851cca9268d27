// Everything the output page needs Pixi for, in one chunk loaded with import(): the page opens its socket,
// asks for its fonts and hears its first snapshot while this chunk is still downloading and compiling.
export { createAssetLoader } from '../render/assetLoader';
export { createOutputScene, imagesOnAir, sceneScale } from '../render/outputScene';
export { createPresentation } from '../render/presentation';
export { answerWebglPrecisionWithoutWebgl, chooseRenderer } from '../render/rendererChoice';
export { createSafeAreaGuides } from '../render/safeAreaGuides';
