import type { GraphicSpec } from '../protocol/graphicSpec';
import type { ShowState } from '../state/showState';

/**
 * Sample data for one graphic kind, used by the gallery and the golden-image tests. `show` supplies what the
 * graphic resolves from the rest of the show (races, crawl items); `update` is the same kind with changed props,
 * `updateShow` a change to the rest of the show at the same moment (a new split arriving), with or without it.
 */
export type GraphicSample = {
  name: string;
  graphic: GraphicSpec;
  update?: GraphicSpec;
  show?: Partial<Omit<ShowState, 'onAir' | 'revision' | 'format'>>;
  updateShow?: Partial<Omit<ShowState, 'onAir' | 'revision' | 'format'>>;
};
