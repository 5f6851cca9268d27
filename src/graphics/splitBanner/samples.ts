import type { GraphicSample } from '../graphicSample';
import { eliteMen, eliteWomen, MEN_HALFWAY, WOMEN_15_MILES } from '../sampleRaces';

export const splitBannerSamples: GraphicSample[] = [
  {
    name: 'halfway',
    show: { races: [eliteMen(), eliteWomen()] },
    graphic: { kind: 'splitBanner', props: { raceId: 'elite-men', metres: MEN_HALFWAY.metres } },
    update: { kind: 'splitBanner', props: { raceId: 'elite-women', metres: WOMEN_15_MILES.metres } },
  },
];
