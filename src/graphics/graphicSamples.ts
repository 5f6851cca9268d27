import type { GraphicSample } from './graphicSample';
import { athleteProfileSamples } from './athleteProfile/samples';
import { crawlSamples } from './crawl/samples';
import { nameCardSamples } from './nameCard/samples';
import { projectionTickerSamples } from './projectionTicker/samples';
import { raceClockSamples } from './raceClock/samples';
import { splitBannerSamples } from './splitBanner/samples';
import { resultCardSamples } from './resultCard/samples';
import { statCardSamples } from './statCard/samples';
import { leaderboardSamples } from './leaderboard/samples';
import { gapSamples } from './gap/samples';
import { athleteSplitsSamples } from './athleteSplits/samples';

/** Every kind's samples, for the gallery and the golden-image tests. */
export const graphicSamples: Record<string, GraphicSample[]> = {
  nameCard: nameCardSamples,
  raceClock: raceClockSamples,
  splitBanner: splitBannerSamples,
  projectionTicker: projectionTickerSamples,
  athleteProfile: athleteProfileSamples,
  resultCard: resultCardSamples,
  statCard: statCardSamples,
  crawl: crawlSamples,
  leaderboard: leaderboardSamples,
  gap: gapSamples,
  athleteSplits: athleteSplitsSamples,
};
