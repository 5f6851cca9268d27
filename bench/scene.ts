import type { Command } from '../src/protocol/command';

/**
 * The scene the benchmark measures, as the commands an operator would send (POST /api/commands), in order.
 * The full marathon scene is two race clocks, the split banner, the projection ticker, a lower third and the
 * crawl: add each graphic's take here as its kind lands on main (each entry is type-checked against the
 * command union, so a wrong prop fails `npm run typecheck`).
 */
export const marathonScene: Command[] = [
  { type: 'take', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC athletics commentator on BBC One' } } },
];

/**
 * Commands sent in turn, one every `everyMs`, while a live output is measured, so the window includes the
 * animations an operator causes (an update every few seconds), not only a still frame.
 */
export const duringMeasurement: { everyMs: number; commands: Command[] } = {
  everyMs: 3000,
  commands: [
    { type: 'update', layer: 'lowerThird', graphic: { kind: 'nameCard', props: { name: 'Paula Radcliffe', role: 'Marathon world record holder' } } },
    { type: 'update', layer: 'lowerThird', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC athletics commentator on BBC One' } } },
  ],
};
