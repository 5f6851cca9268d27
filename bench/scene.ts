import type { Command } from '../src/protocol/command';

/**
 * The scene the benchmark measures, as the commands an operator would send (POST /api/commands), in order,
 * on the demo show: two running race clocks (both started now, so every second changes), the split banner
 * and projection ticker of the men's halfway, a lower third and the crawl. Each entry is type-checked
 * against the command union, so a wrong prop fails `npm run typecheck`.
 */
export const marathonScene: Command[] = [
  { type: 'resetRace', raceId: 'mass' },
  { type: 'startRace', raceId: 'mass' },
  { type: 'resetRace', raceId: 'wheelchair-men' },
  { type: 'startRace', raceId: 'wheelchair-men' },
  { type: 'take', graphic: { kind: 'raceClock', props: { raceIds: ['mass', 'wheelchair-men'] } } },
  { type: 'take', graphic: { kind: 'splitBanner', props: { raceId: 'elite-men', metres: 21097.5 } } },
  { type: 'take', graphic: { kind: 'projectionTicker', props: { raceId: 'elite-men' } } },
  { type: 'take', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC athletics commentator on BBC One' } } },
  { type: 'crawlRun', running: true },
  { type: 'take', graphic: { kind: 'crawl', props: { label: 'London Marathon' } } },
];

/**
 * Commands sent in turn, one every `everyMs`, while a live output is measured, so the window includes the
 * animations an operator causes (an update every few seconds), not only a still frame. The "no updates" cases
 * leave them out, to compare like for like with MEASURING.md's DOM peers (a still lower third, crawl and clock).
 */
export const duringMeasurement: { everyMs: number; commands: Command[] } = {
  everyMs: 3000,
  commands: [
    { type: 'update', layer: 'lowerThird', graphic: { kind: 'nameCard', props: { name: 'Brendan Foster', role: 'Olympic medallist and BBC athletics commentator on BBC One' } } },
    { type: 'update', layer: 'lowerThird', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC athletics commentator on BBC One' } } },
  ],
};
