import type { GraphicKind } from '../protocol/graphicSpec';
import type { GraphicDefinition } from './graphicDefinition';
import { nameCardGraphic } from './nameCard/nameCard';
import { projectionTickerGraphic } from './projectionTicker/projectionTicker';
import { raceClockGraphic } from './raceClock/raceClock';
import { splitBannerGraphic } from './splitBanner/splitBanner';

/** Every graphic kind the renderer can draw, in a plain list. */
export const graphicDefinitions = [nameCardGraphic, raceClockGraphic, splitBannerGraphic, projectionTickerGraphic] as const;

// Definitions are stored loosely typed: reconcile() pairs each with props its own contract has validated.
export function definitionOf(kind: GraphicKind): GraphicDefinition<any, any, any> {
  const definition = graphicDefinitions.find((d) => d.contract.kind === kind);
  if (!definition) throw new Error(`No graphic definition for kind "${kind}"`);
  return definition as GraphicDefinition<any, any, any>;
}
