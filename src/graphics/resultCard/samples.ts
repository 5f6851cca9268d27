import type { GraphicSample } from '../graphicSample';

export const resultCardSamples: GraphicSample[] = [
  {
    name: 'men',
    graphic: {
      kind: 'resultCard',
      props: {
        race: "Elite men's race",
        winner: 'Eliud Kipchoge',
        country: 'KE',
        time: '2:03:05',
        note: 'Wins for the second year running',
        topThree: [
          { position: 1, name: 'Eliud Kipchoge', country: 'KE', time: '2:03:05' },
          { position: 2, name: 'Stanley Biwott', country: 'KE', time: '2:03:51' },
          { position: 3, name: 'Kenenisa Bekele', country: 'ET', time: '2:06:36' },
        ],
      },
    },
    update: {
      kind: 'resultCard',
      props: { race: "Wheelchair women's race", winner: 'Tatyana McFadden', country: 'US', time: '1:44:20', note: 'Her fourth straight win', topThree: [] },
    },
  },
  {
    // A Polish race, a Greek winner, placings in Greek, Cyrillic and Latin with diacritics.
    name: 'scripts',
    graphic: {
      kind: 'resultCard',
      props: {
        race: 'Maraton Łódź',
        winner: 'Κώστας Γκελαούζος',
        country: 'GR',
        time: '2:13:58',
        note: 'Первая победа · Πρώτη νίκη',
        topThree: [
          { position: 1, name: 'Κώστας Γκελαούζος', country: 'GR', time: '2:13:58' },
          { position: 2, name: 'Гонсалес Шварц', country: 'UA', time: '2:14:20' },
          { position: 3, name: 'Lukas Schär', country: 'CH', time: '2:15:02' },
        ],
      },
    },
  },
];
