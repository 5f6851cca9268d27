import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type HubProcess } from './harness/hubProcess';

let hub: HubProcess;
beforeAll(async () => {
  hub = await startHub();
  for (const command of [
    { type: 'addRace', raceId: 'qa-men', name: 'QA MEN', kind: 'elite-men' },
    { type: 'setTimingPoints', raceId: 'qa-men', points: [{ metres: 10_000, label: '10K' }] },
    { type: 'setGunTime', raceId: 'qa-men', gunTime: Date.now() - 3_600_000 },
    { type: 'setFeed', feed: { id: 'qa-push', source: 'push', raceId: 'qa-men' } },
    { type: 'startFeed', feedId: 'qa-push' },
  ]) {
    const { status, body } = await hub.post(command);
    expect(status, JSON.stringify(body)).toBe(200);
  }
});
afterAll(() => hub?.kill());

const request = async (path: string, init: RequestInit = {}) => {
  const response = await fetch(`${hub.url}${path}`, { ...init, headers: { authorization: `Bearer ${hub.token}` } });
  return { status: response.status, body: await response.json() };
};
const importCsv = (csv: string) => request('/api/races/qa-men/start-list', { method: 'POST', body: csv });
const found = async (q: string) => (await request(`/api/races/qa-men/entrants?q=${encodeURIComponent(q)}`)).body.entrants.map((e: { bib: string }) => e.bib);

describe('a start list as timing companies write it', () => {
  it('takes World Athletics country codes, keeps 7 and 007 apart with a warning, matches a feed’s bib 1 to 001, and finds names and bibs as typed', async () => {
    const csv = ['bib,name,country', '21,Rose Chelimo,BRN', '22,Melat Kejeta,GER', '23,Abdi Nageeye,NED', '24,Tadu Nare,NGR', '25,Tadesse Abraham,SUI', '26,Dulce Félix,POR', '27,Gerda Steyn,RSA', '7,Ruth Chepngetich,KEN', '007,Seamus O\'Brien,IRL', '001,Aoife O’Connor,IRL'].join('\n');
    const imported = await importCsv(csv);
    expect(imported).toMatchObject({ status: 200, body: { imported: 10, refused: [] } });
    expect(imported.body.warnings).toEqual([{ line: 10, bib: '007', warning: 'differs from bib 7 on line 9 only by leading zeros: imported as two athletes' }]);
    const entrants = (await hub.state()).races.find((r: { id: string }) => r.id === 'qa-men').entrants;
    expect(entrants.find((e: { bib: string }) => e.bib === '21').country).toBe('BRN');

    const pushed = await request('/api/feeds/qa-push/passings', { method: 'POST', body: JSON.stringify({ passings: [{ bib: 1, metres: 10_000, elapsedMs: 1_800_000 }] }) });
    expect(pushed).toEqual({ status: 200, body: { accepted: 1, refused: [] } });
    expect((await hub.state()).races.find((r: { id: string }) => r.id === 'qa-men').passings.map((row: unknown[]) => row[0])).toEqual(['001']);

    expect(await found('7')).toEqual(['7', '007']);
    expect(await found('obrien')).toEqual(['007']);
    expect(await found("o'connor")).toEqual(['001']);
  });
});
