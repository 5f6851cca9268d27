import { contractOf } from '../protocol/graphicSpec';
import type { Theme } from '../protocol/templates/theme';
import { emptyShow, type ShowState } from '../state/showState';
import type { GraphicSample } from '../graphics/graphicSample';

/** Hub times (ms) at which the storyboard changes the show. */
export const STORY = { take: 1000, update: 4000, clear: 7000, end: 9000 } as const;

export type StoryStep = { at: number; show: ShowState };

/**
 * A sample's life on air as a list of snapshots: taken at 1 s, updated at 4 s (when it has an update of its
 * props or of the show), cleared at 7 s. Rendering any time t shows exactly what an output would show at t.
 */
export function storyboard(sample: GraphicSample): StoryStep[] {
  const layer = contractOf(sample.graphic.kind).layer;
  const base: ShowState = { ...emptyShow('Gallery'), ...sample.show };
  const onAir = (graphic: typeof sample.graphic, updatedAt: number) => ({
    [layer]: { id: 'sample', layer, graphic, takenAt: STORY.take, updatedAt },
  });
  const steps: StoryStep[] = [
    { at: 0, show: base },
    { at: STORY.take, show: { ...base, revision: 1, onAir: onAir(sample.graphic, STORY.take) } },
  ];
  if (sample.update || sample.updateShow) {
    const updated = { ...base, ...sample.updateShow };
    steps.push({ at: STORY.update, show: { ...updated, revision: 2, onAir: onAir(sample.update ?? sample.graphic, STORY.update) } });
  }
  steps.push({ at: STORY.clear, show: { ...base, revision: 3, onAir: {} } });
  return steps;
}

export type StoryPhase = { phase: 'mid-enter' | 'on-air' | 'mid-update' | 'after-update' | 'mid-exit'; t: number; needsUpdate?: true };

/** The moments of a storyboard worth looking at (gallery buttons, golden images), for a theme's timing. */
export function storyPhases(timing: Theme['timing']): StoryPhase[] {
  return [
    { phase: 'mid-enter', t: STORY.take + (timing.enterSeconds * 1000) / 2 },
    { phase: 'on-air', t: STORY.update - 500 },
    { phase: 'mid-update', t: STORY.update + (timing.updateSeconds * 1000) / 2, needsUpdate: true },
    { phase: 'after-update', t: STORY.clear - 500, needsUpdate: true },
    { phase: 'mid-exit', t: STORY.clear + (timing.exitSeconds * 1000) / 2 },
  ];
}
