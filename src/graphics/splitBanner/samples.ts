import type { GraphicSample } from '../graphicSample';
import { eliteMen, eliteWomen, MEN_HALFWAY, WOMEN_15_MILES } from '../sampleRaces';

export const splitBannerSamples: GraphicSample[] = [
  {
    name: 'halfway',
    show: { races: [eliteMen(), eliteWomen()] },
    graphic: { kind: 'splitBanner', props: { raceId: 'elite-men', metres: MEN_HALFWAY.metres } },
    update: { kind: 'splitBanner', props: { raceId: 'elite-women', metres: WOMEN_15_MILES.metres } },
  },
  {
    // Leaders in Cyrillic, Greek and Latin with diacritics; a Greek race name and a Russian split caption.
    name: 'scripts',
    show: { races: [eliteMen([{ ...MEN_HALFWAY, label: 'ПОЛОВИНА', leaders: ['Гонсалес', 'Κώστας', 'Schär', 'Łukaszewicz'] }])].map((race) => ({ ...race, name: 'ΑΘΗΝΑ' })) },
    graphic: { kind: 'splitBanner', props: { raceId: 'elite-men', metres: MEN_HALFWAY.metres } },
  },
];
