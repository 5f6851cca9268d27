import type { Race } from '../../protocol/race';
import type { GraphicSample } from '../graphicSample';
import { eliteMen } from '../sampleRaces';

const withBekele = (name: string): Race => ({ ...eliteMen(), entrants: [{ bib: '3', name, displayName: 'Bekele', country: 'ETH', category: 'ELITE', pbMs: 7_383_000 }] });

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
  {
    // Drawn from the start list: name, flag and personal best from bib 3; the age and bio typed. The start list's
    // corrected name arrives while it is on air and the profile updates in place.
    name: 'entrant',
    show: { races: [withBekele('Kenenisa Bekele')] },
    graphic: { kind: 'athleteProfile', props: { entrant: { raceId: 'elite-men', bib: '3' }, age: 34, bio: 'Olympic 5000 m and 10,000 m champion' } },
    updateShow: { races: [withBekele('Kenenisa Bekele Beyecha')] },
  },
];
