import type { GraphicKind } from '../protocol/graphicSpec';
import type { GraphicDefinition } from './graphicDefinition';
import { athleteProfileGraphic } from './athleteProfile/athleteProfile';
import { crawlGraphic } from './crawl/crawl';
import { nameCardGraphic } from './nameCard/nameCard';
import { projectionTickerGraphic } from './projectionTicker/projectionTicker';
import { raceClockGraphic } from './raceClock/raceClock';
import { splitBannerGraphic } from './splitBanner/splitBanner';

import { resultCardGraphic } from './resultCard/resultCard';
import { statCardGraphic } from './statCard/statCard';
import { leaderboardGraphic } from './leaderboard/leaderboard';
import { gapGraphic } from './gap/gap';
import { athleteSplitsGraphic } from './athleteSplits/athleteSplits';

/** Every graphic kind the renderer can draw, in a plain list. */
export const graphicDefinitions = [
  nameCardGraphic,
  raceClockGraphic,
  splitBannerGraphic,
  projectionTickerGraphic,
  athleteProfileGraphic,
  resultCardGraphic,
  statCardGraphic,
  crawlGraphic,
  leaderboardGraphic,
  gapGraphic,
  athleteSplitsGraphic,
] as const;

// Definitions are stored loosely typed: reconcile() pairs each with props its own contract has validated.
export function definitionOf(kind: GraphicKind): GraphicDefinition<any, any, any> {
  const definition = graphicDefinitions.find((d) => d.contract.kind === kind);
  if (!definition) throw new Error(`No graphic definition for kind "${kind}"`);
  return definition as GraphicDefinition<any, any, any>;
}
