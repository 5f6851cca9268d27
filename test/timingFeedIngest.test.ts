import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type HubProcess } from './harness/hubProcess';

// Timing feeds on a real hub: what a push is told was accepted survives kill -9, a replay that can't reset its
// races is not started, and a pushed bib is read the way a pulled one is.
let hub: HubProcess;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.kill());

const race = { raceId: 'push-mass' };
const push = (passings: unknown[]) =>
  fetch(`${hub.url}/api/feeds/rr-push/passings`, { method: 'POST', headers: { authorization: `Bearer ${hub.token}` }, body: JSON.stringify({ passings }) });
const rowsOf = async () => ((await hub.state()).races as any[]).find((r) => r.id === race.raceId).passings ?? [];

async function command(body: unknown) {
  const result = await hub.post(body);
  expect(result, JSON.stringify(body)).toMatchObject({ status: 200 });
}

describe('timing feeds on a real hub', () => {
  beforeAll(async () => {
    await command({ type: 'addRace', ...race, name: 'MASS', kind: 'mass' });
    await command({ type: 'setGunTime', ...race, gunTime: Date.now() - 3 * 3_600_000 });
    await command({ type: 'setEntrants', ...race, entrants: [...Array.from({ length: 100 }, (_, i) => ({ bib: String(i + 1), name: `Runner ${i + 1}` })), { bib: 'F1', name: 'Mary Keitany' }] });
    await command({ type: 'setTimingPoints', ...race, points: [{ metres: 5000, label: '5K' }, { metres: 10_000, label: '10K' }] });
    await command({ type: 'setFeed', feed: { id: 'rr-push', source: 'push', ...race } });
    await command({ type: 'startFeed', feedId: 'rr-push' });
  });

  it('should keep a pushed passing it answered accepted through a kill -9 right after the answer', async () => {
    for (let round = 0; round < 3; round++) {
      const bib = String(round + 1);
      const answer = await push([{ bib, metres: 5000, elapsedMs: 1_500_000 + round * 1000 }]);
      expect(await answer.json()).toEqual({ accepted: 1, refused: [] });
      await hub.kill('SIGKILL');
      await hub.restart();
      expect((await rowsOf()).filter((row: any) => row[0] === bib)).toEqual([[bib, 0, 1_500_000 + round * 1000, expect.any(Number)]]);
    }
  });

  it('should keep every passing of a burst that was answered accepted when killed in the middle of it', async () => {
    const accepted: string[] = [];
    const burst = Array.from({ length: 40 }, (_, i) => String(i + 10)).map((bib, i) =>
      push([{ bib, metres: 5000, elapsedMs: 1_600_000 + i * 1000 }]).then(
        async (answer) => {
          if (answer.status === 200 && (await answer.json()).accepted === 1) accepted.push(bib);
        },
        () => {}, // the connection died with the hub: not acknowledged
      ),
    );
    await Promise.race(burst);
    await hub.kill('SIGKILL');
    await Promise.all(burst);
    await hub.restart();
    const kept = new Set((await rowsOf()).map((row: any) => row[0]));
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.filter((bib) => !kept.has(bib))).toEqual([]);
  });

  it('should read a whole-number bib as its text, and a bib in another case as the one entrant it matches', async () => {
    const answer = await push([
      { bib: 90, metres: 10_000, elapsedMs: 3_100_000 },
      { bib: 'f1', metres: 10_000, elapsedMs: 3_000_000 },
      { bib: 1.5, metres: 10_000, elapsedMs: 3_000_000 },
    ]);
    expect(await answer.json()).toEqual({ accepted: 2, refused: [{ row: 'passing 3 (bib 1.5)', reason: 'bib: Invalid input: expected string, received number' }] });
    const rows = await rowsOf();
    expect(rows.filter((row: any) => row[0] === '90' || row[0] === 'F1').map((row: any) => row.slice(0, 3))).toEqual([
      ['F1', 1, 3_000_000],
      ['90', 1, 3_100_000],
    ]);
  });

  it('should refuse to start a replay whose race can not be reset while its splits are on air, changing nothing', async () => {
    const [split] = ((await hub.state()).races as any[]).find((r) => r.id === 'elite-women').splits;
    await command({ type: 'take', graphic: { kind: 'splitBanner', props: { raceId: 'elite-women', metres: split.metres } } });
    await command({ type: 'setFeed', feed: { id: 'rehearsal', source: 'replay', file: 'london-2016-elite.rehearsal.json', speed: 10 } });
    const before = await hub.state();
    const refused = await hub.post({ type: 'startFeed', feedId: 'rehearsal' });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe(
      'The replay "rehearsal" resets the races it plays, and ELITE WOMEN can\'t be reset now: ELITE WOMEN\'s splits are on air in the split banner on the banner layer; take that off air before resetting the race. Nothing was started.',
    );
    const after = await hub.state();
    expect(after).toEqual(before);
    expect(((await (await fetch(`${hub.url}/api/feeds`)).json()).feeds as any[]).find((f) => f.id === 'rehearsal')).toMatchObject({ running: false, state: 'stopped', errors: [] });
  });
});
