import type { Race } from '../../protocol/race';
import type { GraphicSample } from '../graphicSample';
import { leaderboardSamples } from '../leaderboard/samples';

// The leaderboard's field, in a race with a Polish and Russian name: at 10K three run together and
// Γκελαούζος chases; at halfway Bekele and Kipchoge have dropped Biwott, and the gap grew.
const [passings] = leaderboardSamples;
const renamed = (races: Race[]) => races.map((race) => ({ ...race, name: 'ŁÓDŹ · МАРАФОН' }));

export const gapSamples: GraphicSample[] = [
  {
    name: 'passings',
    show: { races: renamed(passings!.show!.races!) },
    graphic: { kind: 'gap', props: { raceId: 'elite-men' } },
    updateShow: { races: renamed(passings!.updateShow!.races!) },
  },
];
