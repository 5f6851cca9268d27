// The library each package and CasparCG template imports: one build, copied into every package folder.
export { graphicElementFor } from './graphicElement';
export { PACKAGE_KINDS, packageId } from './packageData';
export { runCasparTemplate } from '../casparcg/casparTemplate';
