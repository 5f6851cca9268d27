import type { GraphicSample } from '../graphics/graphicSample';
import type { OutputScene } from '../render/outputScene';
import { storyboard, type StoryStep } from './storyboard';

/**
 * Plays a sample's storyboard on a scene at any time t. Going forward applies the snapshots due by t, as an
 * output would receive them; going back (scrubbing, or after a template change) takes everything off and
 * replays the storyboard up to t, which shows exactly the same frame.
 */
export function createStoryPlayer(scene: OutputScene, sample: GraphicSample) {
  let steps: StoryStep[] = storyboard(sample);
  let next = 0;
  let lastT = -Infinity;
  let shownRevision: number | null = null;

  function restart() {
    scene.reset();
    next = 0;
    lastT = -Infinity;
    shownRevision = null;
  }

  return {
    renderAt(t: number): boolean {
      if (t < lastT) restart();
      while (next < steps.length && steps[next]!.at <= t) {
        const step = steps[next++]!;
        scene.show(step.show, step.at);
        shownRevision = step.show.revision;
      }
      lastT = t;
      return scene.frame(t);
    },
    /**
     * Draws t as an output page loaded at t would: the snapshot due then, shown at once (no enter). The next
     * renderAt replays the storyboard from the start.
     */
    renderInstantlyAt(t: number): boolean {
      restart();
      const due = steps.filter((step) => step.at <= t).at(-1);
      if (due) {
        scene.show(due.show, t, { instant: true });
        shownRevision = due.show.revision;
      }
      next = steps.length;
      lastT = Infinity;
      return scene.frame(t);
    },
    /** Plays another sample from the start (the next renderAt replays up to its t). */
    load(nextSample: GraphicSample) {
      steps = storyboard(nextSample);
      restart();
    },
    restart,
    /** Loads the images (flags) every step needs, so each shows at exactly its time. */
    async preload() {
      await Promise.all(steps.map((step) => scene.preload(step.show)));
    },
    shownRevision: () => shownRevision,
    time: () => lastT,
  };
}
