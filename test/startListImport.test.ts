import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalPath, readShowJournal } from '../src/server/showJournal';
import { startHub, type HubProcess } from './harness/hubProcess';

let hub: HubProcess;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.kill());

const importCsv = async (raceId: string, csv: string | Buffer, to = hub) => {
  const body = typeof csv === 'string' ? csv : new Uint8Array(csv).buffer;
  const response = await fetch(`${to.url}/api/races/${raceId}/start-list`, { method: 'POST', headers: { authorization: `Bearer ${to.token}` }, body });
  return { status: response.status, body: await response.json() };
};
const entrant = async (raceId: string, bib: string) => (await hub.state()).races.find((r: { id: string }) => r.id === raceId).entrants?.find((e: { bib: string }) => e.bib === bib);
const rows = (count: number, row: (bib: number) => string) => ['bib,name,country', ...Array.from({ length: count }, (_, i) => row(i + 1))].join('\n');

describe('POST /api/races/<race>/start-list', () => {
  it('refuses only the row that would break a profile on air, names it with the reason, and imports every other row', async () => {
    expect((await importCsv('mass', rows(1500, (bib) => `${bib},Runner ${bib},KEN`))).body).toMatchObject({ imported: 1500, refused: [] });
    const take = await hub.post({ type: 'take', graphic: { kind: 'athleteProfile', props: { entrant: { raceId: 'mass', bib: '100' } } } });
    expect(take.status).toBe(200);

    // Bib 100 without a country would leave the profile on air with none: that row alone is refused.
    const big = await importCsv('mass', rows(1500, (bib) => (bib === 100 ? '100,Runner Hundred,' : `${bib},Renamed ${bib},GBR`)));
    expect(big.status).toBe(200);
    expect(big.body).toMatchObject({ imported: 1499, refused: [{ line: 101, bib: '100' }] });
    expect(big.body.refused[0].problems).toEqual([
      "The athlete profile on the lowerThird layer draws bib 100, and this change would break it: Runner Hundred (bib 100) has no country on MASS RACE's start list, and a profile shows one: add it to the entrant or type it in the profile. Take it off air first.",
    ]);
    expect(await entrant('mass', '1')).toEqual({ bib: '1', name: 'Renamed 1', country: 'GBR' });
    expect(await entrant('mass', '1500')).toEqual({ bib: '1500', name: 'Renamed 1500', country: 'GBR' });
    expect(await entrant('mass', '100')).toEqual({ bib: '100', name: 'Runner 100', country: 'KEN' });

    // A short list the same: the good row goes in.
    const small = await importCsv('mass', 'bib,name,country\n100,Runner Hundred,\n7,Seven Again,ETH');
    expect(small.status).toBe(200);
    expect(small.body).toMatchObject({ imported: 1, refused: [{ line: 2, bib: '100' }] });
    expect(await entrant('mass', '7')).toEqual({ bib: '7', name: 'Seven Again', country: 'ETH' });
    // Only that row: the import is refused, saying why.
    const only = await importCsv('mass', 'bib,name,country\n100,Runner Hundred,');
    expect(only.status).toBe(422);
    expect(only.body.error).toMatch(/^No athlete in that start list could be imported: line 2 \(bib 100\): The athlete profile on the lowerThird layer draws bib 100/);
    await hub.post({ type: 'clearAll' });
  });

  it('reads a file that is not UTF-8 as Windows-1252 (Excel’s CSV) and says so; UTF-16 by its byte-order mark', async () => {
    const latin1 = Buffer.from('bib,name,country\n13,Jos\xe9 Ma\xf1ez,ESP\n', 'latin1');
    const read = await importCsv('elite-men', latin1);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ imported: 1, refused: [], note: expect.stringMatching(/^The file is not UTF-8: it was read as Windows-1252/) });
    expect(await entrant('elite-men', '13')).toEqual({ bib: '13', name: 'José Mañez', country: 'ESP' });

    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Bib,Name,Country\r\n14,Zoë Çelik,TUR\r\n', 'utf16le')]);
    expect((await importCsv('elite-men', utf16le)).body).toMatchObject({ imported: 1, refused: [], ignoredColumns: [], note: 'The file is UTF-16 (little-endian): read as such.' });
    const utf16be = Buffer.from(Buffer.from('\ufeffbib,name\n15,Ångström\n', 'utf16le').swap16());
    expect((await importCsv('elite-men', utf16be)).body).toMatchObject({ imported: 1, note: 'The file is UTF-16 (big-endian): read as such.' });
    expect((await entrant('elite-men', '14')).name).toBe('Zoë Çelik');
    expect((await entrant('elite-men', '15')).name).toBe('Ångström');

    // UTF-8 is read as it is, with no note.
    const utf8 = await importCsv('elite-men', '\ufeffbib,name\n16,Paula Radcliffe');
    expect(utf8.body).toMatchObject({ imported: 1 });
    expect(utf8.body.note).toBeUndefined();
    // UTF-16 without its byte-order mark is refused whole with a sentence, not read as garbled columns.
    const bare = await importCsv('elite-men', Buffer.from('bib,name\n17,Nobody\n', 'utf16le'));
    expect(bare).toEqual({ status: 422, body: { error: 'The file is not text we can read (it holds zero bytes: UTF-16 without a byte-order mark, or a spreadsheet file): save it as "CSV UTF-8" to be sure. Nothing was imported.' } });
  });

  it('folds a line break or tab in a name to one space, and says a missing name is missing', async () => {
    const read = await importCsv('elite-women', 'bib,name,display name,country\n6003,,,GBR\n6002,"Line\nBreak","Short\t\tName",GBR');
    expect(read.body).toMatchObject({ imported: 1, refused: [{ line: 2, bib: '6003', problems: ['name: is missing'] }] });
    expect(await entrant('elite-women', '6002')).toEqual({ bib: '6002', name: 'Line Break', displayName: 'Short Name', country: 'GBR' });
    const upsert = await hub.post({ type: 'upsertEntrants', raceId: 'elite-women', entrants: [{ bib: '6004', name: 'New Line\r\nName' }] });
    expect(upsert.status).toBe(200);
    expect((await entrant('elite-women', '6004')).name).toBe('New Line Name');
    const missing = await hub.post({ type: 'upsertEntrants', raceId: 'elite-women', entrants: [{ bib: '6005' }] });
    expect(missing.body.error).toContain('entrants.0.name: is missing');
  });

  it('keeps all of a 20,000-row import or none of it when the hub is killed (kill -9) on the way, and a complete one is one revision', async () => {
    const own = await startHub();
    try {
      const raceId = 'wheelchair-men';
      const csv = rows(20_000, (i) => `${60_000 + i},Third${i} Try,ETH`);
      const race = async () => (await own.state()).races.find((r: { id: string }) => r.id === raceId);
      const ofImport = (entrants: { bib: string }[] | undefined) => (entrants ?? []).filter((e) => Number(e.bib) > 60_000).length;
      const entrantLog = `${own.showFile}.entrants.ndjson`;
      const sizeOf = (path: string) => (existsSync(path) ? statSync(path).size : 0);
      // The moments to kill at, each found on disk (no sleep): the first change of the import in the take journal or
      // the show file (a list applied in parts has only its first part there), and the start-list log beside the show
      // file growing (a list too big for a journal slot is written there before the show file names its revision).
      const moments: [string, (base: number, logBytes: number) => boolean][] = [
        ['its first change is in the take journal or the show file', (base) => readShowJournal(journalPath(own.showFile)).some((r) => r.revision > base) || JSON.parse(readFileSync(own.showFile, 'utf8')).revision > base],
        ['the start-list log beside the show file grows', (_, logBytes) => sizeOf(entrantLog) > logBytes],
      ];
      for (const [moment, reached] of moments) {
        const before = await own.state();
        const entrantsBefore = before.races.find((r: { id: string }) => r.id === raceId).entrants ?? [];
        const logBytes = sizeOf(entrantLog);
        let answered: number | null = null;
        const answer = importCsv(raceId, csv, own).then(
          (result) => void (answered = result.status),
          () => {}, // the connection died with the hub: no answer
        );
        while (answered === null && !reached(before.revision, logBytes)) await new Promise((r) => setTimeout(r, 1));
        await own.kill('SIGKILL');
        await answer;
        await own.restart();
        const after = await race();
        const kept = ofImport(after.entrants);
        expect(answered === 200 ? [20_000] : [0, 20_000], `killed as ${moment}: ${kept} of the 20,000 rows are in`).toContain(kept);
        if (kept === 0) expect(after.entrants ?? []).toEqual(entrantsBefore);
        expect((await own.post({ type: 'setEntrants', raceId, entrants: entrantsBefore })).status).toBe(200);
      }

      const base = (await own.state()).revision;
      const whole = await importCsv(raceId, csv, own);
      expect(whole.body).toEqual({ imported: 20_000, refused: [], warnings: [], ignoredColumns: [], revision: base + 1 });
      expect(ofImport((await race()).entrants)).toBe(20_000);
    } finally {
      await own.kill();
    }
  });
});
