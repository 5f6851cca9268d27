import type { HubProcess } from '../test/harness/hubProcess';

/**
 * A mass race on a real hub as the feed benchmarks use it: `entrants` (bib, name, country) as its start list, in
 * commands of 500 (an HTTP body is 64 kB at most; a hub whose start list is capped below their number refuses
 * here), `points` as its timing points, its gun five hours ago (every time pushed is behind the running clock), a
 * push feed `bench` started, and its race clock and leaderboard (top 10) on air.
 */
export async function putMassRaceOnAir(hub: HubProcess, entrants: { bib: string; name: string; country: string }[], points: { metres: number; label: string }[]) {
  const post = async (command: unknown) => {
    const result = await hub.post(command);
    if (result.status !== 200) throw new Error(`set-up refused: ${JSON.stringify(result.body)}`);
  };
  for (let from = 0; from < entrants.length; from += 500) {
    const some = entrants.slice(from, from + 500);
    await post(from === 0 ? { type: 'setEntrants', raceId: 'mass', entrants: some } : { type: 'upsertEntrants', raceId: 'mass', entrants: some });
  }
  await post({ type: 'setTimingPoints', raceId: 'mass', points });
  await post({ type: 'setGunTime', raceId: 'mass', gunTime: Date.now() - 5 * 3_600_000 });
  await post({ type: 'setFeed', feed: { id: 'bench', source: 'push', raceId: 'mass' } });
  await post({ type: 'startFeed', feedId: 'bench' });
  await post({ type: 'take', graphic: { kind: 'raceClock', props: { raceIds: ['mass'] } } });
  await post({ type: 'take', graphic: { kind: 'leaderboard', props: { raceId: 'mass', top: 10 } } });
}
