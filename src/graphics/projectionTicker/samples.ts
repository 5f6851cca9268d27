import type { GraphicSample } from '../graphicSample';
import { eliteMen, eliteWomen, MEN_10K, MEN_HALFWAY, WORLD_RECORD_MEN } from '../sampleRaces';

export const projectionTickerSamples: GraphicSample[] = [
  {
    // 10K 28:37 projects 2:00:45 (2:12 under); then HALFWAY 1:01:24 arrives: 2:02:48, 9 S UNDER.
    // Only the split, projection and difference roll; the name and the record stay still.
    name: 'new-split',
    show: { races: [eliteMen([MEN_10K])] },
    graphic: { kind: 'projectionTicker', props: { raceId: 'elite-men' } },
    updateShow: { races: [eliteMen([MEN_10K, MEN_HALFWAY])] },
  },
  {
    // 15 MILES in 1:21:30 projects 2:22:27, 7:02 over Radcliffe's 2:15:25.
    name: 'over-record',
    show: { races: [eliteWomen()] },
    graphic: { kind: 'projectionTicker', props: { raceId: 'elite-women' } },
  },
  {
    // A Polish race name, a Greek split caption and a Russian record caption.
    name: 'scripts',
    show: {
      races: [
        { ...eliteMen([{ ...MEN_HALFWAY, label: 'ΗΜΙΜΑΡΑΘΩΝΙΟΣ' }]), name: 'ŁÓDŹ', record: { ...WORLD_RECORD_MEN, label: 'РЕКОРД МИРА' } },
      ],
    },
    graphic: { kind: 'projectionTicker', props: { raceId: 'elite-men' } },
  },
];
