import { z } from 'zod';
import { athleteProfile } from './kinds/athleteProfile';
import { crawl } from './kinds/crawl';
import { nameCard } from './kinds/nameCard';
import { projectionTicker } from './kinds/projectionTicker';
import { raceClock } from './kinds/raceClock';
import { splitBanner } from './kinds/splitBanner';
import { resultCard } from './kinds/resultCard';
import { statCard } from './kinds/statCard';
import { leaderboard } from './kinds/leaderboard';
import { gap } from './kinds/gapGraphic';
import { athleteSplits } from './kinds/athleteSplits';

/**
 * Every graphic kind's wire contract (kind, default layer, props schema), in a plain list. The Pixi side of
 * each kind lives in src/graphics/<kind>/; the contract sits here so the hub can validate props without
 * importing a renderer.
 */
export const GRAPHIC_KINDS = [nameCard, raceClock, splitBanner, projectionTicker, athleteProfile, resultCard, statCard, crawl, leaderboard, gap, athleteSplits] as const;
export type GraphicKind = (typeof GRAPHIC_KINDS)[number]['kind'];

function specOf<K extends string, P extends z.ZodType>(contract: { kind: K; props: P }) {
  return z.strictObject({ kind: z.literal(contract.kind), props: contract.props });
}

/** A graphic to put on air: its kind and props, validated per kind. */
export const GraphicSpec = z.discriminatedUnion('kind', [
  specOf(nameCard),
  specOf(raceClock),
  specOf(splitBanner),
  specOf(projectionTicker),
  specOf(athleteProfile),
  specOf(resultCard),
  specOf(statCard),
  specOf(crawl),
  specOf(leaderboard),
  specOf(gap),
  specOf(athleteSplits),
]);
export type GraphicSpec = z.infer<typeof GraphicSpec>;

export function contractOf(kind: GraphicKind) {
  const contract = GRAPHIC_KINDS.find((c) => c.kind === kind);
  if (!contract) throw new Error(`No graphic kind "${kind}"`);
  return contract;
}
