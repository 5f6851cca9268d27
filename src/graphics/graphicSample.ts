import type { GraphicSpec } from '../protocol/graphicSpec';
import type { ShowState } from '../state/showState';

/**
 * Sample data for one graphic kind, used by the gallery and the golden-image tests. `show` supplies what the
 * graphic resolves from the rest of the show (races, crawl items); `update` is the same kind with changed props.
 */
export type GraphicSample = {
  name: string;
  graphic: GraphicSpec;
  update?: GraphicSpec;
  show?: Partial<Omit<ShowState, 'onAir' | 'revision' | 'format'>>;
};
