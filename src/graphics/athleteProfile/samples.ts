import type { GraphicSample } from '../graphicSample';

export const athleteProfileSamples: GraphicSample[] = [
  {
    name: 'kimetto',
    graphic: {
      kind: 'athleteProfile',
      props: {
        name: 'Dennis Kimetto',
        age: 32,
        country: 'KE',
        bio: 'Ran each 5k of that Berlin Marathon in under 15 minutes',
        best: { label: 'World record', time: '2:02:57', note: 'Berlin 2014' },
      },
    },
    update: {
      kind: 'athleteProfile',
      props: { name: 'Kenenisa Bekele', country: 'ETH', bio: 'Olympic 5000 m and 10,000 m champion', best: { label: 'Personal best', time: '2:03:03', note: 'Berlin 2016' } },
    },
  },
  {
    name: 'woods',
    graphic: { kind: 'athleteProfile', props: { name: 'Shelly Woods', age: 29, country: 'GBR', bio: '' } },
  },
  {
    // A Greek name, a bio in Russian and Polish, a Swiss-German note.
    name: 'scripts',
    graphic: {
      kind: 'athleteProfile',
      props: {
        name: 'Κώστας Γκελαούζος',
        age: 35,
        country: 'GR',
        bio: 'Бронза в Москве, победа в Łódź: Гонсалес второй',
        best: { label: 'Ρεκόρ', time: '2:13:58', note: 'Zürich · Schär' },
      },
    },
  },
  {
    // Kenenisa Bekele as Ethiopian television writes him: Ge'ez comes from the bundled Noto Sans Ethiopic.
    name: 'ethiopic',
    graphic: {
      kind: 'athleteProfile',
      props: {
        name: 'ቀነኒሳ በቀለ',
        age: 33,
        country: 'ET',
        bio: 'የ5000 እና የ10,000 ሜትር የኦሊምፒክ ሻምፒዮን',
        best: { label: 'Personal best', time: '2:03:03', note: 'በርሊን 2016' },
      },
    },
  },
];
