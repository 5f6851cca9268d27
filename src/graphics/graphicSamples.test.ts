import { describe, expect, it } from 'vitest';
import { contractOf, type GraphicKind } from '../protocol/graphicSpec';
import { raceReferenceProblem } from '../state/raceReferences';
import { emptyShow, ShowState } from '../state/showState';
import { graphicSamples } from './graphicSamples';

// Samples feed the gallery and the golden images: they must be data the hub would accept, or the pictures
// would show something an operator could never put on air.
const cases = Object.entries(graphicSamples).flatMap(([kind, samples]) => samples.map((sample) => [`${kind}/${sample.name}`, sample] as const));

describe('graphic samples', () => {
  it.each(cases)('%s has props and a show the hub would accept', (_name, sample) => {
    for (const spec of [sample.graphic, sample.update].filter((s) => s !== undefined)) {
      const parsed = contractOf(spec.kind as GraphicKind).props.safeParse(spec.props);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
    for (const show of [sample.show, sample.updateShow].filter((s) => s !== undefined)) {
      const parsed = ShowState.safeParse({ ...emptyShow('Samples'), ...show });
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
    // What it draws from the show (a race, an entrant on its start list) is there, as a take would require.
    for (const show of [sample.show, sample.updateShow]) {
      if (show?.races) expect(raceReferenceProblem(sample.graphic, { ...emptyShow('Samples'), ...show } as ShowState)).toBeNull();
    }
  });
});
