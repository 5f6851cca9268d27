import type { GraphicSample } from '../graphicSample';
import { eliteMen, eliteWomen, massRace, wheelchairWomen } from '../sampleRaces';

export const raceClockSamples: GraphicSample[] = [
  {
    // Two clocks at once, then a third (finished, so frozen at 1:44:20) joins the stack.
    name: 'two-races',
    show: { races: [eliteMen(), eliteWomen(), wheelchairWomen()] },
    graphic: { kind: 'raceClock', props: { raceIds: ['elite-men', 'elite-women'] } },
    update: { kind: 'raceClock', props: { raceIds: ['elite-men', 'elite-women', 'wheelchair-women'] } },
  },
  {
    // A race with no gun shows 0:00; one whose gun is set 10 s into the gallery counts down to it.
    name: 'before-the-gun',
    show: { races: [massRace(), { ...eliteMen(), gunTime: 10_000 }] },
    graphic: { kind: 'raceClock', props: { raceIds: ['mass', 'elite-men'] } },
  },
  {
    // Race names in Polish, Russian and Greek: Cyrillic and Greek come from the bundled fallback face.
    name: 'scripts',
    show: { races: [{ ...eliteMen(), name: 'ŁÓDŹ' }, { ...eliteWomen(), name: 'МОСКВА' }, { ...wheelchairWomen(), name: 'ΑΘΗΝΑ' }] },
    graphic: { kind: 'raceClock', props: { raceIds: ['elite-men', 'elite-women', 'wheelchair-women'] } },
  },
];
