import type { GraphicSample } from '../graphicSample';

export const statCardSamples: GraphicSample[] = [
  {
    name: 'runners',
    graphic: { kind: 'statCard', props: { value: 39698, unit: '', caption: 'runners were set to start' } },
    update: { kind: 'statCard', props: { value: 42.195, unit: 'km', caption: 'from Blackheath to The Mall' } },
  },
  {
    // A caption mixing Latin with diacritics, Cyrillic and Greek; a Cyrillic unit.
    name: 'scripts',
    graphic: { kind: 'statCard', props: { value: 42.195, unit: 'км', caption: 'Łódź, Москва, Αθήνα: Schär und Гонсалес' } },
  },
];
