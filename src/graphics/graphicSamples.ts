import type { GraphicSample } from './graphicSample';
import { athleteProfileSamples } from './athleteProfile/samples';
import { crawlSamples } from './crawl/samples';
import { nameCardSamples } from './nameCard/samples';
import { resultCardSamples } from './resultCard/samples';
import { statCardSamples } from './statCard/samples';

/** Every kind's samples, for the gallery and the golden-image tests. */
export const graphicSamples: Record<string, GraphicSample[]> = {
  nameCard: nameCardSamples,
  athleteProfile: athleteProfileSamples,
  resultCard: resultCardSamples,
  statCard: statCardSamples,
  crawl: crawlSamples,
};
