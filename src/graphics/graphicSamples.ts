import type { GraphicSample } from './graphicSample';
import { nameCardSamples } from './nameCard/samples';
import { projectionTickerSamples } from './projectionTicker/samples';
import { raceClockSamples } from './raceClock/samples';
import { splitBannerSamples } from './splitBanner/samples';

/** Every kind's samples, for the gallery and the golden-image tests. */
export const graphicSamples: Record<string, GraphicSample[]> = {
  nameCard: nameCardSamples,
  raceClock: raceClockSamples,
  splitBanner: splitBannerSamples,
  projectionTicker: projectionTickerSamples,
};
